'use strict';
// Delivers a channel webhook event the way WOZTELL does: POSTed as JSON to the URL of the
// channel's webhook setting, with X-Woztell-Signature = base64(HMAC-SHA256(raw body, channel
// secret)) (../shared/woztell-notes, "Beyond the reference"). Loopback URLs only.
const { createHmac } = require('node:crypto');
const { fail } = require('../http');
const { memberOf } = require('./botApi');

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** A message from the sandbox's customer, in the shape of WOZTELL's inbound message event. */
function sampleEvent(state, type, data) {
	return {
		from: '85291234567',
		to: state.wabaInfo.phoneNumber,
		timestamp: Date.now(),
		type,
		data,
		member: '5ece50f3bf385b25c4e08db5',
		channel: state.identity.channelId,
		app: state.identity.appId,
		memberExtraData: {},
	};
}

/**
 * What else a customer sends, each in one shape. Only TEXT and the MISC attachment are WOZTELL's
 * own samples ("Channels webhook"); the file's own type with `data.fileId` is what integrations
 * fed by live WOZTELL webhooks read; PAYLOAD with `data.payload` is WOZTELL's button event
 * (Message Event reference, Facebook); the others are WhatsApp Cloud API's objects in `data`,
 * the sandbox's reading, as no WOZTELL page shows them. `data` in the request is merged over the
 * sample's.
 */
const SAMPLES = {
	text: () => ['TEXT', { text: 'Hello from the sandbox' }],
	buttonReply: () => ['PAYLOAD', { payload: 'track_order', text: 'Track order' }],
	listReply: () => ['PAYLOAD', { payload: 'opening_hours', text: 'Opening hours' }],
	location: () => [
		'LOCATION',
		{ latitude: 22.2783, longitude: 114.1747, name: 'Sandbox Coffee', address: 'Central' },
	],
	image: () => ['IMAGE', { fileId: '6662bd2f4c0c1c00123a9f01', caption: 'My receipt' }],
	imageAttachment: () => ['MISC', { attachments: [{ type: 'IMAGE', waMediaId: '1234567890' }] }],
	contacts: () => [
		'CONTACTS',
		{
			contacts: [
				{
					name: { formatted_name: 'Ada Lovelace', first_name: 'Ada', last_name: 'Lovelace' },
					phones: [{ phone: '+44 20 7946 0000', wa_id: '442079460000', type: 'CELL' }],
				},
			],
		},
	],
	reaction: () => ['REACTION', { reaction: { message_id: 'wamid.sandbox1', emoji: '👍' } }],
	quotedReply: () => [
		'TEXT',
		{ text: 'Yes, this one', context: { id: 'wamid.sandbox1', from: '85212345678' } },
	],
};

function sampleOf(state, { sample = 'text', text, data = {} }) {
	const make = SAMPLES[sample];
	if (!make) fail(400, `sample must be one of ${Object.keys(SAMPLES).join(', ')}`);
	const [type, sampleData] = make();
	return sampleEvent(state, type, { ...sampleData, ...(text ? { text } : {}), ...data });
}

const signatureOf = (raw, secret) => createHmac('sha256', secret).update(raw).digest('base64');

function signedRequest(state, { event, body, signature = 'valid', ...sample }) {
	if (!['valid', 'forged', 'none'].includes(signature))
		fail(400, 'signature must be valid, forged or none');
	if (body !== undefined && typeof body !== 'string') fail(400, 'body must be text');
	const raw = body ?? JSON.stringify(event ?? sampleOf(state, sample));
	const headers = { 'Content-Type': 'application/json' };
	if (signature !== 'none') {
		const secret = signature === 'valid' ? state.identity.channelSecret : 'forged-secret';
		headers['X-Woztell-Signature'] = signatureOf(raw, secret);
	}
	return { signature, raw, headers };
}

/**
 * { url, event?, sample?, text?, data?, body?, signature?, replay? }: the event given, or a
 * customer's `sample` (SAMPLES: text by default, with `text`; `data` merged over the sample's);
 * `body` sends that text as the body instead of an event's JSON (signed all the same);
 * `signature` is `valid` (default), `forged` (signed with another secret) or `none`; `replay: true`
 * sends the previous delivery's bytes and signature again, as an attacker who captured it would.
 * Answers what the receiver answered; keeps every delivery.
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
 * by default), as the `buttonReply` sample is shaped (PAYLOAD, the button's ID in `data.payload`,
 * its title in `data.text`), from the number the message went to unless `from` says another.
 * `payload` replaces the button's ID (a forged tap).
 */
async function tapButton(state, { url, title, index = 0, from, payload, signature, replay } = {}) {
	if (replay) return await deliverWebhook(state, { url, replay });
	const { sent, buttons } = lastButtonsMessage(state);
	const button = title === undefined ? buttons[index] : buttons.find((one) => one.title === title);
	if (!button) fail(400, `the last message with buttons has no button ${title ?? index}`);
	const customer = sampleEvent(state, 'PAYLOAD', {
		payload: payload ?? button.payload,
		text: button.title,
	});
	const number = String(from ?? sent.recipientId ?? customer.from);
	const event = {
		...customer,
		from: number,
		member: from === undefined && sent.memberId ? sent.memberId : memberOf(number),
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

/** What a delivered customer event holds, in one line, for `npm run dev`'s log. */
function eventSummary({ type, data = {} }) {
	if (type === 'PAYLOAD') return `reply ${data.payload} ${JSON.stringify(data.text ?? '')}`;
	if (type === 'LOCATION') return `location ${data.latitude},${data.longitude}`;
	if (data.text !== undefined) return `${type} ${JSON.stringify(data.text)}`;
	return `${type} ${JSON.stringify(data).slice(0, 80)}`;
}

module.exports = {
	deliverWebhook,
	tapButton,
	echoLastSent,
	eventSummary,
	SAMPLES: Object.keys(SAMPLES),
};
