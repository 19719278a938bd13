'use strict';
// An HTTP receiver on 127.0.0.1 for the tests: hands each request's method, URL, raw bytes and
// headers to `handle` and answers with the status it returns, and its `body` as JSON or its
// `html` as a page. The sandbox's deliverWebhook POSTs to it as to a Message Trigger; the
// Send and Wait tests serve n8n's waiting webhooks with it.
const http = require('node:http');

async function startReceiver(handle) {
	const server = http.createServer((request, response) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', async () => {
			try {
				const { status, body, html } = await handle({
					method: request.method,
					url: request.url,
					raw: Buffer.concat(chunks),
					headers: request.headers,
				});
				const type = html === undefined ? 'application/json' : 'text/html';
				response.writeHead(status, { 'Content-Type': type });
				response.end(html ?? JSON.stringify(body ?? {}));
			} catch (error) {
				response.writeHead(500, { 'Content-Type': 'text/plain' });
				response.end(String(error?.stack ?? error));
			}
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${server.address().port}`;
	return {
		origin,
		url: `${origin}/webhook`,
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

module.exports = { startReceiver };
