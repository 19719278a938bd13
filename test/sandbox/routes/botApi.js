'use strict';
// WOZTELL's Bot API (doc.woztell.com "Bot API reference" → Send Responses): POST /sendResponses,
// body { channelId, memberId | recipientId, response: [ … ] }.
// What it answers on success is not shown for WhatsApp in WOZTELL's pages; its older Stella pages
// show { ok: 1, member, sendResults: [{ result: [{ result: { recipient_id, message_id } }] }] }
// (a Messenger send), which the sandbox answers with WhatsApp message IDs. Its refusals are
// { ok: 0, error } with an HTTP status, as the Public API's; a rate limit is HTTP 429 with
// Retry-After. Neither is shown in WOZTELL's pages: both are the sandbox's reading.
const { createHash } = require('node:crypto');
const { fail } = require('../http');
const { checkResponse } = require('./responseShapes');
const { redirectMemberToNode } = require('./redirect');

/**
 * How the Bot API behaves under load, as real services do; `npm run sandbox -- --help` and
 * `POST /sandbox/botApiBehaviour` set it. Checked in this order for every send:
 * - `refuse`: recipients (numbers or member IDs) refused for good, HTTP 400;
 * - `ratePerSecond`: accepted sends per clock second; past it HTTP 429, `Retry-After: 1`;
 * - `failEvery`: every Nth send answers `failStatus` (503 by default), not sent;
 * - `slowAnswerMs`: accepted and kept, then answered that late (for recipients in `slowFor`, or
 *   all when it is empty): the "WOZTELL may have sent it" case.
 */
const DEFAULT_BEHAVIOUR = {
	refuse: [],
	ratePerSecond: 0,
	failEvery: 0,
	failStatus: 503,
	slowAnswerMs: 0,
	slowFor: [],
};

/** A member ID for a WhatsApp number, the same every time (WOZTELL creates members on first contact). */
const memberOf = (recipientId) =>
	createHash('sha256').update(`member:${recipientId}`).digest('hex').slice(0, 24);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Past the cap of accepted sends in this clock second: 429, as WOZTELL or WhatsApp throttling does. */
function throttle(state, behaviour, now) {
	if (!behaviour.ratePerSecond) return;
	const second = Math.floor(now / 1000);
	if (state.sendWindow.second !== second) state.sendWindow = { second, accepted: 0 };
	if (state.sendWindow.accepted >= behaviour.ratePerSecond) {
		fail(429, `Too many messages: at most ${behaviour.ratePerSecond} a second`, {
			'Retry-After': '1',
		});
	}
	state.sendWindow.accepted++;
}

async function sendResponses({ body, receivedAt }, state) {
	const channelId = body?.channelId;
	if (!channelId) fail(400, 'channelId is required');
	if (channelId !== state.identity.channelId) fail(404, `Channel ${channelId} not found`);
	const { memberId, recipientId, response } = body;
	if (!memberId === !recipientId) fail(400, 'Either memberId or recipientId is required');
	if (!Array.isArray(response) || response.length === 0)
		fail(400, 'response must be a non-empty array');
	response.forEach((entry, index) => checkResponse(entry, index, state));

	const behaviour = state.botApiBehaviour;
	const recipient = memberId ?? recipientId;
	state.sendAttempts++;
	if (behaviour.refuse.includes(recipient))
		fail(400, `Recipient ${recipient} cannot receive WhatsApp messages`);
	if (behaviour.failEvery && state.sendAttempts % behaviour.failEvery === 0)
		fail(behaviour.failStatus, 'Service temporarily unavailable, nothing was sent');
	throttle(state, behaviour, receivedAt);

	const messageIds = response.map(() => `wamid.sandbox${++state.sentCount}`);
	state.sentResponses.push({ channelId, memberId, recipientId, response, messageIds });
	const slow = !behaviour.slowFor.length || behaviour.slowFor.includes(recipient);
	if (behaviour.slowAnswerMs && slow) await sleep(behaviour.slowAnswerMs);
	return {
		member: memberId ?? memberOf(recipientId),
		sendResults: messageIds.map((messageId) => ({
			result: [{ result: { recipient_id: recipientId ?? memberId, message_id: messageId } }],
		})),
	};
}

/** { refuse?, ratePerSecond?, failEvery?, failStatus?, slowAnswerMs?, slowFor? }; {} resets. */
function botApiBehaviour(state, input = {}) {
	const behaviour = { ...DEFAULT_BEHAVIOUR, ...input };
	for (const name of ['ratePerSecond', 'failEvery', 'slowAnswerMs']) {
		if (!Number.isInteger(behaviour[name]) || behaviour[name] < 0)
			fail(400, `${name} must be a whole number, 0 or more`);
	}
	if (!Number.isInteger(behaviour.failStatus) || behaviour.failStatus < 400)
		fail(400, 'failStatus must be an HTTP error status');
	for (const name of ['refuse', 'slowFor']) {
		if (!Array.isArray(behaviour[name])) fail(400, `${name} must be a list of recipients`);
		behaviour[name] = behaviour[name].map(String);
	}
	state.botApiBehaviour = behaviour;
	return { behaviour };
}

/** How many times each recipient was sent something, and who got it more than once. */
function sentCounts(state) {
	const counts = new Map();
	for (const { memberId, recipientId } of state.sentResponses) {
		const recipient = memberId ?? recipientId;
		counts.set(recipient, (counts.get(recipient) ?? 0) + 1);
	}
	return counts;
}

module.exports = {
	routes: [
		{ method: 'POST', path: '/sendResponses', auth: ['botToken'], handle: sendResponses },
		{
			method: 'POST',
			path: '/redirectMemberToNode',
			auth: ['botToken'],
			handle: redirectMemberToNode,
		},
	],
	DEFAULT_BEHAVIOUR,
	botApiBehaviour,
	sentCounts,
	memberOf,
};
