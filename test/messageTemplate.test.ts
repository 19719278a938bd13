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
			['header.image', 'Header image URL', true],
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
			'Header image URL must be a URL starting with http:// or https://',
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
