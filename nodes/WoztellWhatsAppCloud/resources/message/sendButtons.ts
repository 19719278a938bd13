import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { maxLength } from '../../shared/validate';
import {
	asText,
	collectionEntries,
	compact,
	fieldProblem,
	firstProblemOf,
	forInputMode,
	FRAME_DEFAULTS,
	frameFields,
	frameProblem,
	inputModeField,
	jsonList,
	repeatedAt,
	toFrame,
	type FrameValues,
	type HeaderType,
} from './parts';
import type { MessageType } from './response';

const HEADERS: HeaderType[] = ['document', 'image', 'none', 'text', 'video'];
const OPERATIONS = ['sendButtons'];
/** WhatsApp Cloud API, reply buttons: 1 to 3, title ≤ 20 characters, ID ≤ 256, IDs unique. */
const MAX_BUTTONS = 3;
const TITLE_MAX = 20;
const ID_MAX = 256;

export const sendButtonsFields: INodeProperties[] = [
	...frameFields(OPERATIONS, HEADERS, 'The message above the buttons'),
	inputModeField(
		'buttonsInput',
		OPERATIONS,
		'Buttons',
		'An array of 1 to 3 buttons: [{ "id": "track", "title": "Track order" }]',
	),
	{
		displayName: 'Buttons',
		name: 'replyButtons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		description: `1 to ${MAX_BUTTONS} reply buttons; a tap sends the button's ID and title back (Message Trigger: reply)`,
		displayOptions: forInputMode(OPERATIONS, 'buttonsInput', 'builder'),
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. Track order',
						description: `The button's label, at most ${TITLE_MAX} characters`,
					},
					{
						displayName: 'ID',
						name: 'id',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. track_order',
						description: `Your own value for the button, given back in the Message Trigger's reply when the customer taps it; at most ${ID_MAX} characters, unique in the message`,
					},
				],
			},
		],
	},
	{
		displayName: 'Buttons (JSON)',
		name: 'buttonsJson',
		type: 'json',
		default:
			'[\n  { "id": "track_order", "title": "Track order" },\n  { "id": "talk_to_us", "title": "Talk to us" }\n]',
		description: `1 to ${MAX_BUTTONS} buttons, each with an ID (≤ ${ID_MAX} characters, unique) and a title (≤ ${TITLE_MAX})`,
		displayOptions: forInputMode(OPERATIONS, 'buttonsInput', 'json'),
	},
];

export interface ButtonsValues extends FrameValues {
	buttonsInput: unknown;
	replyButtons: unknown;
	buttonsJson: unknown;
}

interface ReplyButton {
	id: unknown;
	title: unknown;
}

function buttonsOf(values: ButtonsValues): { list: ReplyButton[] } | { problem: string } {
	if (values.buttonsInput !== 'json')
		return { list: collectionEntries(values.replyButtons, 'button') as unknown as ReplyButton[] };
	const parsed = jsonList(values.buttonsJson, 'Buttons (JSON)');
	if ('problem' in parsed) return parsed;
	return {
		list: parsed.list.map(
			(entry) => (entry !== null && typeof entry === 'object' ? entry : {}) as ReplyButton,
		),
	};
}

export function buttonsProblem(values: ButtonsValues): string | undefined {
	const buttons = buttonsOf(values);
	if ('problem' in buttons) return buttons.problem;
	const { list } = buttons;
	const count =
		list.length < 1 || list.length > MAX_BUTTONS
			? `Buttons must hold 1 to ${MAX_BUTTONS} buttons (it has ${list.length})`
			: undefined;
	const perButton = list
		.map(
			(button, index) =>
				fieldProblem(`Button ${index + 1} Title`, asText(button.title), maxLength(TITLE_MAX, 1)) ??
				fieldProblem(`Button ${index + 1} ID`, asText(button.id), maxLength(ID_MAX, 1)),
		)
		.find(Boolean);
	const repeated = repeatedAt(list.map((button) => asText(button.id)));
	return firstProblemOf(
		frameProblem(values, HEADERS),
		count,
		perButton,
		repeated === undefined
			? undefined
			: `Button ${repeated + 1} ID "${String(asText(list[repeated].id))}" is used by an earlier button: each button needs its own ID`,
	);
}

/**
 * Not confirmed by WOZTELL: its "WhatsApp message types" page lists "Interactive Message", but its
 * JSON could not be read in any public copy. The type name and the `payload` key of a button come
 * from the one public client that sent WOZTELL reply buttons (GitHub RodolfoMiguelLopez/
 * hackaton-Woztell-Incibe, woztell.py: `{"type": "WHATSAPP_REPLY_BUTTONS", "body", "footer",
 * "action": {"buttons": [{"type": "reply", "reply": {"payload", "title"}}]}}`); the rest is WhatsApp
 * Cloud API's interactive reply-button object (`header`, `body`, `footer`, `action`), whose button
 * ID WOZTELL calls payload, as its Message Event reference calls what a tap sends back.
 */
export function toButtonsResponse(values: ButtonsValues): IDataObject {
	const buttons = buttonsOf(values);
	const list = 'list' in buttons ? buttons.list : [];
	return compact({
		type: 'WHATSAPP_REPLY_BUTTONS',
		...toFrame(values),
		action: {
			buttons: list.map((button) => ({
				type: 'reply',
				reply: { payload: asText(button.id), title: asText(button.title) },
			})),
		},
	});
}

export const buttonsMessage: MessageType<ButtonsValues> = {
	defaults: {
		...FRAME_DEFAULTS,
		buttonsInput: 'builder',
		replyButtons: {},
		buttonsJson: '[]',
	},
	problem: buttonsProblem,
	build: toButtonsResponse,
};
