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

/**
 * { url, event?, text?, signature? }: `signature` is `valid` (default), `forged` (signed with
 * another secret) or `none`. Answers what the receiver answered; keeps every delivery.
 */
async function deliverWebhook(state, { url, event, text, signature = 'valid' } = {}) {
	if (typeof url !== 'string' || !URL.canParse(url)) fail(400, 'url must be a URL');
	if (!LOOPBACK_HOSTS.includes(new URL(url).hostname))
		fail(400, 'url must be on this machine (127.0.0.1, localhost or [::1])');
	if (!['valid', 'forged', 'none'].includes(signature))
		fail(400, 'signature must be valid, forged or none');
	const raw = JSON.stringify(event ?? sampleInboundText(state, text));
	const headers = { 'Content-Type': 'application/json' };
	if (signature !== 'none') {
		const secret = signature === 'valid' ? state.identity.channelSecret : 'forged-secret';
		headers['X-Woztell-Signature'] = signatureOf(raw, secret);
	}
	const response = await fetch(url, { method: 'POST', headers, body: raw });
	const delivery = { url, signature, status: response.status, body: await response.text() };
	state.webhookDeliveries.push({ ...delivery, event: JSON.parse(raw) });
	return { delivery };
}

module.exports = { deliverWebhook };
