'use strict';
const { identity, credentialData } = require('./state');

module.exports = { ...require('./server'), identity, credentialData };
