'use strict';
// The `response` entries the sandbox's Bot API accepts: exactly the shapes the node sends, with
// WhatsApp's limits, so that a change of shape in the node fails a test. Anything else is refused
// with HTTP 400 { ok: 0, error } naming the part, as WOZTELL refuses a bad request.
//
// Shown by WOZTELL ("WhatsApp message types"): TEXT, IMAGE, AUDIO, VIDEO, STICKER ({ url |
// attachment_id, text }), TEMPLATE (its n8n package's components). Not shown, each WhatsApp Cloud
// API's own object in WOZTELL's envelope (see the node's message/*.ts): FILE, LOCATION,
// LOCATION_REQUEST, CONTACT, REACTION, WHATSAPP_REPLY_BUTTONS, WHATSAPP_LIST, WHATSAPP_CTA_URL,
// WHATSAPP_FLOW.
const { fail } = require('../http');

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const length = (text) => [...text].length;

function onlyKeys(value, at, allowed) {
	if (!isObject(value)) fail(400, `${at} must be an object`);
	const extra = Object.keys(value).filter((key) => !allowed.includes(key));
	if (extra.length) fail(400, `${at} has unknown field ${extra[0]}`);
}

function text(value, at, { max = Infinity, optional = false } = {}) {
	if (value === undefined && optional) return;
	if (typeof value !== 'string' || value.trim() === '') fail(400, `${at} is required`);
	if (length(value) > max) fail(400, `${at} must have at most ${max} characters`);
}

function httpUrl(value, at) {
	text(value, at);
	if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
		fail(400, `${at} must be an http(s) URL`);
}

function list(value, at, min, max) {
	if (!Array.isArray(value)) fail(400, `${at} must be an array`);
	if (value.length < min || value.length > max)
		fail(400, `${at} must hold ${min} to ${max} entries (it has ${value.length})`);
}

function unique(values, at) {
	const repeated = values.find((value, index) => values.indexOf(value) !== index);
	if (repeated !== undefined) fail(400, `${at} must be unique: "${repeated}" is used twice`);
}

/** WhatsApp's media object: `{ link }` or `{ id }`. */
function mediaObject(value, at) {
	onlyKeys(value, at, ['link', 'id']);
	if ((value.link === undefined) === (value.id === undefined))
		fail(400, `${at} needs either link or id`);
	if (value.link !== undefined) httpUrl(value.link, `${at}.link`);
	else text(value.id, `${at}.id`);
}

// WOZTELL's media entries: a URL or a media ID (attachment_id), a caption in `text`.
const MEDIA_FIELDS = {
	IMAGE: ['text'],
	VIDEO: ['text'],
	AUDIO: [],
	STICKER: [],
	FILE: ['text', 'filename'],
};

function media(entry, at) {
	onlyKeys(entry, at, ['type', 'url', 'attachment_id', ...MEDIA_FIELDS[entry.type]]);
	if ((entry.url === undefined) === (entry.attachment_id === undefined))
		fail(400, `${at} needs either url or attachment_id`);
	if (entry.url !== undefined) httpUrl(entry.url, `${at}.url`);
	else text(entry.attachment_id, `${at}.attachment_id`);
	text(entry.text, `${at}.text`, { max: 1024, optional: true });
	text(entry.filename, `${at}.filename`, { optional: true });
}

function coordinate(value, at, limit) {
	if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit)
		fail(400, `${at} must be a number from -${limit} to ${limit}`);
}

// WhatsApp Cloud API's interactive parts: header (text ≤ 60, or media), body ≤ 1024, footer ≤ 60.
function header(value, at, types) {
	if (value === undefined) return;
	if (!isObject(value) || !types.includes(value.type))
		fail(400, `${at}.type must be one of ${types.join(', ')}`);
	if (value.type === 'text') {
		onlyKeys(value, at, ['type', 'text']);
		text(value.text, `${at}.text`, { max: 60 });
	} else {
		onlyKeys(value, at, ['type', value.type]);
		mediaObject(value[value.type], `${at}.${value.type}`);
	}
}

function interactive(entry, at, headerTypes, action) {
	onlyKeys(entry, at, ['type', 'header', 'body', 'footer', 'action']);
	header(entry.header, `${at}.header`, headerTypes);
	onlyKeys(entry.body, `${at}.body`, ['text']);
	text(entry.body.text, `${at}.body.text`, { max: 1024 });
	if (entry.footer !== undefined) {
		onlyKeys(entry.footer, `${at}.footer`, ['text']);
		text(entry.footer.text, `${at}.footer.text`, { max: 60 });
	}
	action(entry.action, `${at}.action`);
}

const MEDIA_HEADERS = ['text', 'image', 'video', 'document'];

function replyButtons(action, at) {
	onlyKeys(action, at, ['buttons']);
	list(action.buttons, `${at}.buttons`, 1, 3);
	action.buttons.forEach((button, index) => {
		const where = `${at}.buttons[${index}]`;
		onlyKeys(button, where, ['type', 'reply']);
		if (button.type !== 'reply') fail(400, `${where}.type must be reply`);
		onlyKeys(button.reply, `${where}.reply`, ['payload', 'title']);
		text(button.reply.payload, `${where}.reply.payload`, { max: 256 });
		text(button.reply.title, `${where}.reply.title`, { max: 20 });
	});
	unique(
		action.buttons.map((button) => button.reply.payload),
		`${at}.buttons[].reply.payload`,
	);
}

function listAction(action, at) {
	onlyKeys(action, at, ['button', 'sections']);
	text(action.button, `${at}.button`, { max: 20 });
	list(action.sections, `${at}.sections`, 1, 10);
	action.sections.forEach((section, index) => {
		const where = `${at}.sections[${index}]`;
		onlyKeys(section, where, ['title', 'rows']);
		text(section.title, `${where}.title`, { max: 24, optional: action.sections.length === 1 });
		list(section.rows, `${where}.rows`, 1, 10);
		section.rows.forEach((row, rowIndex) => {
			const rowAt = `${where}.rows[${rowIndex}]`;
			onlyKeys(row, rowAt, ['payload', 'title', 'description']);
			text(row.payload, `${rowAt}.payload`, { max: 200 });
			text(row.title, `${rowAt}.title`, { max: 24 });
			text(row.description, `${rowAt}.description`, { max: 72, optional: true });
		});
	});
	const rows = action.sections.flatMap((section) => section.rows);
	if (rows.length > 10) fail(400, `${at}.sections must hold at most 10 rows in all`);
	unique(
		rows.map((row) => row.payload),
		`${at}.sections[].rows[].payload`,
	);
}

function ctaUrlAction(action, at) {
	onlyKeys(action, at, ['name', 'parameters']);
	if (action.name !== 'cta_url') fail(400, `${at}.name must be cta_url`);
	onlyKeys(action.parameters, `${at}.parameters`, ['display_text', 'url']);
	text(action.parameters.display_text, `${at}.parameters.display_text`, { max: 20 });
	httpUrl(action.parameters.url, `${at}.parameters.url`);
}

/** A flow message needs a flow the account has; published mode, a published flow. */
function flowAction(state) {
	return (action, at) => {
		onlyKeys(action, at, ['name', 'parameters']);
		if (action.name !== 'flow') fail(400, `${at}.name must be flow`);
		const parameters = action.parameters;
		const where = `${at}.parameters`;
		onlyKeys(parameters, where, [
			'flow_message_version',
			'flow_id',
			'flow_cta',
			'mode',
			'flow_token',
			'flow_action',
			'flow_action_payload',
		]);
		if (parameters.flow_message_version !== '3')
			fail(400, `${where}.flow_message_version must be "3"`);
		text(parameters.flow_cta, `${where}.flow_cta`, { max: 30 });
		text(parameters.flow_token, `${where}.flow_token`, { optional: true });
		if (!['draft', 'published'].includes(parameters.mode))
			fail(400, `${where}.mode must be draft or published`);
		if (!['navigate', 'data_exchange'].includes(parameters.flow_action))
			fail(400, `${where}.flow_action must be navigate or data_exchange`);
		if (parameters.flow_action === 'navigate') {
			const payload = parameters.flow_action_payload;
			onlyKeys(payload, `${where}.flow_action_payload`, ['screen', 'data']);
			text(payload.screen, `${where}.flow_action_payload.screen`);
			if (
				payload.data !== undefined &&
				(!isObject(payload.data) || !Object.keys(payload.data).length)
			)
				fail(400, `${where}.flow_action_payload.data must be a non-empty object`);
		} else if (parameters.flow_action_payload !== undefined) {
			fail(400, `${where}.flow_action_payload is only for flow_action navigate`);
		}
		const flow = state.flows.find((candidate) => candidate.id === parameters.flow_id);
		if (!flow) fail(404, `Flow ${parameters.flow_id} not found`);
		if (parameters.mode === 'published' && flow.status !== 'PUBLISHED')
			fail(400, `Flow ${flow.id} is ${flow.status}: publish it, or send it in draft mode`);
	};
}

const CONTACT_FIELDS = ['name', 'phones', 'emails', 'org', 'urls', 'addresses', 'birthday'];

function contacts(entry, at) {
	onlyKeys(entry, at, ['type', 'contacts']);
	list(entry.contacts, `${at}.contacts`, 1, Infinity);
	entry.contacts.forEach((contact, index) => {
		const where = `${at}.contacts[${index}]`;
		onlyKeys(contact, where, CONTACT_FIELDS);
		onlyKeys(contact.name, `${where}.name`, [
			'formatted_name',
			'first_name',
			'last_name',
			'middle_name',
			'suffix',
			'prefix',
		]);
		text(contact.name.formatted_name, `${where}.name.formatted_name`);
		if (Object.keys(contact.name).length < 2)
			fail(400, `${where}.name needs a part besides formatted_name (e.g. first_name)`);
		for (const [key, field] of [
			['phones', 'phone'],
			['emails', 'email'],
			['urls', 'url'],
		]) {
			if (contact[key] === undefined) continue;
			list(contact[key], `${where}.${key}`, 1, Infinity);
			contact[key].forEach((entry, position) => {
				onlyKeys(entry, `${where}.${key}[${position}]`, [field, 'type', 'wa_id']);
				text(entry[field], `${where}.${key}[${position}].${field}`);
			});
		}
	});
}

// TEMPLATE components as WOZTELL's n8n package sends them (and WhatsApp's for copy_code).
const PARAMETER_KINDS = ['text', 'image', 'video', 'document'];

function parameters(value, at, kinds) {
	list(value, at, 1, Infinity);
	value.forEach((parameter, index) => {
		const where = `${at}[${index}]`;
		if (!isObject(parameter) || !kinds.includes(parameter.type))
			fail(400, `${where}.type must be one of ${kinds.join(', ')}`);
		onlyKeys(parameter, where, ['type', parameter.type]);
		if (parameter.type === 'text') text(parameter.text, `${where}.text`);
		else mediaObject(parameter[parameter.type], `${where}.${parameter.type}`);
	});
}

function templateButton(component, at) {
	onlyKeys(component, at, ['type', 'sub_type', 'index', 'parameters']);
	if (typeof component.index !== 'string' || !/^\d+$/.test(component.index))
		fail(400, `${at}.index must be a number as a string`);
	list(component.parameters, `${at}.parameters`, 1, 1);
	const [parameter] = component.parameters;
	const where = `${at}.parameters[0]`;
	const expected = {
		quick_reply: ['payload', (value) => text(value.payload, `${where}.payload`)],
		url: ['text', (value) => text(value.text, `${where}.text`)],
		copy_code: [
			'coupon_code',
			(value) => text(value.coupon_code, `${where}.coupon_code`, { max: 15 }),
		],
		flow: [
			'action',
			(value) => {
				onlyKeys(value.action, `${where}.action`, ['flow_token', 'flow_action_data']);
				text(value.action.flow_token, `${where}.action.flow_token`);
			},
		],
	}[component.sub_type];
	if (!expected) fail(400, `${at}.sub_type must be quick_reply, url, copy_code or flow`);
	const [kind, check] = expected;
	onlyKeys(parameter, where, ['type', kind]);
	if (parameter.type !== kind) fail(400, `${where}.type must be ${kind}`);
	check(parameter);
}

function templateComponents(components, at, { inCard = false } = {}) {
	if (!Array.isArray(components)) fail(400, `${at} must be an array`);
	components.forEach((component, index) => {
		const where = `${at}[${index}]`;
		if (!isObject(component)) fail(400, `${where} must be an object`);
		if (component.type === 'header' || component.type === 'body') {
			onlyKeys(component, where, ['type', 'parameters']);
			const kinds = component.type === 'header' ? PARAMETER_KINDS : ['text'];
			parameters(component.parameters, `${where}.parameters`, kinds);
		} else if (component.type === 'button') {
			templateButton(component, where);
		} else if (component.type === 'CAROUSEL' && !inCard) {
			onlyKeys(component, where, ['type', 'cards']);
			list(component.cards, `${where}.cards`, 1, 10);
			component.cards.forEach((card, cardIndex) => {
				const cardAt = `${where}.cards[${cardIndex}]`;
				onlyKeys(card, cardAt, ['card_index', 'components']);
				if (card.card_index !== cardIndex) fail(400, `${cardAt}.card_index must be ${cardIndex}`);
				templateComponents(card.components, `${cardAt}.components`, { inCard: true });
			});
		} else {
			fail(400, `${where}.type must be header, body, button${inCard ? '' : ' or CAROUSEL'}`);
		}
	});
}

function template(entry, at) {
	onlyKeys(entry, at, ['type', 'elementName', 'languageCode', 'components']);
	text(entry.elementName, `${at}.elementName`);
	text(entry.languageCode, `${at}.languageCode`);
	if (entry.components !== undefined) templateComponents(entry.components, `${at}.components`);
}

/** Checks one `response` entry; throws a 400 (a 404 for an unknown flow) naming what is wrong. */
function checkResponse(entry, index, state) {
	const at = `response[${index}]`;
	if (!isObject(entry)) fail(400, `${at} must be an object`);
	if (typeof entry.type !== 'string' || !entry.type) fail(400, `${at}.type is required`);
	switch (entry.type) {
		case 'TEXT':
			onlyKeys(entry, at, ['type', 'text']);
			return text(entry.text, `${at}.text`, { max: 4096 });
		case 'IMAGE':
		case 'VIDEO':
		case 'AUDIO':
		case 'STICKER':
		case 'FILE':
			return media(entry, at);
		case 'LOCATION':
			onlyKeys(entry, at, ['type', 'latitude', 'longitude', 'name', 'address']);
			coordinate(entry.latitude, `${at}.latitude`, 90);
			coordinate(entry.longitude, `${at}.longitude`, 180);
			text(entry.name, `${at}.name`, { optional: true });
			return text(entry.address, `${at}.address`, { optional: true });
		case 'LOCATION_REQUEST':
			return interactive(entry, at, [], (action, where) => {
				onlyKeys(action, where, ['name']);
				if (action.name !== 'send_location') fail(400, `${where}.name must be send_location`);
			});
		case 'CONTACT':
			return contacts(entry, at);
		case 'REACTION':
			onlyKeys(entry, at, ['type', 'message_id', 'emoji']);
			text(entry.message_id, `${at}.message_id`);
			if (typeof entry.emoji !== 'string') fail(400, `${at}.emoji must be an emoji or ""`);
			return undefined;
		case 'WHATSAPP_REPLY_BUTTONS':
			return interactive(entry, at, MEDIA_HEADERS, replyButtons);
		case 'WHATSAPP_LIST':
			return interactive(entry, at, ['text'], listAction);
		case 'WHATSAPP_CTA_URL':
			return interactive(entry, at, MEDIA_HEADERS, ctaUrlAction);
		case 'WHATSAPP_FLOW':
			return interactive(entry, at, ['text'], flowAction(state));
		case 'TEMPLATE':
			return template(entry, at);
		default:
			return fail(400, `${at}.type ${entry.type} is not a WhatsApp Cloud response type`);
	}
}

module.exports = { checkResponse };

const quoted = (value) => {
	const text = String(value ?? '');
	return JSON.stringify(text.length > 60 ? `${text.slice(0, 59)}…` : text);
};

/** One `response` entry as one readable line, for `npm run dev`'s log. */
function summaryOf(entry) {
	const body = entry.body?.text !== undefined ? ` ${quoted(entry.body.text)}` : '';
	const titles = (list) => `[${list.join(' | ')}]`;
	switch (entry.type) {
		case 'TEXT':
			return `TEXT ${quoted(entry.text)}`;
		case 'IMAGE':
		case 'VIDEO':
		case 'AUDIO':
		case 'STICKER':
		case 'FILE': {
			const file = entry.url ?? `media ${entry.attachment_id}`;
			const name = entry.filename ? ` as ${entry.filename}` : '';
			return `${entry.type} ${file}${name}${entry.text ? ` ${quoted(entry.text)}` : ''}`;
		}
		case 'LOCATION':
			return `LOCATION ${entry.latitude},${entry.longitude}${entry.name ? ` ${quoted(entry.name)}` : ''}`;
		case 'CONTACT':
			return `CONTACT ${(entry.contacts ?? []).map((contact) => contact.name?.formatted_name).join(', ')}`;
		case 'REACTION':
			return entry.emoji
				? `REACTION ${entry.emoji} to ${entry.message_id}`
				: `REACTION removed from ${entry.message_id}`;
		case 'WHATSAPP_REPLY_BUTTONS':
			return `BUTTONS${body} ${titles(entry.action.buttons.map((button) => button.reply.title))}`;
		case 'WHATSAPP_LIST': {
			const rows = entry.action.sections.flatMap((section) => section.rows.map((row) => row.title));
			return `LIST${body} ${entry.action.button}: ${titles(rows)}`;
		}
		case 'WHATSAPP_CTA_URL':
			return `CTA URL${body} [${entry.action.parameters.display_text} → ${entry.action.parameters.url}]`;
		case 'WHATSAPP_FLOW': {
			const { flow_cta: cta, flow_id: flowId, mode } = entry.action.parameters;
			return `FLOW${body} [${cta} → flow ${flowId}, ${mode}]`;
		}
		case 'LOCATION_REQUEST':
			return `LOCATION REQUEST${body}`;
		case 'TEMPLATE':
			return `TEMPLATE ${entry.elementName} (${entry.languageCode})`;
		default:
			return entry.type;
	}
}

module.exports.summaryOf = summaryOf;
