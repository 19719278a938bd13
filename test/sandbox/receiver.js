'use strict';
// A webhook receiver on 127.0.0.1 for the sandbox's deliverWebhook: hands each POST's raw bytes and
// headers to `handle` and answers with the status and JSON it returns.
const http = require('node:http');

async function startReceiver(handle) {
	const server = http.createServer((request, response) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', async () => {
			const { status, body } = await handle({
				raw: Buffer.concat(chunks),
				headers: request.headers,
			});
			response.writeHead(status, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify(body ?? {}));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}/webhook`,
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

module.exports = { startReceiver };
