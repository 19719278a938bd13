'use strict';
// Every WOZTELL endpoint the sandbox answers, one file per part of the reference.
module.exports = [...require('./general'), ...require('./flows'), ...require('./templates')];
