'use strict';
// The example workflows under examples/, read from disk (fs stays out of the TypeScript tests).
const fs = require('node:fs');
const path = require('node:path');

const examplesDir = path.resolve(__dirname, '../../examples');

/** Every examples/*.json, parsed, with its file name. */
function loadExamples() {
	return fs
		.readdirSync(examplesDir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({
			file,
			workflow: JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8')),
		}));
}

module.exports = { loadExamples };
