'use strict';
// The local WOZTELL sandbox: the contract of WOZTELL's Public API for WhatsApp Cloud v1.2 on 127.0.0.1.
const http = require('node:http');
const { createState } = require('./state');
const {
	WoztellFailure,
	requireAccessToken,
	requireBotApiToken,
	requireSignedContext,
} = require('./http');
const routes = require('./routes');
const { admin, settleReviews } = require('./routes/admin');
const { answerOpenApi } = require('./routes/openApi');
const { routes: botApiRoutes } = require('./routes/botApi');

const API_PATH = '/v1.2/api';
const OPEN_API_PATH = '/open-api/v3';
const BOT_API_PATH = '/bot-api';
const ADMIN_PATH = '/sandbox/';
const AUTH_CHECKS = {
	token: requireAccessToken,
	signed: requireSignedContext,
	botToken: requireBotApiToken,
};

function readBody(request) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

function parseBody(raw) {
	if (!raw) return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

function send(response, status, body, headers = {}) {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
	response.end(text);
}

/** WOZTELL's envelope around what a handler returns, or around the failure it throws. */
async function answer(response, handle) {
	try {
		return send(response, 200, { ok: 1, ...(await handle()) });
	} catch (error) {
		if (error instanceof WoztellFailure)
			return send(response, error.status, { ok: 0, error: error.message }, error.headers);
		return send(response, 500, { ok: 0, error: `Sandbox error: ${error.message}` });
	}
}

/**
 * Starts the sandbox. `requests` records every call as received; `failNext` makes the next
 * calls misbehave (status, body, raw text, delay, dropped connection) for fault tests.
 */
async function startSandbox({ port = 0, host = '127.0.0.1', templateReviewMs = 0 } = {}) {
	const freshState = () => ({ ...createState(), templateReviewMs });
	const sandbox = {
		state: freshState(),
		requests: [],
		faults: [],
		failNext(...faults) {
			sandbox.faults.push(...faults);
		},
		reset() {
			sandbox.state = freshState();
			sandbox.requests.length = 0;
			sandbox.faults.length = 0;
		},
	};

	sandbox.admin = Object.fromEntries(
		Object.entries(admin).map(([name, change]) => [
			name,
			(input = {}) => change(sandbox.state, input),
		]),
	);

	const server = http.createServer(async (request, response) => {
		const url = new URL(request.url, 'http://sandbox');
		const raw = await readBody(request);
		settleReviews(sandbox.state);
		if (url.pathname.startsWith(ADMIN_PATH)) {
			const control = url.pathname.slice(ADMIN_PATH.length);
			if (request.method !== 'POST' || !Object.hasOwn(admin, control)) {
				return send(response, 404, { ok: 0, error: `No sandbox control POST ${url.pathname}` });
			}
			return answer(response, () => sandbox.admin[control](parseBody(raw)));
		}
		const api = url.pathname.startsWith(OPEN_API_PATH)
			? 'openApi'
			: url.pathname.startsWith(BOT_API_PATH)
				? 'bot'
				: 'public';
		const prefix = { public: API_PATH, bot: BOT_API_PATH, openApi: '' }[api];
		const record = {
			method: request.method,
			path: url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: request.headers,
			body: parseBody(raw),
			api,
			receivedAt: Date.now(),
			remotePort: request.socket.remotePort,
		};
		sandbox.requests.push(record);

		const fault = sandbox.faults.shift();
		if (fault) {
			if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
			if (fault.drop) return request.socket.destroy();
			if (fault.status)
				return send(response, fault.status, fault.raw ?? fault.body ?? '', fault.headers);
		}

		if (record.api === 'openApi') {
			const { status, body, headers } = answerOpenApi(record, sandbox.state);
			return send(response, status, body, headers);
		}
		const route = (api === 'bot' ? botApiRoutes : routes).find(
			(candidate) => candidate.method === request.method && candidate.path === record.path,
		);
		if (!route)
			return send(response, 404, { ok: 0, error: `No route ${request.method} ${record.path}` });
		return answer(response, () => {
			for (const check of route.auth) AUTH_CHECKS[check](record, sandbox.state);
			return route.handle(record, sandbox.state);
		});
	});

	// Room for a thousand connections opened at once (the bench's items all start together).
	await new Promise((resolve) => server.listen({ port, host, backlog: 2048 }, resolve));
	const origin = `http://${host}:${server.address().port}`;
	sandbox.baseUrl = `${origin}${API_PATH}`;
	sandbox.openApiUrl = `${origin}${OPEN_API_PATH}`;
	sandbox.botApiUrl = `${origin}${BOT_API_PATH}`;
	sandbox.close = () =>
		new Promise((resolve) => {
			server.closeAllConnections();
			server.close(resolve);
		});
	return sandbox;
}

module.exports = { startSandbox, API_PATH, OPEN_API_PATH, BOT_API_PATH };
