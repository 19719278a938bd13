import type { INodeParameters } from 'n8n-workflow';
import { loadResourceMapperFields, runNode, sandboxCredentials } from './engine/harness';
import { useSandbox } from './engine/useSandbox';
import { identity } from './sandbox';

const context = useSandbox();

/** A language version as the sandbox lists it, with WhatsApp's component shapes. */
const orderUpdate = {
	id: '1748340935544945',
	name: 'order_update',
	language: 'en_US',
	category: 'UTILITY',
	status: 'APPROVED',
	rejected_reason: 'NONE',
	quality_score: 'GREEN',
	createdAt: 1,
	editedAt: [],
	components: [
		{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['https://x/h.png'] } },
		{
			type: 'BODY',
			text: 'Hi {{1}}, order {{2}} ships on {{3}}. Thanks {{1}}!',
			example: { body_text: [['Ann', 'A-1', 'Monday']] },
		},
		{
			type: 'BUTTONS',
			buttons: [
				{ type: 'URL', text: 'Track', url: 'https://shop.example/track/{{1}}' },
				{ type: 'QUICK_REPLY', text: 'Stop updates' },
				{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+85212345678' },
			],
		},
	],
};
/** Same name inside another: the list's name filter matches both. */
const orderUpdateOld = { ...orderUpdate, id: '2', name: 'order_update_old', components: [] };

beforeEach(() => context.sandbox.state.templates.push(orderUpdate, orderUpdateOld));

const template = { __rl: true, mode: 'list', value: 'order_update' };
const fieldIds = [
	'header.image',
	'body.text.1',
	'body.text.2',
	'body.text.3',
	'button.0.url',
	'button.1.payload',
];

describe('message → sendTemplate: one field per template variable', () => {
	it('loads the variables of the chosen language version from its components', async () => {
		const { fields } = await loadResourceMapperFields(
			'getTemplateVariables',
			{
				resource: 'message',
				operation: 'sendTemplate',
				messageTemplate: template,
				templateLanguage: 'en_US',
			},
			sandboxCredentials(context.sandbox),
		);
		expect(fields.map(({ id, displayName, required }) => [id, displayName, required])).toEqual([
			['header.image', 'Header image URL or media ID', true],
			['body.text.1', 'Body {{1}}', true],
			['body.text.2', 'Body {{2}}', true],
			['body.text.3', 'Body {{3}}', true],
			['button.0.url', 'Button "Track" URL {{1}}', true],
			['button.1.payload', 'Button "Stop updates" Payload', false],
		]);
	});

	it('says so when the template has no such language version', async () => {
		const result = await loadResourceMapperFields(
			'getTemplateVariables',
			{
				resource: 'message',
				operation: 'sendTemplate',
				messageTemplate: template,
				templateLanguage: 'fr',
			},
			sandboxCredentials(context.sandbox),
		);
		expect(result).toEqual({
			fields: [],
			emptyFieldsNotice: 'Template order_update has no fr version',
		});
	});
});

function sendTemplate(values: Record<string, string>, items?: Record<string, string>[]) {
	const schema = fieldIds.map((id) => ({
		id,
		displayName: id === 'header.image' ? 'Header image URL' : id,
		required: id !== 'button.1.payload',
		defaultMatch: false,
		display: true,
		type: 'string',
	}));
	const parameters: INodeParameters = {
		resource: 'message',
		operation: 'sendTemplate',
		recipient: '85291234567',
		messageTemplate: template,
		templateLanguage: 'en_US',
		templateVariables: { mappingMode: 'defineBelow', value: values, matchingColumns: [], schema },
	};
	return runNode(parameters, { credentials: sandboxCredentials(context.sandbox), items });
}

describe('message → sendTemplate: sending', () => {
	it('sends a TEMPLATE response with header, body and button parameters in order', async () => {
		const { error } = await sendTemplate({
			'header.image': 'https://shop.example/a.png',
			'body.text.3': 'Monday',
			'body.text.1': 'Ann',
			'body.text.2': 'A-1',
			'button.0.url': 'A-1',
			'button.1.payload': 'stop',
		});
		expect(error).toBeUndefined();
		const [request] = context.sandbox.requests.filter((recorded) => recorded.api === 'bot');
		expect(request.body).toEqual({
			channelId: identity.channelId,
			recipientId: '85291234567',
			response: [
				{
					type: 'TEMPLATE',
					elementName: 'order_update',
					languageCode: 'en_US',
					components: [
						{
							type: 'header',
							parameters: [{ type: 'image', image: { link: 'https://shop.example/a.png' } }],
						},
						{
							type: 'body',
							parameters: [
								{ type: 'text', text: 'Ann' },
								{ type: 'text', text: 'A-1' },
								{ type: 'text', text: 'Monday' },
							],
						},
						{
							type: 'button',
							sub_type: 'url',
							index: '0',
							parameters: [{ type: 'text', text: 'A-1' }],
						},
						{
							type: 'button',
							sub_type: 'quick_reply',
							index: '1',
							parameters: [{ type: 'payload', payload: 'stop' }],
						},
					],
				},
			],
		});
	});

	it('maps each item’s own values', async () => {
		const { error } = await sendTemplate(
			{
				'header.image': 'https://shop.example/a.png',
				'body.text.1': '={{ $json.name }}',
				'body.text.2': '={{ $json.order }}',
				'body.text.3': 'Monday',
				'button.0.url': '={{ $json.order }}',
			},
			[
				{ name: 'Ann', order: 'A-1' },
				{ name: 'Bo', order: 'B-2' },
			],
		);
		expect(error).toBeUndefined();
		const bodies = context.sandbox.state.sentResponses.map(
			(sent: {
				response: Array<{
					components: Array<{ type: string; parameters: Array<{ text: string }> }>;
				}>;
			}) =>
				sent.response[0].components.find((component) => component.type === 'body')!.parameters[0]
					.text,
		);
		expect(bodies).toEqual(['Ann', 'Bo']);
	});

	it.each([
		[{ 'body.text.2': '' }, 'body.text.2 is required'],
		[
			{ 'header.image': 'not a url' },
			'Header image URL must be a URL starting with http:// or https://, or a media ID (digits only)',
		],
	])('refuses %j before sending', async (override, message) => {
		const { error } = await sendTemplate({
			'header.image': 'https://shop.example/a.png',
			'body.text.1': 'Ann',
			'body.text.2': 'A-1',
			'body.text.3': 'Monday',
			'button.0.url': 'A-1',
			...override,
		});
		expect(error?.message).toBe(message);
		expect(context.sandbox.requests).toHaveLength(0);
	});
});

/** A marketing template with a flow and a copy-code button, and a carousel of two cards. */
const autumnSale = {
	...orderUpdate,
	id: '1748340935544946',
	name: 'autumn_sale',
	category: 'MARKETING',
	components: [
		{ type: 'BODY', text: 'Hi {{1}}, our autumn sale is on.' },
		{
			type: 'CAROUSEL',
			cards: [0, 1].map(() => ({
				components: [
					{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['https://x/h.png'] } },
					{ type: 'BODY', text: 'Now {{1}} off' },
					{
						type: 'BUTTONS',
						buttons: [
							{ type: 'QUICK_REPLY', text: 'Tell me more' },
							{ type: 'URL', text: 'Shop', url: 'https://shop.example/{{1}}' },
						],
					},
				],
			})),
		},
		{
			type: 'BUTTONS',
			buttons: [
				{ type: 'FLOW', text: 'Book a fitting', flow_id: '885692686603466' },
				{ type: 'COPY_CODE', example: 'AUTUMN25' },
			],
		},
	],
};

describe('message → sendTemplate: media IDs, flow and copy-code buttons, carousel cards', () => {
	const sale = { __rl: true, mode: 'list', value: 'autumn_sale' };

	it('loads one field per card variable, flow token and coupon code', async () => {
		context.sandbox.state.templates.push(autumnSale);
		const { fields } = await loadResourceMapperFields(
			'getTemplateVariables',
			{
				resource: 'message',
				operation: 'sendTemplate',
				messageTemplate: sale,
				templateLanguage: 'en_US',
			},
			sandboxCredentials(context.sandbox),
		);
		expect(fields.map(({ id, displayName, required }) => [id, displayName, required])).toEqual([
			['body.text.1', 'Body {{1}}', true],
			['card.0.header.image', 'Card 1 Header image URL or media ID', true],
			['card.0.body.text.1', 'Card 1 Body {{1}}', true],
			['card.0.button.0.payload', 'Card 1 Button "Tell me more" Payload', false],
			['card.0.button.1.url', 'Card 1 Button "Shop" URL {{1}}', true],
			['card.1.header.image', 'Card 2 Header image URL or media ID', true],
			['card.1.body.text.1', 'Card 2 Body {{1}}', true],
			['card.1.button.0.payload', 'Card 2 Button "Tell me more" Payload', false],
			['card.1.button.1.url', 'Card 2 Button "Shop" URL {{1}}', true],
			['button.0.flow_token', 'Button "Book a fitting" Flow Token', false],
			['button.1.coupon_code', 'Button 2 Coupon Code', true],
		]);
	});

	it('sends the carousel after the template’s own components, card headers by media ID or URL', async () => {
		context.sandbox.state.templates.push(autumnSale);
		const values: Record<string, string> = {
			'body.text.1': 'Ann',
			'card.0.header.image': '5770270532993662',
			'card.0.body.text.1': '20%',
			'card.0.button.0.payload': 'more_coats',
			'card.0.button.1.url': 'coats',
			'card.1.header.image': 'https://shop.example/boots.png',
			'card.1.body.text.1': '30%',
			'card.1.button.1.url': 'boots',
			'button.0.flow_token': 'fitting-Ann',
			'button.1.coupon_code': 'AUTUMN25',
		};
		const schema = Object.keys(values).map((id) => ({
			id,
			displayName: id,
			required: false,
			defaultMatch: false,
			display: true,
			type: 'string' as const,
		}));
		const { error } = await runNode(
			{
				resource: 'message',
				operation: 'sendTemplate',
				recipient: '85291234567',
				messageTemplate: sale,
				templateLanguage: 'en_US',
				templateVariables: {
					mappingMode: 'defineBelow',
					value: values,
					matchingColumns: [],
					schema,
				},
			},
			{ credentials: sandboxCredentials(context.sandbox) },
		);
		expect(error).toBeUndefined();
		const [sent] = context.sandbox.state.sentResponses;
		const quickReply = (payload: string) => ({
			type: 'button',
			sub_type: 'quick_reply',
			index: '0',
			parameters: [{ type: 'payload', payload }],
		});
		const urlButton = (text: string) => ({
			type: 'button',
			sub_type: 'url',
			index: '1',
			parameters: [{ type: 'text', text }],
		});
		expect(sent.response).toEqual([
			{
				type: 'TEMPLATE',
				elementName: 'autumn_sale',
				languageCode: 'en_US',
				components: [
					{ type: 'body', parameters: [{ type: 'text', text: 'Ann' }] },
					{
						type: 'button',
						sub_type: 'flow',
						index: '0',
						parameters: [{ type: 'action', action: { flow_token: 'fitting-Ann' } }],
					},
					{
						type: 'button',
						sub_type: 'copy_code',
						index: '1',
						parameters: [{ type: 'coupon_code', coupon_code: 'AUTUMN25' }],
					},
					{
						type: 'CAROUSEL',
						cards: [
							{
								card_index: 0,
								components: [
									{
										type: 'header',
										parameters: [{ type: 'image', image: { id: '5770270532993662' } }],
									},
									{ type: 'body', parameters: [{ type: 'text', text: '20%' }] },
									quickReply('more_coats'),
									urlButton('coats'),
								],
							},
							{
								card_index: 1,
								components: [
									{
										type: 'header',
										parameters: [
											{ type: 'image', image: { link: 'https://shop.example/boots.png' } },
										],
									},
									{ type: 'body', parameters: [{ type: 'text', text: '30%' }] },
									urlButton('boots'),
								],
							},
						],
					},
				],
			},
		]);
	});

	it.each([
		[{ 'header.image': '5770270532993662' }, undefined],
		[
			{ 'header.image': 'https://shop.example/a.webp' },
			'Header image URL ends in .webp, which WhatsApp does not take as an image (JPEG or PNG, up to 5 MB): send it as a document, or convert it',
		],
	])(
		'takes a header image by media ID, and checks a URL’s file type (%#)',
		async (value, message) => {
			const { error } = await sendTemplate({
				'body.text.1': 'Ann',
				'body.text.2': 'A-1',
				'body.text.3': 'Monday',
				'button.0.url': 'A-1',
				...value,
			});
			expect(error?.message).toBe(message);
			const sent = context.sandbox.state.sentResponses;
			if (!message) {
				expect(sent[0].response[0].components[0]).toEqual({
					type: 'header',
					parameters: [{ type: 'image', image: { id: '5770270532993662' } }],
				});
			} else expect(sent).toEqual([]);
		},
	);
});
