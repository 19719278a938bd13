'use strict';
// Small helpers the routes share: WOZTELL's envelopes, auth checks and cursor paging.

class WoztellFailure extends Error {
	constructor(status, error, headers = {}) {
		super(error);
		this.status = status;
		this.headers = headers;
	}
}

const fail = (status, error, headers) => {
	throw new WoztellFailure(status, error, headers);
};

function requireAccessToken(request, state) {
	const token = request.query.accessToken ?? request.body?.accessToken;
	if (!token) fail(401, 'Missing access token');
	if (token !== state.identity.accessToken) fail(401, 'Invalid access token');
}

/**
 * The Bot API takes its token "as accessToken query parameter or Authorization: Bearer"
 * (notes, from WOZTELL's Bot API reference).
 */
function requireBotApiToken(request, state) {
	const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
	const token = bearer ?? request.query.accessToken;
	if (!token) fail(401, 'Missing access token');
	if (token !== state.identity.botApiToken) fail(401, 'Invalid access token');
}

/** The reference: X-Woztell-Payload is the payload JSON; X-Woztell-SignedContext is signature.base64(payload). */
function requireSignedContext(request, state) {
	const payload = request.headers['x-woztell-payload'];
	const signedContext = request.headers['x-woztell-signedcontext'];
	if (!payload || !signedContext) fail(401, 'Missing X-Woztell-Payload or X-Woztell-SignedContext');
	let parsed;
	try {
		parsed = JSON.parse(payload);
	} catch {
		fail(401, 'X-Woztell-Payload is not JSON');
	}
	const { appId, appIntegrationId, channelId, appIntegrationSignature } = state.identity;
	if (
		parsed.app !== appId ||
		parsed.appIntegration !== appIntegrationId ||
		parsed.channel !== channelId
	) {
		fail(401, 'Payload does not match the app integration of this channel');
	}
	const expected = `${appIntegrationSignature}.${Buffer.from(payload, 'utf8').toString('base64')}`;
	if (signedContext !== expected) fail(401, 'Invalid signed context');
}

function requireParameter(source, name) {
	const value = source?.[name];
	if (value === undefined || value === null || value === '') fail(400, `${name} is required`);
	return value;
}

function parseJsonList(value, name) {
	if (value === undefined) return undefined;
	try {
		const list = JSON.parse(value);
		if (Array.isArray(list)) return list;
	} catch {
		// falls through to the refusal below
	}
	return fail(400, `${name} must be a JSON array`);
}

const encodeCursor = (offset) => Buffer.from(`offset:${offset}`).toString('base64');
const decodeCursor = (cursor) => {
	const match = /^offset:(\d+)$/.exec(Buffer.from(String(cursor), 'base64').toString());
	if (!match) fail(400, 'Invalid cursor');
	return Number(match[1]);
};

/** WOZTELL's cursor paging: `after`/`before` cursors, `hasNext`/`hasPrevious`. */
function page(list, query, { sizeParameter, defaultSize, maxSize }) {
	const requested = query[sizeParameter] === undefined ? defaultSize : Number(query[sizeParameter]);
	if (!Number.isInteger(requested) || requested < 1)
		fail(400, `${sizeParameter} must be a positive integer`);
	if (maxSize && requested > maxSize) fail(400, `${sizeParameter} must be at most ${maxSize}`);
	let start = 0;
	if (query.after) start = decodeCursor(query.after) + 1;
	else if (query.before) start = Math.max(0, decodeCursor(query.before) - requested);
	const data = list.slice(start, start + requested);
	const end = start + data.length - 1;
	return {
		data,
		paging: {
			cursors: { before: encodeCursor(start), after: encodeCursor(Math.max(end, start)) },
			hasNext: start + data.length < list.length,
			hasPrevious: start > 0,
		},
	};
}

module.exports = {
	requireBotApiToken,
	WoztellFailure,
	fail,
	requireAccessToken,
	requireSignedContext,
	requireParameter,
	parseJsonList,
	page,
};
