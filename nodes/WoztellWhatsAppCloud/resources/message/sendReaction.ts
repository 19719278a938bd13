import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { asText, compact, firstProblemOf } from './parts';
import type { MessageType } from './response';

const forReaction = showFor('message', ['sendReaction']);

export const sendReactionFields: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. wamid.HBgLODUyOTEyMzQ1NjcVAgASGBQzQTdCMjU',
		description:
			"The WhatsApp message to react to: the Message Trigger's messageId, or a message ID a send returned",
		displayOptions: forReaction,
	},
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		default: '👍',
		placeholder: 'e.g. 👍',
		description: 'One emoji; empty removes the reaction sent before',
		displayOptions: forReaction,
	},
];

export interface ReactionValues {
	messageId: unknown;
	emoji: unknown;
}

/** WhatsApp message IDs start with "wamid."; the Cloud API answers a send with one. */
const WHATSAPP_MESSAGE_ID = /^wamid\.\S+$/;
/**
 * One emoji as a keyboard types it: a pictograph with its variation selector, skin tone, joined
 * parts (families, professions) and tags (subdivision flags); a flag; a keycap.
 */
const PART = '\\p{Extended_Pictographic}(?:\\uFE0F|\\p{Emoji_Modifier})?';
const ONE_EMOJI = new RegExp(
	`^(?:\\p{Regional_Indicator}{2}|[#*0-9]\\uFE0F?\\u20E3|${PART}(?:\\u200D${PART})*[\\u{E0020}-\\u{E007F}]*)$`,
	'u',
);

export function reactionProblem(values: ReactionValues): string | undefined {
	const messageId = asText(values.messageId);
	const emoji = asText(values.emoji);
	return firstProblemOf(
		typeof messageId === 'string' && WHATSAPP_MESSAGE_ID.test(messageId.trim())
			? undefined
			: 'Message ID must be a WhatsApp message ID starting with "wamid.", e.g. the Message Trigger\'s messageId',
		emoji === '' || (typeof emoji === 'string' && ONE_EMOJI.test(emoji))
			? undefined
			: 'Emoji must be one emoji, e.g. 👍, or empty to remove the reaction',
	);
}

/**
 * Not confirmed by WOZTELL: its "WhatsApp message types" page lists "Reaction", but its JSON
 * could not be read in any public copy. This sends WhatsApp Cloud API's reaction object
 * (`message_id`, `emoji`; an empty emoji removes the reaction) beside the type:
 * `{ "type": "REACTION", message_id, emoji }`.
 */
export function toReactionResponse(values: ReactionValues): IDataObject {
	return compact({
		type: 'REACTION',
		message_id: String(asText(values.messageId)).trim(),
		emoji: asText(values.emoji),
	});
}

export const reactionMessage: MessageType<ReactionValues> = {
	defaults: { messageId: '', emoji: '👍' },
	problem: reactionProblem,
	build: toReactionResponse,
};
