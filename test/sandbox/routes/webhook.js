'use strict';
// Delivers a channel webhook event the way WOZTELL does: POSTed as JSON to the URL of the
// channel's webhook setting, with X-Woztell-Signature = base64(HMAC-SHA256(raw body, channel
// secret)) (../shared/woztell-notes, "Beyond the reference"). Loopback URLs only.
const { createHmac } = require('node:crypto');
const { fail } = require('../http');

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** An inbound text from the sandbox's customer, in the shape of WOZTELL's inbound message event. */
function sampleInboundText(state, text = 'Hello from the sandbox') {
	return {
		from: '85291234567',
		to: state.wabaInfo.phoneNumber,
		timestamp: Date.now(),
		type: 'TEXT',
		data: { text },
		member: '5ece50f3bf385b25c4e08db5',
		channel: state.identity.channelId,
		app: state.identity.appId,
		memberExtraData: {},
	};
}

const signatureOf = (raw, secret) => createHmac('sha256', secret).update(raw).digest('base64');

function signedRequest(state, { event, text, body, signature = 'valid' }) {
	if (!['valid', 'forged', 'none'].includes(signature))
		fail(400, 'signature must be valid, forged or none');
	if (body !== undefined && typeof body !== 'string') fail(400, 'body must be text');
	const raw = body ?? JSON.stringify(event ?? sampleInboundText(state, text));
	const headers = { 'Content-Type': 'application/json' };
	if (signature !== 'none') {
		const secret = signature === 'valid' ? state.identity.channelSecret : 'forged-secret';
		headers['X-Woztell-Signature'] = signatureOf(raw, secret);
	}
	return { signature, raw, headers };
}

/**
 * { url, event?, text?, body?, signature?, replay? }: `body` sends that text as the body instead of
 * an event's JSON (signed all the same); `signature` is `valid` (default), `forged` (signed
 * with another secret) or `none`; `replay: true` sends the previous delivery's bytes and signature
 * again, as an attacker who captured it would. Answers what the receiver answered; keeps every
 * delivery.
 */
async function deliverWebhook(state, { url, replay, ...input } = {}) {
	if (typeof url !== 'string' || !URL.canParse(url)) fail(400, 'url must be a URL');
	if (!LOOPBACK_HOSTS.includes(new URL(url).hostname))
		fail(400, 'url must be on this machine (127.0.0.1, localhost or [::1])');
	const previous = state.webhookDeliveries.at(-1);
	if (replay && !previous) fail(400, 'nothing was delivered yet to replay');
	const { signature, raw, headers } = replay
		? { ...previous.request, signature: 'replay' }
		: signedRequest(state, input);
	const response = await fetch(url, { method: 'POST', headers, body: raw });
	const delivery = { url, signature, status: response.status, body: await response.text() };
	const event = input.body === undefined ? JSON.parse(raw) : undefined;
	state.webhookDeliveries.push({ ...delivery, event, request: { raw, headers } });
	return { delivery };
}

module.exports = { deliverWebhook };
