'use strict';
const { identity, credentialData, templateVersion } = require('./state');
const { createServer } = require('node:net');
const { sentCounts } = require('./routes/botApi');

/** A loopback port nothing listens on: a request there is refused before anything is sent. */
async function closedPort() {
	const server = createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	return port;
}

module.exports = {
	...require('./server'),
	identity,
	credentialData,
	templateVersion,
	sentCounts,
	closedPort,
};
