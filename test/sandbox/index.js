'use strict';
module.exports = { ...require('./server'), identity: require('./state').identity };
