'use strict';
const { identity, credentialData, templateVersion } = require('./state');

module.exports = { ...require('./server'), identity, credentialData, templateVersion };
