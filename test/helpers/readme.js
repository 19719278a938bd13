'use strict';
// README.md as text (fs stays out of the TypeScript tests).
const fs = require('node:fs');
const path = require('node:path');

const readReadme = () => fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

module.exports = { readReadme };
