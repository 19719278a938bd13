'use strict';
// WOZTELL's Bot API (doc.woztell.com "Bot API reference" → Send Responses): POST /sendResponses,
// body { channelId, memberId | recipientId, response: [ … ] }. What WOZTELL answers on success is
// not shown in the pages read; the sandbox's { ok: 1, memberId | recipientId, messageIds } is a guess.
const { fail, requireParameter } = require('../http');

function checkResponse(entry, index) {
	const at = `response[${index}]`;
	if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
		fail(400, `${at} must be an object`);
	if (typeof entry.type !== 'string' || !entry.type) fail(400, `${at}.type is required`);
	if (entry.type === 'TEXT' && (typeof entry.text !== 'string' || !entry.text))
		fail(400, `${at}.text is required`);
	if (entry.type === 'TEMPLATE') {
		if (!entry.elementName) fail(400, `${at}.elementName is required`);
		if (!entry.languageCode) fail(400, `${at}.languageCode is required`);
	}
}

function sendResponses({ body }, state) {
	const channelId = requireParameter(body, 'channelId');
	if (channelId !== state.identity.channelId) fail(404, `Channel ${channelId} not found`);
	const { memberId, recipientId, response } = body;
	if (!memberId === !recipientId) fail(400, 'Either memberId or recipientId is required');
	if (!Array.isArray(response) || response.length === 0)
		fail(400, 'response must be a non-empty array');
	response.forEach(checkResponse);
	const messageIds = response.map(() => `wamid.sandbox${++state.sentCount}`);
	state.sentResponses.push({ channelId, memberId, recipientId, response, messageIds });
	return { ...(memberId ? { memberId } : { recipientId }), messageIds };
}

module.exports = [
	{ method: 'POST', path: '/sendResponses', auth: ['botToken'], handle: sendResponses },
];
