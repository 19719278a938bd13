import type { IDataObject, INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';
import { runNode, sandboxCredentials, searchList } from './engine/harness';
import { useSandbox } from './engine/useSandbox';
import { identity, templateVersion, type TemplateVersion } from './sandbox';

const context = useSandbox();

const { wabaId: WABA_ID } = identity;
/** The look-ups and the pick-list ask for every status: WOZTELL's default hides paused ones. */
const EVERY_STATUS =
	'["APPROVED","PENDING","REJECTED","PENDING_DELETION","DELETED","PAUSED","DISABLED","IN_APPEAL","LIMIT_EXCEEDED","ARCHIVED"]';
const { accessToken: TOKEN } = identity;

function seed(...versions: TemplateVersion[]) {
	context.sandbox.state.templates.push(...versions);
	return versions;
}

async function run(parameters: INodeParameters, items?: IDataObject[]) {
	return await runNode(
		{ resource: 'template', wabaId: WABA_ID, ...parameters },
		{ credentials: sandboxCredentials(context.sandbox), items },
	);
}

const byName = (value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode: 'list',
	value,
});

describe('template → getMany (GET /whatsapp-message-templates)', () => {
	it('lists the templates, one item each, asking for the Limit as `first`', async () => {
		seed(
			templateVersion('order_update'),
			templateVersion('order_update', 'es'),
			templateVersion('welcome'),
		);
		const { items, error } = await run({ operation: 'getMany' });
		expect(error).toBeUndefined();
		expect(context.sandbox.requests).toHaveLength(1);
		const [request] = context.sandbox.requests;
		expect(request).toMatchObject({
			method: 'GET',
			path: '/whatsapp-message-templates',
			body: undefined,
		});
		expect(request.query).toEqual({ wabaId: WABA_ID, first: '50', accessToken: TOKEN });
		expect(items.map((item) => item.json)).toEqual([
			{
				id: expect.any(String),
				name: 'order_update',
				category: 'UTILITY',
				languages: ['en_US', 'es'],
				statuses: [
					{ language: 'en_US', status: 'APPROVED' },
					{ language: 'es', status: 'APPROVED' },
				],
				templates: [
					expect.objectContaining({
						language: 'en_US',
						status: 'APPROVED',
						quality_score: { score: 'GREEN' },
					}),
					expect.objectContaining({
						language: 'es',
						components: [{ type: 'BODY', text: 'order_update in es' }],
					}),
				],
			},
			expect.objectContaining({ name: 'welcome', languages: ['en_US'] }),
		]);
	});

	it("uses the WABA of the credential's channel when WABA ID is empty", async () => {
		seed(templateVersion('welcome'));
		const { items } = await run({ operation: 'getMany', wabaId: '', returnAll: true });
		// GET /waba-info is remembered for a few minutes per credential, so another test may have asked already.
		expect(context.requestsTo('/waba-info').length).toBeLessThanOrEqual(1);
		expect(context.requestsTo('/whatsapp-message-templates')[0].query.wabaId).toBe(WABA_ID);
		expect(items).toHaveLength(1);
	});

	it('sends every filter under the name the reference gives it, lists as JSON arrays', async () => {
		seed(
			templateVersion('order_update', 'en_US', { category: 'MARKETING', status: 'PENDING' }),
			templateVersion('order_update', 'de', { category: 'MARKETING', status: 'PENDING' }),
			templateVersion('order_shipped', 'en_US', { category: 'MARKETING', quality_score: 'RED' }),
			templateVersion('welcome', 'en_US', { category: 'MARKETING' }),
		);
		const { items } = await run({
			operation: 'getMany',
			filters: {
				status: ['APPROVED', 'PENDING'],
				category: ['MARKETING'],
				qualityScore: 'GREEN',
				language: ['en_US', 'es'],
				name: 'order',
				content: 'in en',
				nameOrContent: 'update',
			},
		});
		expect(context.sandbox.requests[0].query).toEqual({
			wabaId: WABA_ID,
			first: '50',
			accessToken: TOKEN,
			status: '["APPROVED","PENDING"]',
			category: '["MARKETING"]',
			quality_score: 'GREEN',
			language: '["en_US","es"]',
			name: 'order',
			content: 'in en',
			name_or_content: 'update',
		});
		expect(items.map((item) => [item.json.name, item.json.languages])).toEqual([
			['order_update', ['en_US']],
		]);
	});

	it('leaves out text filters that are empty', async () => {
		seed(templateVersion('welcome'));
		const { items } = await run({
			operation: 'getMany',
			filters: { name: '', content: '  ', nameOrContent: '' },
		});
		expect(context.sandbox.requests[0].query).toEqual({
			wabaId: WABA_ID,
			first: '50',
			accessToken: TOKEN,
		});
		expect(items).toHaveLength(1);
	});

	it('finds paused templates, which WOZTELL lists only when asked for by status', async () => {
		seed(templateVersion('winter_sale', 'en_US', { status: 'PAUSED' }), templateVersion('welcome'));
		const everyDefault = await run({ operation: 'getMany' });
		expect(everyDefault.items.map((item) => item.json.name)).toEqual(['welcome']);
		const { items } = await run({ operation: 'getMany', filters: { status: ['PAUSED'] } });
		expect(context.sandbox.requests.at(-1)?.query.status).toBe('["PAUSED"]');
		expect(items.map((item) => item.json.name)).toEqual(['winter_sale']);
	});

	it('splits into one item per language version, with the ID where WOZTELL gives it', async () => {
		const [, spanish] = seed(
			templateVersion('order_update'),
			templateVersion('order_update', 'es'),
			templateVersion('welcome'),
		);
		const all = await run({ operation: 'getMany', options: { splitByLanguage: true } });
		expect(all.items.map((item) => item.json)).toEqual([
			{
				name: 'order_update',
				category: 'UTILITY',
				language: 'en_US',
				status: 'APPROVED',
				rejected_reason: 'NONE',
				components: [{ type: 'BODY', text: 'order_update in en_US' }],
				quality_score: { score: 'GREEN' },
			},
			expect.objectContaining({ name: 'order_update', language: 'es' }),
			expect.objectContaining({ id: expect.any(String), name: 'welcome', language: 'en_US' }),
		]);
		expect(all.items[1].json).not.toHaveProperty('id');

		const spanishOnly = await run({
			operation: 'getMany',
			filters: { language: ['es'] },
			options: { splitByLanguage: true },
		});
		expect(spanishOnly.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: spanish.id,
				name: 'order_update',
				language: 'es',
				status: 'APPROVED',
			}),
		]);
	});

	it('passes on WOZTELL’s refusal of an unknown WABA', async () => {
		const { error } = await run({ operation: 'getMany', wabaId: '999' });
		expect(error?.message).toBe('WABA 999 not found');
	});
});

describe('template → getMany paging: `first` up to 100, so N templates cost ceil(N / 100) requests', () => {
	const seedMany = (count: number) =>
		seed(
			...Array.from({ length: count }, (_, index) =>
				templateVersion(`template_${String(index).padStart(5, '0')}`),
			),
		);

	it('Return All over 250 templates: 3 requests of first=100', async () => {
		seedMany(250);
		const { items } = await run({ operation: 'getMany', returnAll: true });
		expect(items).toHaveLength(250);
		expect(new Set(items.map((item) => item.json.name)).size).toBe(250);
		const requests = context.requestsTo('/whatsapp-message-templates');
		expect(requests.map((request) => request.query.first)).toEqual(['100', '100', '100']);
		expect(requests.map((request) => request.query.after === undefined)).toEqual([
			true,
			false,
			false,
		]);
		expect(context.sandbox.requests).toHaveLength(3);
	});

	it('Limit 150 over 250 templates: 2 requests, first=100 then first=50', async () => {
		seedMany(250);
		const { items } = await run({ operation: 'getMany', limit: 150 });
		expect(items.map((item) => item.json.name)).toEqual(
			Array.from({ length: 150 }, (_, index) => `template_${String(index).padStart(5, '0')}`),
		);
		expect(
			context.requestsTo('/whatsapp-message-templates').map((request) => request.query.first),
		).toEqual(['100', '50']);
	});

	it('counts language versions against the Limit when splitting', async () => {
		seed(
			templateVersion('a'),
			templateVersion('a', 'es'),
			templateVersion('b'),
			templateVersion('b', 'es'),
		);
		const { items } = await run({
			operation: 'getMany',
			limit: 3,
			options: { splitByLanguage: true },
		});
		expect(items.map((item) => `${item.json.name}/${item.json.language}`)).toEqual([
			'a/en_US',
			'a/es',
			'b/en_US',
		]);
		expect(
			context.requestsTo('/whatsapp-message-templates').map((request) => request.query.first),
		).toEqual(['3']);
	});

	it('Return All over 10,000 templates: 100 requests', async () => {
		seedMany(10_000);
		const { items } = await run({ operation: 'getMany', returnAll: true });
		expect(items).toHaveLength(10_000);
		expect(context.requestsTo('/whatsapp-message-templates')).toHaveLength(100);
	});
});

/** Builder fields of a template that uses every part. */
const fullBuilder: INodeParameters = {
	componentsInput: 'builder',
	headerFormat: 'TEXT',
	headerText: 'Order {{1}}',
	headerExample: '#1234',
	bodyText: 'Hi {{1}}, your order {{2}} is on its way.',
	bodyExamples: ['Ada', '#1234'],
	footerText: 'Reply STOP to opt out',
	buttons: {
		button: [
			{ type: 'QUICK_REPLY', text: 'Thanks' },
			{ type: 'QUICK_REPLY', text: 'Where is it?' },
			{
				type: 'URL',
				text: 'Track',
				url: 'https://example.com/track/{{1}}',
				urlExample: 'https://example.com/track/1234',
			},
			{ type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+85212769072' },
			{ type: 'COPY_CODE', code: 'SUMMER25' },
			{
				type: 'FLOW',
				text: 'Rate us',
				flowId: '885692686603466',
				flowAction: 'navigate',
				navigateScreen: 'RATE',
			},
		],
	},
};

const fullComponents = [
	{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#1234'] } },
	{
		type: 'BODY',
		text: 'Hi {{1}}, your order {{2}} is on its way.',
		example: { body_text: [['Ada', '#1234']] },
	},
	{ type: 'FOOTER', text: 'Reply STOP to opt out' },
	{
		type: 'BUTTONS',
		buttons: [
			{ type: 'QUICK_REPLY', text: 'Thanks' },
			{ type: 'QUICK_REPLY', text: 'Where is it?' },
			{
				type: 'URL',
				text: 'Track',
				url: 'https://example.com/track/{{1}}',
				example: ['https://example.com/track/1234'],
			},
			{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+85212769072' },
			{ type: 'COPY_CODE', example: 'SUMMER25' },
			{
				type: 'FLOW',
				text: 'Rate us',
				flow_id: '885692686603466',
				flow_action: 'navigate',
				navigate_screen: 'RATE',
			},
		],
	},
];

describe('template → create (PUT /whatsapp-message-template)', () => {
	const create = (parameters: INodeParameters) =>
		run({
			operation: 'create',
			templateName: 'order_update',
			language: 'en_US',
			category: 'UTILITY',
			...parameters,
		});

	it('sends the components the builder makes, and returns the new ID', async () => {
		const { items, error } = await create(fullBuilder);
		expect(error).toBeUndefined();
		expect(context.sandbox.requests).toHaveLength(1);
		const [request] = context.sandbox.requests;
		expect(request).toMatchObject({ method: 'PUT', path: '/whatsapp-message-template' });
		expect(request.query).toEqual({ accessToken: TOKEN });
		expect(request.body).toEqual({
			name: 'order_update',
			language: 'en_US',
			category: 'UTILITY',
			components: fullComponents,
			wabaId: WABA_ID,
		});
		const [stored] = context.sandbox.state.templates;
		expect(items.map((item) => item.json)).toEqual([{ id: stored.id, language: 'en_US' }]);
		expect(stored).toMatchObject({
			name: 'order_update',
			status: 'PENDING',
			components: fullComponents,
		});
	});

	it('takes {{1}} as WhatsApp’s variable where n8n’s editor made the text an expression', async () => {
		// Typing "{{" in the editor switches a field to an expression: "Hi {{1}}" is saved as "=Hi {{1}}".
		const { error } = await create({
			...fullBuilder,
			headerText: '=Order {{1}}',
			bodyText: '=Hi {{ 1 }}, your order {{2}} is on its way.',
			buttons: {
				button: [
					{
						type: 'URL',
						text: 'Track',
						url: '=https://example.com/track/{{1}}',
						urlExample: 'https://example.com/track/1234',
					},
				],
			},
		});
		expect(error).toBeUndefined();
		const { components } = context.sandbox.requests[0].body as { components: IDataObject[] };
		expect(components.map((component) => component.text ?? component.buttons)).toEqual([
			'Order {{1}}',
			'Hi {{ 1 }}, your order {{2}} is on its way.',
			'Reply STOP to opt out',
			[
				{
					type: 'URL',
					text: 'Track',
					url: 'https://example.com/track/{{1}}',
					example: ['https://example.com/track/1234'],
				},
			],
		]);
	});

	it('still evaluates a real expression in the body text', async () => {
		const { error } = await run(
			{
				operation: 'create',
				templateName: 'order_update',
				language: 'en_US',
				category: 'UTILITY',
				bodyText: '={{ $json.text }}',
			},
			[{ text: 'Hello from an earlier node' }],
		);
		expect(error).toBeUndefined();
		expect((context.sandbox.requests[0].body as { components: unknown }).components).toEqual([
			{ type: 'BODY', text: 'Hello from an earlier node' },
		]);
	});

	it('passes a media header URL through as header_handle, for WOZTELL to upload', async () => {
		await create({
			category: 'MARKETING',
			headerFormat: 'IMAGE',
			headerMediaUrl: 'https://example.com/sale.png',
			bodyText: 'Our sale starts today',
		});
		expect((context.sandbox.requests[0].body as { components: unknown }).components).toEqual([
			{
				type: 'HEADER',
				format: 'IMAGE',
				example: { header_handle: ['https://example.com/sale.png'] },
			},
			{ type: 'BODY', text: 'Our sale starts today' },
		]);
		expect(context.sandbox.state.templates[0].status).toBe('PENDING');
	});

	it('takes the components as raw JSON, the language from an expression and a legacy category', async () => {
		const components = [
			{ type: 'BODY', text: 'Hola {{1}}', example: { body_text: [['Ada']] } },
			{ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Sí' }] },
		];
		const { error } = await runNode(
			{
				resource: 'template',
				operation: 'create',
				wabaId: WABA_ID,
				templateName: '={{ $json.name }}',
				language: '={{ $json.language }}',
				category: 'TRANSACTIONAL',
				componentsInput: 'json',
				componentsJson: JSON.stringify(components),
			},
			{
				credentials: sandboxCredentials(context.sandbox),
				items: [{ name: 'saludo', language: 'es_MX' }],
			},
		);
		expect(error).toBeUndefined();
		expect(context.sandbox.requests[0].body).toEqual({
			name: 'saludo',
			language: 'es_MX',
			category: 'TRANSACTIONAL',
			components,
			wabaId: WABA_ID,
		});
	});

	it('passes on WOZTELL’s refusal of a name and language that exist', async () => {
		seed(templateVersion('order_update'));
		const { error } = await create({ bodyText: 'Hello' });
		expect(error?.message).toBe('Template order_update already exists in en_US');
	});
});

describe('template → create: every check fires before any request', () => {
	const longText = (length: number) => 'x'.repeat(length);
	const buttons = (...button: INodeParameters[]): INodeParameters => ({ buttons: { button } });
	const quickReply = (text = 'Yes'): INodeParameters => ({ type: 'QUICK_REPLY', text });
	const url = (link = 'https://example.com'): INodeParameters => ({
		type: 'URL',
		text: 'Open',
		url: link,
	});
	const phone: INodeParameters = {
		type: 'PHONE_NUMBER',
		text: 'Call',
		phoneNumber: '+85212345678',
	};

	it.each<[string, INodeParameters, string]>([
		[
			'template name with capitals',
			{ templateName: 'Order_Update' },
			'Template Name may only hold lowercase letters, digits and underscores, e.g. order_update',
		],
		[
			'template name an expression leaves empty',
			{ templateName: '={{ $json.name }}' },
			'Template Name is required',
		],
		[
			'template name over 512',
			{ templateName: 'a'.repeat(513) },
			'Template Name must have at most 512 characters (it has 513)',
		],
		[
			'language code',
			{ language: 'english' },
			'Language must be a WhatsApp language code such as en_US, es or pt_BR',
		],
		[
			'category',
			{ category: 'PROMOTION' },
			'Category must be one of MARKETING, UTILITY, AUTHENTICATION, TRANSACTIONAL, OTP',
		],
		[
			'body an expression leaves empty',
			{ bodyText: '={{ $json.text }}' },
			'Body text must not be empty',
		],
		[
			'body over 1024',
			{ bodyText: longText(1025) },
			'Body text must have at most 1024 characters (it has 1025)',
		],
		[
			'body variables out of order',
			{ bodyText: 'Hi {{2}} and {{1}}', bodyExamples: ['a', 'b'] },
			'Body variables must be numbered {{1}} to {{2}} in order of appearance (found {{2}}, {{1}})',
		],
		[
			'body variable skipped',
			{ bodyText: 'Hi {{1}} and {{3}}', bodyExamples: ['a', 'b'] },
			'Body variables must be numbered {{1}} to {{2}} in order of appearance (found {{1}}, {{3}})',
		],
		[
			'body variable without example',
			{ bodyText: 'Hi {{1}}, order {{2}}', bodyExamples: ['Ada'] },
			'Body example for {{2}} is missing',
		],
		[
			'body examples beyond the variables',
			{ bodyText: 'Hi {{1}}', bodyExamples: ['Ada', 'extra'] },
			'Body has 2 example values for 1 variables',
		],
		[
			'header text over 60',
			{ headerFormat: 'TEXT', headerText: longText(61) },
			'Header text must have at most 60 characters (it has 61)',
		],
		[
			'empty header text',
			{ headerFormat: 'TEXT', headerText: '' },
			'Header text must not be empty',
		],
		[
			'two header variables',
			{ headerFormat: 'TEXT', headerText: '{{1}} {{2}}', headerExample: 'a' },
			'Header text can hold at most one variable (it has 2)',
		],
		[
			'header variable without example',
			{ headerFormat: 'TEXT', headerText: 'Order {{1}}' },
			'Header example for {{1}} is missing',
		],
		[
			'media header without sample',
			{ headerFormat: 'VIDEO', headerMediaUrl: '' },
			'Header video needs an example: a public URL of a sample file',
		],
		[
			'footer over 60',
			{ footerText: longText(61) },
			'Footer text must have at most 60 characters (it has 61)',
		],
		['footer variable', { footerText: 'Bye {{1}}' }, 'Footer text cannot hold variables'],
		[
			'more than 10 buttons',
			buttons(...Array.from({ length: 11 }, () => quickReply())),
			'Buttons can hold at most 10 buttons (there are 11)',
		],
		[
			'three URL buttons',
			buttons(url(), url(), url()),
			'Buttons can hold at most 2 URL buttons (there are 3)',
		],
		[
			'two phone buttons',
			buttons(phone, phone),
			'Buttons can hold at most 1 phone number button (there are 2)',
		],
		[
			'quick replies apart',
			buttons(quickReply(), url(), quickReply()),
			'Buttons must keep the quick replies together, before or after the other buttons (button 3 is apart)',
		],
		[
			'button text over 25',
			buttons(quickReply(longText(26))),
			'Button 1 (QUICK_REPLY) text must have at most 25 characters (it has 26)',
		],
		[
			'button without text',
			buttons(quickReply(), { type: 'URL', text: '', url: 'https://example.com' }),
			'Button 2 (URL) text must not be empty',
		],
		[
			'URL button without a URL',
			buttons(url('example.com')),
			'Button 1 (URL) URL must be a URL starting with http:// or https://',
		],
		[
			'URL variable without example',
			buttons(url('https://example.com/{{1}}')),
			'Button 1 (URL) example for {{1}} is missing',
		],
		[
			'phone number',
			buttons({ ...phone, phoneNumber: 'call me' }),
			'Button 1 (PHONE_NUMBER) phone number must be digits with the country code, e.g. +85212345678',
		],
		[
			'copy code without code',
			buttons({ type: 'COPY_CODE', code: '' }),
			'Button 1 (COPY_CODE) example code must not be empty',
		],
		[
			'flow without ID',
			buttons({ type: 'FLOW', text: 'Go', flowId: '' }),
			'Button 1 (FLOW) flow ID is required',
		],
	])('%s', async (_case, parameters, message) => {
		const { error } = await run({
			operation: 'create',
			templateName: 'order_update',
			language: 'en_US',
			category: 'UTILITY',
			bodyText: 'Hello',
			...parameters,
		});
		expect(error?.message).toBe(message);
		expect(error?.description).toMatch(/Nothing was sent to WOZTELL/);
		expect(context.sandbox.requests).toHaveLength(0);
	});

	it.each<[string, string, string]>([
		[
			'not JSON',
			'[{"type": "BODY"',
			'Components must be a JSON list of components, e.g. [{"type": "BODY", "text": "Hello {{1}}"}]',
		],
		['no body', '[{"type": "FOOTER", "text": "Bye"}]', 'Body is required'],
		[
			'unknown component',
			'[{"type": "BODY", "text": "Hi"}, {"type": "SIDEBAR"}]',
			'Components entry 2 must have a type of HEADER, BODY, FOOTER, BUTTONS',
		],
		[
			'two bodies',
			'[{"type": "BODY", "text": "Hi"}, {"type": "BODY", "text": "Ho"}]',
			'Components can hold only one BODY component',
		],
		[
			'unknown header format',
			'[{"type": "HEADER", "format": "GIF"}, {"type": "BODY", "text": "Hi"}]',
			'Header format must be one of TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION',
		],
		[
			'empty button list',
			'[{"type": "BODY", "text": "Hi"}, {"type": "BUTTONS", "buttons": []}]',
			'Buttons must hold at least one button, or be left out',
		],
	])('raw JSON: %s', async (_case, componentsJson, message) => {
		const { error } = await run({
			operation: 'create',
			templateName: 'order_update',
			language: 'en_US',
			category: 'UTILITY',
			componentsInput: 'json',
			componentsJson,
		});
		expect(error?.message).toBe(message);
		expect(context.sandbox.requests).toHaveLength(0);
	});
});

describe('template → update (PATCH /whatsapp-message-template)', () => {
	const update = (template: INodeParameterResourceLocator, parameters: INodeParameters = {}) =>
		run({ operation: 'update', template, language: 'es', bodyText: 'Nuevo texto', ...parameters });

	it('finds the ID of the language version by name, then sends id + name + language + components', async () => {
		const [, spanish] = seed(
			templateVersion('order_update'),
			templateVersion('order_update', 'es'),
			templateVersion('order_update_v2', 'es'),
		);
		const { items, error } = await update(byName('order_update'));
		expect(error).toBeUndefined();
		const [lookup, patch] = context.sandbox.requests;
		expect(lookup).toMatchObject({ method: 'GET', path: '/whatsapp-message-templates' });
		expect(lookup.query).toEqual({
			wabaId: WABA_ID,
			first: '100',
			language: '["es"]',
			name: 'order_update',
			status: EVERY_STATUS,
			accessToken: TOKEN,
		});
		expect(patch).toMatchObject({
			method: 'PATCH',
			path: '/whatsapp-message-template',
			query: { accessToken: TOKEN },
		});
		expect(patch.body).toEqual({
			messageTemplateLanguage: 'es',
			components: [{ type: 'BODY', text: 'Nuevo texto' }],
			wabaId: WABA_ID,
			messageTemplateId: spanish.id,
			messageTemplateName: 'order_update',
		});
		expect(context.sandbox.requests).toHaveLength(2);
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		expect(context.sandbox.state.templates[1].components).toEqual([
			{ type: 'BODY', text: 'Nuevo texto' },
		]);
		expect(context.sandbox.state.templates[0].components).toEqual([
			{ type: 'BODY', text: 'order_update in en_US' },
		]);
	});

	it('takes the template by the ID of its language version', async () => {
		const [, spanish] = seed(
			templateVersion('order_update'),
			templateVersion('order_update', 'es'),
		);
		const { error } = await update({ __rl: true, mode: 'id', value: spanish.id });
		expect(error).toBeUndefined();
		expect(context.requestsTo('/whatsapp-message-templates')[0].query).toEqual({
			wabaId: WABA_ID,
			first: '100',
			language: '["es"]',
			status: EVERY_STATUS,
			accessToken: TOKEN,
		});
		expect(context.requestsTo('/whatsapp-message-template')[0].body).toMatchObject({
			messageTemplateId: spanish.id,
			messageTemplateName: 'order_update',
			messageTemplateLanguage: 'es',
		});
	});

	it('names a missing language version and sends no PATCH', async () => {
		seed(templateVersion('order_update'));
		const { error } = await update(
			{ __rl: true, mode: 'name', value: 'order_update' },
			{ language: 'fr' },
		);
		expect(error?.message).toBe('No message template "order_update" in fr');
		expect(context.requestsTo('/whatsapp-message-template')).toHaveLength(0);
	});

	it('checks the components as create does, before any request', async () => {
		seed(templateVersion('order_update', 'es'));
		const { error } = await update(byName('order_update'), { bodyText: 'Hola {{1}}' });
		expect(error?.message).toBe('Body example for {{1}} is missing');
		expect(context.sandbox.requests).toHaveLength(0);
	});

	it('refuses a template an expression leaves empty, before any request', async () => {
		const { error } = await update(byName('={{ $json.template }}'));
		expect(error?.message).toBe('Template is required');
		expect(context.sandbox.requests).toHaveLength(0);
	});

	it('passes on WOZTELL’s ok: 0 for a second edit within 24 hours', async () => {
		seed(templateVersion('order_update', 'es'));
		expect((await update(byName('order_update'))).error).toBeUndefined();
		const { error } = await update(byName('order_update'), { bodyText: 'Otra vez' });
		expect(error?.message).toBe('A message template can only be edited once in a 24 hour window');
		expect(context.sandbox.state.templates[0].components).toEqual([
			{ type: 'BODY', text: 'Nuevo texto' },
		]);
	});
});

describe('template → delete (DELETE /whatsapp-message-template, JSON body)', () => {
	it('deletes by name, every language version with it', async () => {
		seed(
			templateVersion('order_update'),
			templateVersion('order_update', 'es'),
			templateVersion('welcome'),
		);
		const { items, error } = await run({ operation: 'delete', template: byName('order_update') });
		expect(error).toBeUndefined();
		expect(context.sandbox.requests).toHaveLength(1);
		const [request] = context.sandbox.requests;
		expect(request).toMatchObject({
			method: 'DELETE',
			path: '/whatsapp-message-template',
			query: { accessToken: TOKEN },
		});
		expect(request.body).toEqual({ wabaId: WABA_ID, name: 'order_update' });
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		expect(
			context.sandbox.state.templates.map((version: { name: string }) => version.name),
		).toEqual(['welcome']);
	});

	it('deletes by the ID of a language version, looking its name up first', async () => {
		const [, spanish] = seed(
			templateVersion('order_update'),
			templateVersion('order_update', 'es'),
		);
		const { error } = await run({
			operation: 'delete',
			template: { __rl: true, mode: 'id', value: spanish.id },
		});
		expect(error).toBeUndefined();
		expect(context.sandbox.requests.map((request) => request.method)).toEqual(['GET', 'DELETE']);
		expect(context.requestsTo('/whatsapp-message-template')[0].body).toEqual({
			wabaId: WABA_ID,
			name: 'order_update',
		});
		expect(context.sandbox.state.templates).toHaveLength(0);
	});

	it('passes on WOZTELL’s 404 for an unknown name', async () => {
		const { error } = await run({ operation: 'delete', template: byName('nothing_here') });
		expect(error?.message).toBe('Message template nothing_here not found');
	});

	it('refuses an empty template before any request', async () => {
		const { error } = await run({ operation: 'delete', template: byName(' '), wabaId: '' });
		expect(error?.message).toBe('Template is required');
		expect(context.sandbox.requests).toHaveLength(0);
	});
});

describe('template pick-list (searchTemplates)', () => {
	it("lists the channel's templates by name, with their languages, and pages on", async () => {
		seed(
			templateVersion('order_update'),
			templateVersion('order_update', 'es'),
			...Array.from({ length: 120 }, (_, index) => templateVersion(`promo_${index}`)),
		);
		const first = await searchList(
			'searchTemplates',
			{ resource: 'template', operation: 'update' },
			sandboxCredentials(context.sandbox),
		);
		expect(first.results[0]).toEqual({ name: 'order_update (en_US, es)', value: 'order_update' });
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await searchList(
			'searchTemplates',
			{ resource: 'template', operation: 'update' },
			sandboxCredentials(context.sandbox),
			undefined,
			first.paginationToken,
		);
		expect(second.results).toHaveLength(21);
		expect(second.paginationToken).toBeUndefined();
		const lists = context.requestsTo('/whatsapp-message-templates');
		expect(lists.map((request) => request.query.wabaId)).toEqual([WABA_ID, WABA_ID]);
		expect(lists.map((request) => request.query.first)).toEqual(['100', '100']);
	});

	it('lets WOZTELL search by name, in the WABA typed in the node', async () => {
		seed(templateVersion('order_update'), templateVersion('welcome'));
		const found = await searchList(
			'searchTemplates',
			{ resource: 'template', operation: 'delete', wabaId: WABA_ID },
			sandboxCredentials(context.sandbox),
			'ORDER',
		);
		expect(found).toEqual({
			results: [{ name: 'order_update (en_US)', value: 'order_update' }],
			paginationToken: undefined,
		});
		expect(context.sandbox.requests.map((request) => request.path)).toEqual([
			'/whatsapp-message-templates',
		]);
		expect(context.sandbox.requests[0].query).toMatchObject({ wabaId: WABA_ID, name: 'ORDER' });
	});
});
