import type { IDataObject } from 'n8n-workflow';

/**
 * What every accepted event is answered with (HTTP 200), whether or not it starts the workflow:
 * WOZTELL documents no answer it expects. The node's webhook sets an empty `responseData`, so n8n
 * answers this `webhookResponse` instead of its default for onReceived, the text "firstEntryJson".
 */
export const RECEIVED = { received: true };

export type MessageEventName = 'inboundMessage' | 'deliveryStatus' | 'outboundMessage';

/** Delivery statuses come as their own event `type` (WOZTELL "Channels webhook"). */
const DELIVERY_TYPES = ['SENT', 'DELIVERED', 'READ'];
/** Outbound events: `type` BOT (the chatbot) or MANUAL (an agent in the inbox), with `messageEvent`. */
const OUTBOUND_TYPES = ['BOT', 'MANUAL'];

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown) => (typeof value === 'string' && value ? value : null);

export function eventNameOf(event: IDataObject): MessageEventName {
	const type = String(event.type ?? '');
	if (OUTBOUND_TYPES.includes(type) && isObject(event.messageEvent)) return 'outboundMessage';
	if (DELIVERY_TYPES.includes(type)) return 'deliveryStatus';
	return 'inboundMessage';
}

/**
 * WOZTELL's message event gives `timestamp` as "epoch time in milliseconds" (Message Event
 * reference); a value in seconds is read as seconds rather than as a date in 1970.
 */
export function isoTime(timestamp: unknown): string | null {
	const number = typeof timestamp === 'string' ? Number(timestamp) : timestamp;
	if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) return null;
	return new Date(number < 1e12 ? number * 1000 : number).toISOString();
}

/** `member`, `channel`, `app` are IDs; an object form is read by its `_id` or `id`. */
function idOf(value: unknown): string | null {
	if (isObject(value)) return textOf(value._id) ?? textOf(value.id);
	return textOf(value);
}

function mediaIdsOf(data: IDataObject): string[] {
	const attachments = Array.isArray(data.attachments) ? data.attachments : [];
	return attachments
		.map((attachment) => (isObject(attachment) ? textOf(attachment.waMediaId) : null))
		.filter((id): id is string => id !== null);
}

/** A file the customer sent: WhatsApp's media ID or WOZTELL's file ID, its type and caption. */
export interface Media {
	type: string | null;
	waMediaId: string | null;
	fileId: string | null;
	caption: string | null;
}

const MEDIA_TYPES = ['IMAGE', 'VIDEO', 'AUDIO', 'FILE', 'DOCUMENT', 'STICKER'];

/**
 * The files of an event, in either shape seen for WhatsApp: WOZTELL's "Channels webhook" sample,
 * `{ "type": "MISC", "data": { "attachments": [{ "type": "VIDEO", "waMediaId" }] } }`; or, where no
 * WOZTELL page shows it but integrations fed by live WOZTELL webhooks read it, the file's own type
 * with WOZTELL's file ID, `{ "type": "IMAGE", "data": { "fileId", "caption" } }`.
 */
export function mediaOf(type: string | null, data: IDataObject): Media[] {
	const media = (entry: IDataObject, kind: unknown): Media => ({
		type: textOf(kind)?.toUpperCase() ?? null,
		waMediaId: textOf(entry.waMediaId),
		fileId: textOf(entry.fileId),
		caption: textOf(entry.caption),
	});
	const attachments = (Array.isArray(data.attachments) ? data.attachments : [])
		.filter(isObject)
		.map((attachment) => media(attachment, attachment.type));
	const own =
		type && MEDIA_TYPES.includes(type.toUpperCase()) && (data.fileId || data.waMediaId)
			? [media(data, type)]
			: [];
	return [...own, ...attachments];
}

/** A place the customer shared. */
export interface Location {
	latitude: number;
	longitude: number;
	name: string | null;
	address: string | null;
}

const numberOf = (value: unknown) => {
	const number = typeof value === 'string' && value.trim() ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : null;
};

/**
 * No WOZTELL page shows a WhatsApp location event (an integration fed by WOZTELL's webhooks lists
 * the type LOCATION): read as WhatsApp's location object, in `data` itself or in `data.location`.
 */
export function locationOf(data: IDataObject): Location | null {
	const place = isObject(data.location) ? data.location : data;
	const latitude = numberOf(place.latitude);
	const longitude = numberOf(place.longitude);
	if (latitude === null || longitude === null) return null;
	return { latitude, longitude, name: textOf(place.name), address: textOf(place.address) };
}

/** What the customer reacted with, and to which message (an empty emoji: the reaction removed). */
export interface Reaction {
	emoji: string;
	messageId: string | null;
}

/**
 * No WOZTELL page shows a WhatsApp reaction event: read as WhatsApp's reaction object
 * (`message_id`, `emoji`) in `data.reaction`, or beside the type REACTION in `data`.
 */
export function reactionOf(type: string | null, data: IDataObject): Reaction | null {
	const reaction = isObject(data.reaction) ? data.reaction : type === 'REACTION' ? data : null;
	if (!reaction || typeof reaction.emoji !== 'string') return null;
	return {
		emoji: reaction.emoji,
		messageId: textOf(reaction.message_id) ?? textOf(reaction.messageId),
	};
}

/**
 * No WOZTELL page shows a WhatsApp contacts event: read as WhatsApp's contacts array (contact
 * objects with `name`, `phones`, `emails`…) in `data.contacts`, as sent.
 */
export function contactsOf(data: IDataObject): IDataObject[] | null {
	const contacts = Array.isArray(data.contacts) ? data.contacts.filter(isObject) : [];
	return contacts.length ? contacts : null;
}

/**
 * The message a reply quotes. No WOZTELL page shows it: read as WhatsApp's `context` (`id`, the
 * quoted message's ID) in `data.context`.
 */
export function quotedMessageIdOf(data: IDataObject): string | null {
	const context = isObject(data.context) ? data.context : {};
	return textOf(context.id) ?? textOf(context.message_id) ?? textOf(context.messageId);
}

/** A customer's tap on a reply button or a list row: the ID the message gave it, and its title. */
export interface Reply {
	id: string;
	title: string | null;
}

/**
 * The reply a tap sends back. No public WOZTELL page shows a WhatsApp button or list reply event.
 * WOZTELL's Message Event reference gives a button's "PAYLOAD" type its "custom data provided by
 * the app" in `data.payload` (an object `{ payload, value }` where the response set one, per
 * "Advanced payload value"); WhatsApp's own webhook puts it in `interactive.button_reply` or
 * `list_reply` (`id`, `title`). Both are read; the sandbox sends the first.
 */
export function replyOf(event: IDataObject): Reply | null {
	const data = isObject(event.data) ? event.data : {};
	const payload = isObject(data.payload) ? data.payload.payload : data.payload;
	if (typeof payload === 'string' && payload) {
		return { id: payload, title: textOf(data.title) ?? textOf(data.text) };
	}
	const interactive = isObject(data.interactive) ? data.interactive : {};
	const native = interactive.button_reply ?? interactive.list_reply;
	if (isObject(native) && typeof native.id === 'string' && native.id) {
		return { id: native.id, title: textOf(native.title) };
	}
	return null;
}

/**
 * One output item per webhook event, with the fields a workflow maps most (WOZTELL's shapes,
 * ../shared/woztell-notes "Beyond the reference"): inbound `{ from, to, timestamp, type, data,
 * member, channel }`; delivery status `{ type: SENT | DELIVERED | READ, messageId, data.messageId }`;
 * outbound `{ type: BOT | MANUAL, member, channel, messageEvent: { from, to, timestamp, type, data,
 * messageId } }`. What a message carries besides text (a reply, files, a location, contacts, a
 * reaction, a quoted message) is read where each function above says; fields an event does not
 * carry are null (`media`: empty). The event as WOZTELL sent it stays beside them in `raw`.
 */
export function messageItemOf(event: IDataObject): IDataObject {
	const name = eventNameOf(event);
	const message = name === 'outboundMessage' ? (event.messageEvent as IDataObject) : event;
	const data = isObject(message.data) ? message.data : {};
	const delivery = name === 'deliveryStatus';
	return {
		event: name,
		messageType: delivery ? null : textOf(message.type),
		status: delivery ? textOf(event.type) : null,
		sentBy: name === 'outboundMessage' ? textOf(event.type) : null,
		from: textOf(message.from),
		to: textOf(message.to),
		memberId: idOf(event.member),
		channelId: idOf(event.channel),
		messageId: textOf(message.messageId) ?? textOf(data.messageId),
		text: textOf(data.text),
		mediaIds: mediaIdsOf(data),
		timestamp: isoTime(message.timestamp),
		reply: delivery ? null : replyOf(message),
		media: delivery ? [] : mediaOf(textOf(message.type), data),
		location: delivery ? null : locationOf(data),
		contacts: delivery ? null : contactsOf(data),
		reaction: delivery ? null : reactionOf(textOf(message.type), data),
		quotedMessageId: delivery ? null : quotedMessageIdOf(data),
		raw: event,
	};
}
