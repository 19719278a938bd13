'use strict';
// Delivers a channel webhook event the way WOZTELL does: POSTed as JSON to the URL of the
// channel's webhook setting, with X-Woztell-Signature = base64(HMAC-SHA256(raw body, channel
// secret)) (../shared/woztell-notes, "Beyond the reference"). Loopback URLs only.
const { createHmac } = require('node:crypto');
const { fail } = require('../http');
const { memberOf } = require('./botApi');

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

function signedRequest(state, { event, text, signature = 'valid' }) {
	if (!['valid', 'forged', 'none'].includes(signature))
		fail(400, 'signature must be valid, forged or none');
	const raw = JSON.stringify(event ?? sampleInboundText(state, text));
	const headers = { 'Content-Type': 'application/json' };
	if (signature !== 'none') {
		const secret = signature === 'valid' ? state.identity.channelSecret : 'forged-secret';
		headers['X-Woztell-Signature'] = signatureOf(raw, secret);
	}
	return { signature, raw, headers };
}

/**
 * { url, event?, text?, signature?, replay? }: `signature` is `valid` (default), `forged` (signed
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
	state.webhookDeliveries.push({ ...delivery, event: JSON.parse(raw), request: { raw, headers } });
	return { delivery };
}

/** The last message the Bot API sent with reply buttons, and its buttons. */
function lastButtonsMessage(state) {
	for (const sent of [...state.sentResponses].reverse()) {
		const entry = sent.response.find((response) => Array.isArray(response?.action?.buttons));
		if (entry) return { sent, buttons: entry.action.buttons.map(({ reply }) => reply) };
	}
	return fail(400, 'the Bot API sent no message with reply buttons yet');
}

/**
 * { url, title? | index?, from?, payload?, signature?, replay? }: the customer taps a reply button of
 * the last message the Bot API sent with buttons: the button titled `title` (or at `index`, first
 * by default). WOZTELL's inbound event for a tap is not shown in its public pages; the sandbox
 * sends its Message Event reference's PAYLOAD type, the button's ID in `data.payload`, from the
 * number the message went to unless `from` says another. `payload` replaces the button's ID (a
 * forged tap).
 */
async function tapButton(state, { url, title, index = 0, from, payload, signature, replay } = {}) {
	if (replay) return await deliverWebhook(state, { url, replay });
	const { sent, buttons } = lastButtonsMessage(state);
	const button = title === undefined ? buttons[index] : buttons.find((one) => one.title === title);
	if (!button) fail(400, `the last message with buttons has no button ${title ?? index}`);
	const number = from ?? sent.recipientId ?? sampleInboundText(state).from;
	const event = {
		...sampleInboundText(state),
		from: String(number),
		type: 'PAYLOAD',
		data: { payload: payload ?? button.payload, title: button.title },
		member: from === undefined && sent.memberId ? sent.memberId : memberOf(String(number)),
	};
	return await deliverWebhook(state, { url, event, signature });
}

/**
 * { url }: what WOZTELL sends the channel's webhook after a Bot API send ("All the messages sent
 * via WOZTELL sendResponse API would also send to your designated webhook as type MANUAL"), for
 * the last message sent: an outbound event carrying the response as sent.
 */
async function echoLastSent(state, { url } = {}) {
	const sent = state.sentResponses.at(-1);
	if (!sent) fail(400, 'the Bot API sent nothing yet');
	const event = {
		type: 'MANUAL',
		member: sent.memberId ?? memberOf(sent.recipientId),
		channel: state.identity.channelId,
		app: state.identity.appId,
		memberExtraData: {},
		messageEvent: {
			from: state.wabaInfo.phoneNumber,
			to: sent.recipientId ?? null,
			timestamp: Date.now(),
			type: sent.response[0].type,
			data: sent.response[0].type === 'TEXT' ? { text: sent.response[0].text } : sent.response[0],
			messageId: sent.messageIds[0],
		},
	};
	return await deliverWebhook(state, { url, event });
}

module.exports = { deliverWebhook, tapButton, echoLastSent };
