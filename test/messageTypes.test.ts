import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode, sandboxCredentials } from './engine/harness';
import { useSandbox } from './engine/useSandbox';
import { identity } from './sandbox';

/**
 * Every message type through n8n's engine to the sandbox's Bot API: the exact `response` entry
 * each operation and option sends, the outcome item, and each limit refused with nothing sent.
 */
const context = useSandbox();
const RECIPIENT = '85291234567';
const PUBLISHED_FLOW = { id: '885692686603466', name: 'Booking', status: 'PUBLISHED' };
const DRAFT_FLOW = { id: '885692686603467', name: 'Survey', status: 'DRAFT' };

beforeEach(() => {
	context.sandbox.state.flows.push(
		{ ...PUBLISHED_FLOW, categories: ['APPOINTMENT_BOOKING'], validation_errors: [] },
		{ ...DRAFT_FLOW, categories: ['SURVEY'], validation_errors: [] },
	);
});

const send = (operation: string, parameters: INodeParameters, items?: IDataObject[]) =>
	runNode(
		{ resource: 'message', operation, recipient: RECIPIENT, ...parameters },
		{ credentials: sandboxCredentials(context.sandbox), items },
	);

/** Sends, expects success, and gives the one `response` entry the Bot API received. */
async function sentEntry(operation: string, parameters: INodeParameters, items?: IDataObject[]) {
	const { error, items: output } = await send(operation, parameters, items);
	expect(error).toBeUndefined();
	const requests = context.sandbox.requests.filter((request) => request.api === 'bot');
	expect(requests).toHaveLength(1);
	const body = requests[0].body as IDataObject;
	expect(body).toMatchObject({ channelId: identity.channelId, recipientId: RECIPIENT });
	expect(output.map((item) => item.json)).toEqual([
		{
			recipientId: RECIPIENT,
			memberId: expect.stringMatching(/^[0-9a-f]{24}$/),
			messageIds: ['wamid.sandbox1'],
			attempts: 1,
		},
	]);
	const response = body.response as IDataObject[];
	expect(response).toHaveLength(1);
	return response[0];
}

const buttons = (...pairs: Array<[string, string]>) => ({
	button: pairs.map(([id, title]) => ({ id, title })),
});
const rows = (...entries: Array<[string, string, string?, string?]>) => ({
	row: entries.map(([id, title, description, section]) => ({ id, title, description, section })),
});

describe('message → sendMedia', () => {
	it.each([
		[
			'an image by URL, with a caption',
			{ mediaType: 'image', mediaUrl: 'https://shop.example/a.JPG', caption: 'Your order' },
			{ type: 'IMAGE', url: 'https://shop.example/a.JPG', text: 'Your order' },
		],
		[
			'a video by media ID',
			{ mediaType: 'video', mediaSource: 'mediaId', mediaId: '5770270532993662' },
			{ type: 'VIDEO', attachment_id: '5770270532993662' },
		],
		[
			'an audio file (no caption, even if one is left in the field)',
			{ mediaType: 'audio', mediaUrl: 'https://shop.example/voice.ogg', caption: 'ignored' },
			{ type: 'AUDIO', url: 'https://shop.example/voice.ogg' },
		],
		[
			'a sticker',
			{ mediaType: 'sticker', mediaUrl: 'https://shop.example/smile.webp' },
			{ type: 'STICKER', url: 'https://shop.example/smile.webp' },
		],
		[
			'a document with a caption and a file name',
			{
				mediaType: 'document',
				mediaUrl: 'https://shop.example/download?invoice=7',
				caption: 'Invoice for May',
				fileName: 'invoice-may.pdf',
			},
			{
				type: 'FILE',
				url: 'https://shop.example/download?invoice=7',
				text: 'Invoice for May',
				filename: 'invoice-may.pdf',
			},
		],
	])('sends %s', async (_case, parameters, expected) => {
		expect(await sentEntry('sendMedia', parameters)).toEqual(expected);
	});
});

describe('message → sendLocation and requestLocation', () => {
	it('sends a LOCATION with numbers for the typed coordinates', async () => {
		const entry = await sentEntry('sendLocation', {
			latitude: ' 22.2783',
			longitude: '114.1747',
			locationName: 'Sandbox Coffee',
			address: '1 Queen’s Road Central',
		});
		expect(entry).toEqual({
			type: 'LOCATION',
			latitude: 22.2783,
			longitude: 114.1747,
			name: 'Sandbox Coffee',
			address: '1 Queen’s Road Central',
		});
	});

	it('takes coordinates mapped as numbers, and leaves out an empty name and address', async () => {
		const entry = await sentEntry(
			'sendLocation',
			{ latitude: '={{ $json.lat }}', longitude: '={{ $json.lng }}' },
			[{ lat: -33.8568, lng: 151.2153 }],
		);
		expect(entry).toEqual({ type: 'LOCATION', latitude: -33.8568, longitude: 151.2153 });
	});

	it('asks for the customer’s location', async () => {
		expect(await sentEntry('requestLocation', { bodyText: 'Where should we deliver?' })).toEqual({
			type: 'LOCATION_REQUEST',
			body: { text: 'Where should we deliver?' },
			action: { name: 'send_location' },
		});
	});
});

describe('message → sendContacts', () => {
	it('sends the cards filled in the fields as WhatsApp contact objects', async () => {
		const entry = await sentEntry('sendContacts', {
			contacts: {
				contact: [
					{
						name: 'Sandbox Support',
						company: 'Sandbox Ltd',
						jobTitle: 'Help desk',
						phones: { phone: [{ phone: '+852 1234 5678', type: 'WORK' }] },
						emails: { email: [{ email: 'help@sandbox.example', type: 'WORK' }] },
						urls: { url: [{ url: 'https://sandbox.example', type: 'WORK' }] },
					},
					{ name: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace' },
				],
			},
		});
		expect(entry).toEqual({
			type: 'CONTACT',
			contacts: [
				{
					name: { formatted_name: 'Sandbox Support', first_name: 'Sandbox Support' },
					phones: [{ phone: '+852 1234 5678', type: 'WORK' }],
					emails: [{ email: 'help@sandbox.example', type: 'WORK' }],
					org: { company: 'Sandbox Ltd', title: 'Help desk' },
					urls: [{ url: 'https://sandbox.example', type: 'WORK' }],
				},
				{ name: { formatted_name: 'Ada Lovelace', first_name: 'Ada', last_name: 'Lovelace' } },
			],
		});
	});

	it('sends contacts given as JSON', async () => {
		const contacts = [{ name: { formatted_name: 'Bo', first_name: 'Bo' } }];
		const entry = await sentEntry('sendContacts', {
			contactsInput: 'json',
			contactsJson: JSON.stringify(contacts),
		});
		expect(entry).toEqual({ type: 'CONTACT', contacts });
	});
});

describe('message → sendReaction', () => {
	it.each([
		['an emoji', '❤️', '❤️'],
		['an empty emoji, which removes the reaction', '', ''],
	])('reacts with %s', async (_case, emoji, sent) => {
		const entry = await sentEntry('sendReaction', { messageId: 'wamid.HBgL1234', emoji });
		expect(entry).toEqual({ type: 'REACTION', message_id: 'wamid.HBgL1234', emoji: sent });
	});
});

describe('message → sendButtons', () => {
	it('sends reply buttons with a text header and a footer', async () => {
		const entry = await sentEntry('sendButtons', {
			headerType: 'text',
			headerText: 'Order A-1',
			bodyText: 'Your order has shipped. What next?',
			footerText: 'Sandbox Shop',
			replyButtons: buttons(['track', 'Track order'], ['agent', 'Talk to us']),
		});
		expect(entry).toEqual({
			type: 'WHATSAPP_REPLY_BUTTONS',
			header: { type: 'text', text: 'Order A-1' },
			body: { text: 'Your order has shipped. What next?' },
			footer: { text: 'Sandbox Shop' },
			action: {
				buttons: [
					{ type: 'reply', reply: { payload: 'track', title: 'Track order' } },
					{ type: 'reply', reply: { payload: 'agent', title: 'Talk to us' } },
				],
			},
		});
	});

	it.each([
		[
			'an image by URL',
			{ headerType: 'image', headerMediaUrl: 'https://shop.example/a.png' },
			{ type: 'image', image: { link: 'https://shop.example/a.png' } },
		],
		[
			'a document by media ID',
			{ headerType: 'document', headerMediaSource: 'mediaId', headerMediaId: '5770270532993662' },
			{ type: 'document', document: { id: '5770270532993662' } },
		],
		[
			'a video by URL',
			{ headerType: 'video', headerMediaUrl: 'https://shop.example/a.mp4' },
			{ type: 'video', video: { link: 'https://shop.example/a.mp4' } },
		],
	])('sends a header of %s', async (_case, header, expected) => {
		const entry = await sentEntry('sendButtons', {
			...header,
			bodyText: 'Hi',
			replyButtons: buttons(['yes', 'Yes']),
		});
		expect(entry.header).toEqual(expected);
		expect(entry).not.toHaveProperty('footer');
	});

	it('takes the buttons an AI agent gives as a JSON string', async () => {
		const entry = await sentEntry(
			'sendButtons',
			{
				bodyText: 'Pick one',
				buttonsInput: 'json',
				buttonsJson: "={{ $fromAI('buttons', 'Buttons as a JSON array', 'json') }}",
			},
			[{ buttons: '[{"id":"a","title":"Option A"},{"id":"b","title":"Option B"}]' }],
		);
		expect((entry.action as IDataObject).buttons).toEqual([
			{ type: 'reply', reply: { payload: 'a', title: 'Option A' } },
			{ type: 'reply', reply: { payload: 'b', title: 'Option B' } },
		]);
	});
});

describe('message → sendList', () => {
	it('sends one untitled section when no row names one', async () => {
		const entry = await sentEntry('sendList', {
			bodyText: 'How can we help?',
			buttonText: 'See options',
			listRows: rows(['hours', 'Opening hours', 'When we are open'], ['shops', 'Find a shop']),
		});
		expect(entry).toEqual({
			type: 'WHATSAPP_LIST',
			body: { text: 'How can we help?' },
			action: {
				button: 'See options',
				sections: [
					{
						rows: [
							{ payload: 'hours', title: 'Opening hours', description: 'When we are open' },
							{ payload: 'shops', title: 'Find a shop' },
						],
					},
				],
			},
		});
	});

	it('groups rows by their section, in the order the sections first appear', async () => {
		const entry = await sentEntry('sendList', {
			headerType: 'text',
			headerText: 'Menu',
			bodyText: 'Pick a topic',
			footerText: 'Open 9 to 5',
			buttonText: 'Menu',
			listRows: rows(
				['track', 'Track order', '', 'Orders'],
				['hours', 'Opening hours', '', 'Shops'],
				['return', 'Return an item', 'Within 30 days', 'Orders'],
			),
		});
		expect(entry).toEqual({
			type: 'WHATSAPP_LIST',
			header: { type: 'text', text: 'Menu' },
			body: { text: 'Pick a topic' },
			footer: { text: 'Open 9 to 5' },
			action: {
				button: 'Menu',
				sections: [
					{
						title: 'Orders',
						rows: [
							{ payload: 'track', title: 'Track order' },
							{ payload: 'return', title: 'Return an item', description: 'Within 30 days' },
						],
					},
					{ title: 'Shops', rows: [{ payload: 'hours', title: 'Opening hours' }] },
				],
			},
		});
	});

	it.each([
		['sections', [{ title: 'Orders', rows: [{ id: 'track', title: 'Track order' }] }]],
		['rows naming their section', [{ id: 'track', title: 'Track order', section: 'Orders' }]],
	])('takes %s as JSON from an AI agent', async (_case, json) => {
		const entry = await sentEntry(
			'sendList',
			{
				bodyText: 'Pick one',
				buttonText: 'Options',
				rowsInput: 'json',
				rowsJson: "={{ $fromAI('rows', 'List rows as JSON', 'json') }}",
			},
			[{ rows: JSON.stringify(json) }],
		);
		expect((entry.action as IDataObject).sections).toEqual([
			{ title: 'Orders', rows: [{ payload: 'track', title: 'Track order' }] },
		]);
	});
});

describe('message → sendCtaUrl', () => {
	it('sends one URL button', async () => {
		const entry = await sentEntry('sendCtaUrl', {
			headerType: 'image',
			headerMediaUrl: 'https://shop.example/banner.jpeg',
			bodyText: 'Your order is on its way',
			buttonText: 'Track it',
			ctaUrl: 'https://shop.example/track/A-1',
		});
		expect(entry).toEqual({
			type: 'WHATSAPP_CTA_URL',
			header: { type: 'image', image: { link: 'https://shop.example/banner.jpeg' } },
			body: { text: 'Your order is on its way' },
			action: {
				name: 'cta_url',
				parameters: { display_text: 'Track it', url: 'https://shop.example/track/A-1' },
			},
		});
	});
});

describe('message → sendFlow', () => {
	const flow = (value: string, mode = 'list') => ({ __rl: true, mode, value });

	it('sends a published flow that opens a screen with its data', async () => {
		const entry = await sentEntry('sendFlow', {
			flow: flow(PUBLISHED_FLOW.id),
			headerType: 'text',
			headerText: 'Bookings',
			bodyText: 'Book your next visit',
			footerText: 'Takes a minute',
			flowCta: 'Book now',
			flowReference: 'booking-A-1',
			flowScreen: 'WELCOME',
			flowData: '{"name": "Ada"}',
		});
		expect(entry).toEqual({
			type: 'WHATSAPP_FLOW',
			header: { type: 'text', text: 'Bookings' },
			body: { text: 'Book your next visit' },
			footer: { text: 'Takes a minute' },
			action: {
				name: 'flow',
				parameters: {
					flow_message_version: '3',
					flow_id: PUBLISHED_FLOW.id,
					flow_cta: 'Book now',
					mode: 'published',
					flow_token: 'booking-A-1',
					flow_action: 'navigate',
					flow_action_payload: { screen: 'WELCOME', data: { name: 'Ada' } },
				},
			},
		});
	});

	it('sends a draft flow by ID whose endpoint picks the first screen', async () => {
		const entry = await sentEntry('sendFlow', {
			flow: flow(DRAFT_FLOW.id, 'id'),
			flowMode: 'draft',
			bodyText: 'Tell us how we did',
			flowCta: 'Start survey',
			flowAction: 'data_exchange',
		});
		expect((entry.action as IDataObject).parameters).toEqual({
			flow_message_version: '3',
			flow_id: DRAFT_FLOW.id,
			flow_cta: 'Start survey',
			mode: 'draft',
			flow_action: 'data_exchange',
		});
	});

	it('shows WhatsApp’s refusal of a draft flow sent as published', async () => {
		const { error } = await send('sendFlow', {
			flow: flow(DRAFT_FLOW.id),
			bodyText: 'Tell us how we did',
			flowCta: 'Start survey',
			flowScreen: 'QUESTION',
		});
		expect(error?.message).toBe(
			`Flow ${DRAFT_FLOW.id} is DRAFT: publish it, or send it in draft mode`,
		);
		expect(context.sandbox.state.sentResponses).toEqual([]);
	});
});

/** One valid set of fields per operation; each refusal below changes one of them. */
const VALID: Record<string, INodeParameters> = {
	sendMedia: { mediaType: 'image', mediaUrl: 'https://shop.example/a.png' },
	sendLocation: { latitude: '22.3', longitude: '114.2' },
	requestLocation: { bodyText: 'Where are you?' },
	sendContacts: { contacts: { contact: [{ name: 'Ada' }] } },
	sendReaction: { messageId: 'wamid.HBgL1234', emoji: '👍' },
	sendButtons: { bodyText: 'Hi', replyButtons: buttons(['a', 'A']) },
	sendList: { bodyText: 'Hi', buttonText: 'Options', listRows: rows(['a', 'A']) },
	sendCtaUrl: { bodyText: 'Hi', buttonText: 'Open', ctaUrl: 'https://shop.example' },
	sendFlow: {
		flow: { __rl: true, mode: 'id', value: PUBLISHED_FLOW.id },
		bodyText: 'Hi',
		flowCta: 'Open',
		flowScreen: 'WELCOME',
	},
};

const long = (length: number) => 'x'.repeat(length);
const manyButtons = (count: number) =>
	buttons(
		...Array.from({ length: count }, (_, index): [string, string] => [`b${index}`, `B${index}`]),
	);
const manyRows = (count: number) =>
	rows(
		...Array.from({ length: count }, (_, index): [string, string] => [`r${index}`, `R${index}`]),
	);

const viaItem = (value: string) => ({ viaItem: value });
const refusals: Array<[string, IDataObject, string]> = [
	['sendMedia', { mediaUrl: viaItem('') }, 'Media URL is required'],
	[
		'sendMedia',
		{ mediaUrl: 'shop.example/a.png' },
		'Media URL must be a URL starting with http:// or https://',
	],
	[
		'sendMedia',
		{ mediaUrl: 'https://shop.example/a.gif' },
		'Media URL ends in .gif, which WhatsApp does not take as an image (JPEG or PNG, up to 5 MB): send it as a document, or convert it',
	],
	[
		'sendMedia',
		{ mediaType: 'video', mediaUrl: 'https://shop.example/a.mov' },
		'Media URL ends in .mov, which WhatsApp does not take as a video (MP4 or 3GP (H.264 video, AAC audio), up to 16 MB): send it as a document, or convert it',
	],
	[
		'sendMedia',
		{ mediaType: 'sticker', mediaUrl: 'https://shop.example/a.png' },
		'Media URL ends in .png, which WhatsApp does not take as a sticker (WebP, 512×512 pixels, up to 100 KB (500 KB animated)): send it as a document, or convert it',
	],
	[
		'sendMedia',
		{ mediaSource: 'mediaId', mediaId: 'abc' },
		'Media ID must be a numeric ID (digits only)',
	],
	['sendMedia', { caption: long(1025) }, 'Caption must have at most 1024 characters (it has 1025)'],
	[
		'sendMedia',
		{ mediaType: 'gif' },
		'Media Type must be one of image, video, audio, sticker, document',
	],
	[
		'sendLocation',
		{ latitude: viaItem('') },
		'Latitude must be a number of decimal degrees, e.g. 22.2783',
	],
	[
		'sendLocation',
		{ latitude: '22,3' },
		'Latitude must be a number of decimal degrees, e.g. 22.2783',
	],
	['sendLocation', { latitude: '90.5' }, 'Latitude must be between -90 and 90'],
	['sendLocation', { longitude: '-180.01' }, 'Longitude must be between -180 and 180'],
	['requestLocation', { bodyText: viaItem('') }, 'Body Text must not be empty'],
	[
		'requestLocation',
		{ bodyText: long(1025) },
		'Body Text must have at most 1024 characters (it has 1025)',
	],
	['sendContacts', { contacts: {} }, 'Contacts must hold at least one contact'],
	[
		'sendContacts',
		{ contacts: { contact: [{ name: 'Ada' }, { name: ' ' }] } },
		'Contact 2 Name is required',
	],
	[
		'sendContacts',
		{
			contacts: {
				contact: [{ name: 'Ada', phones: { phone: [{ phone: 'call me', type: 'CELL' }] } }],
			},
		},
		'Contact 1 Phone 1 must be a phone number with its country code, e.g. +852 1234 5678',
	],
	[
		'sendContacts',
		{
			contacts: {
				contact: [{ name: 'Ada', emails: { email: [{ email: 'ada@', type: 'HOME' }] } }],
			},
		},
		'Contact 1 Email 1 must be an email address',
	],
	[
		'sendContacts',
		{ contactsInput: 'json', contactsJson: '[{"name":{}}]' },
		'Contact 1 Name is required',
	],
	[
		'sendContacts',
		{ contactsInput: 'json', contactsJson: '[{' },
		'Contacts (JSON) is not valid JSON',
	],
	[
		'sendReaction',
		{ messageId: '5ece50f3bf385b25c4e08db5' },
		'Message ID must be a WhatsApp message ID starting with "wamid.", e.g. the Message Trigger\'s messageId',
	],
	[
		'sendReaction',
		{ emoji: 'ok' },
		'Emoji must be one emoji, e.g. 👍, or empty to remove the reaction',
	],
	[
		'sendReaction',
		{ emoji: '👍👍' },
		'Emoji must be one emoji, e.g. 👍, or empty to remove the reaction',
	],
	['sendButtons', { replyButtons: {} }, 'Buttons must hold 1 to 3 buttons (it has 0)'],
	['sendButtons', { replyButtons: manyButtons(4) }, 'Buttons must hold 1 to 3 buttons (it has 4)'],
	[
		'sendButtons',
		{ replyButtons: buttons(['a', long(21)]) },
		'Button 1 Title must have at most 20 characters (it has 21)',
	],
	[
		'sendButtons',
		{ replyButtons: buttons(['a', 'A'], ['={{ "" }}', 'B']) },
		'Button 2 ID must not be empty',
	],
	[
		'sendButtons',
		{ replyButtons: buttons(['a', 'A'], [long(257), 'B']) },
		'Button 2 ID must have at most 256 characters (it has 257)',
	],
	[
		'sendButtons',
		{ replyButtons: buttons(['a', 'A'], ['a', 'B']) },
		'Button 2 ID "a" is used by an earlier button: each button needs its own ID',
	],
	[
		'sendButtons',
		{ bodyText: long(1025) },
		'Body Text must have at most 1024 characters (it has 1025)',
	],
	[
		'sendButtons',
		{ footerText: long(61) },
		'Footer Text must have at most 60 characters (it has 61)',
	],
	['sendButtons', { headerType: 'text', headerText: viaItem('') }, 'Header Text must not be empty'],
	[
		'sendButtons',
		{ headerType: 'text', headerText: long(61) },
		'Header Text must have at most 60 characters (it has 61)',
	],
	[
		'sendButtons',
		{ headerType: 'image', headerMediaUrl: 'https://shop.example/a.pdf' },
		'Header Media URL ends in .pdf, which WhatsApp does not take as an image (JPEG or PNG, up to 5 MB): send it as a document, or convert it',
	],
	[
		'sendButtons',
		{ buttonsInput: 'json', buttonsJson: 'track' },
		'Buttons (JSON) is not valid JSON',
	],
	[
		'sendButtons',
		{ buttonsInput: 'json', buttonsJson: '3' },
		'Buttons (JSON) must be a JSON array',
	],
	['sendList', { buttonText: viaItem('') }, 'Button Text must not be empty'],
	['sendList', { buttonText: long(21) }, 'Button Text must have at most 20 characters (it has 21)'],
	['sendList', { listRows: {} }, 'The list must hold 1 to 10 rows in all (it has 0)'],
	['sendList', { listRows: manyRows(11) }, 'The list must hold 1 to 10 rows in all (it has 11)'],
	[
		'sendList',
		{ listRows: rows(['a', long(25)]) },
		'Row 1 Title must have at most 24 characters (it has 25)',
	],
	[
		'sendList',
		{ listRows: rows(['a', 'A', long(73)]) },
		'Row 1 Description must have at most 72 characters (it has 73)',
	],
	[
		'sendList',
		{ listRows: rows(['a', 'A'], [long(201), 'B']) },
		'Row 2 ID must have at most 200 characters (it has 201)',
	],
	[
		'sendList',
		{ listRows: rows(['a', 'A'], ['a', 'B']) },
		'Row 2 ID "a" is used by an earlier row: each row needs its own ID',
	],
	[
		'sendList',
		{ listRows: rows(['a', 'A', '', 'Orders'], ['b', 'B']) },
		'Section 2 needs a title: WhatsApp wants one for each section when a list has several (give every row a Section)',
	],
	[
		'sendList',
		{ listRows: rows(['a', 'A', '', long(25)]) },
		'Section 1 Title must have at most 24 characters (it has 25)',
	],
	['sendList', { headerType: 'image' }, 'Header must be None or Text'],
	[
		'sendButtons',
		{ headerType: 'location' },
		'Header must be Document, Image, None, Text or Video',
	],
	[
		'sendList',
		{ rowsInput: 'json', rowsJson: '[{"title":"Empty","rows":[]}]' },
		'The list must hold 1 to 10 rows in all (it has 0)',
	],
	[
		'sendCtaUrl',
		{ ctaUrl: 'ftp://shop.example' },
		'Button URL must be a URL starting with http:// or https://',
	],
	[
		'sendCtaUrl',
		{ buttonText: long(21) },
		'Button Text must have at most 20 characters (it has 21)',
	],
	['sendFlow', { flow: viaItem('booking') }, 'Flow must be a numeric ID (digits only)'],
	[
		'sendFlow',
		{ flowCta: long(31) },
		'Flow Button Text must have at most 30 characters (it has 31)',
	],
	[
		'sendFlow',
		{ flowScreen: viaItem('') },
		'First Screen must be the ID of a screen of the flow, e.g. WELCOME_SCREEN',
	],
	[
		'sendFlow',
		{ flowData: '["Ada"]' },
		'Screen Data (JSON) must be a JSON object, e.g. {"name": "Ada"}',
	],
	['sendFlow', { flowData: '{name}' }, 'Screen Data (JSON) is not valid JSON'],
];

/**
 * A value wrapped in `viaItem` reaches the node through an expression, as from an earlier node:
 * n8n itself stops a run whose required field is typed empty or whose ID fails the locator's
 * pattern, before the node runs.
 */
function throughItem(change: IDataObject) {
	const parameters: INodeParameters = {};
	const item: IDataObject = {};
	for (const [name, value] of Object.entries(change)) {
		const routed = (value as { viaItem?: unknown } | null)?.viaItem;
		if (routed === undefined) {
			parameters[name] = value as INodeParameters[string];
			continue;
		}
		const fromItem = `={{ $json.${name} }}`;
		parameters[name] = name === 'flow' ? { __rl: true, mode: 'id', value: fromItem } : fromItem;
		item[name] = routed as string;
	}
	return { parameters, item };
}

describe('message types: every limit refused before anything is sent', () => {
	it.each(Object.keys(VALID))('%s: the valid fields send', async (operation) => {
		const { error } = await send(operation, VALID[operation]);
		expect(error).toBeUndefined();
		expect(context.sandbox.state.sentResponses).toHaveLength(1);
	});

	it.each(refusals)('%s %j → %s', async (operation, change, message) => {
		const { parameters, item } = throughItem(change);
		const { error } = await send(operation, { ...VALID[operation], ...parameters }, [item]);
		expect(error?.message).toBe(message);
		expect((error as { description?: string }).description).toMatch(/^Nothing was sent to WOZTELL/);
		expect(context.sandbox.requests).toHaveLength(0);
	});
});
