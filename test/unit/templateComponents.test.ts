import { buildComponents } from '../../nodes/WoztellWhatsAppCloud/resources/template/componentBuilder';
import {
	bodyComponent,
	buttonList,
	componentList,
	eachButton,
	footerComponent,
	headerComponent,
	languageCode,
	templateName,
	variablesIn,
} from '../../nodes/WoztellWhatsAppCloud/resources/template/componentChecks';
import { languageVersionsOf } from '../../nodes/shared/templates';

const body = (text: string, examples?: string[]) => ({
	type: 'BODY',
	text,
	...(examples ? { example: { body_text: [examples] } } : {}),
});
const withButtons = (...buttons: Array<Record<string, unknown>>) => [
	body('Hi'),
	{ type: 'BUTTONS', buttons },
];

describe('template name and language', () => {
	it.each([
		['order_update_2', undefined],
		['', 'is required'],
		[undefined, 'is required'],
		['order-update', 'may only hold lowercase letters, digits and underscores, e.g. order_update'],
		['Order', 'may only hold lowercase letters, digits and underscores, e.g. order_update'],
		['a'.repeat(512), undefined],
		['a'.repeat(513), 'must have at most 512 characters (it has 513)'],
	])('name %j → %j', (value, expected) => {
		expect(templateName(value)).toBe(expected);
	});

	it.each([
		['en_US', undefined],
		['es', undefined],
		['fil', undefined],
		['en-US', 'must be a WhatsApp language code such as en_US, es or pt_BR'],
		['EN', 'must be a WhatsApp language code such as en_US, es or pt_BR'],
		[undefined, 'must be a WhatsApp language code such as en_US, es or pt_BR'],
	])('language %j → %j', (value, expected) => {
		expect(languageCode(value)).toBe(expected);
	});
});

describe('variablesIn', () => {
	it('gives each variable once, in order of first appearance', () => {
		expect(variablesIn('{{2}} {{1}} {{2}} {{ 3 }} {{name}}')).toEqual([2, 1, 3]);
		expect(variablesIn(undefined)).toEqual([]);
	});
});

describe('component checks', () => {
	it('accepts the samples of the reference', () => {
		const samples = [
			[
				body('Hi there!'),
				{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['IMAGE_URL'] } },
			],
			[
				body('hello {{1}} this is body template', ['Test']),
				{ type: 'FOOTER', text: 'this is footer template' },
				{
					type: 'BUTTONS',
					buttons: [
						{ type: 'PHONE_NUMBER', text: 'Call', phone_number: '+85212769072' },
						{ type: 'URL', text: 'URL', url: 'https://www.woztell.com/' },
					],
				},
			],
			withButtons({ type: 'QUICK_REPLY', text: 'yes' }, { type: 'QUICK_REPLY', text: 'no' }),
		];
		for (const components of samples) {
			for (const check of [
				componentList,
				headerComponent,
				bodyComponent,
				footerComponent,
				buttonList,
				eachButton,
			]) {
				expect(check(components)).toBeUndefined();
			}
		}
	});

	it.each<[string, (value: unknown) => string | undefined, unknown, string | undefined]>([
		[
			'not a list',
			componentList,
			{ type: 'BODY' },
			'must be a JSON list of components, e.g. [{"type": "BODY", "text": "Hello {{1}}"}]',
		],
		[
			'entry without type',
			componentList,
			[body('Hi'), null],
			'entry 2 must have a type of HEADER, BODY, FOOTER, BUTTONS',
		],
		[
			'location header needs no example',
			headerComponent,
			[{ type: 'HEADER', format: 'LOCATION' }],
			undefined,
		],
		[
			'header variable other than {{1}}',
			headerComponent,
			[{ type: 'HEADER', format: 'TEXT', text: 'Hi {{2}}' }],
			'text variable must be {{1}}',
		],
		[
			'document header sample',
			headerComponent,
			[{ type: 'HEADER', format: 'DOCUMENT', example: { header_handle: [''] } }],
			'document needs an example: a public URL of a sample file',
		],
		['body without text', bodyComponent, [{ type: 'BODY' }], 'text must be text'],
		['repeated body variable', bodyComponent, [body('{{1}} and {{1}}', ['a'])], undefined],
		['blank example', bodyComponent, [body('Hi {{1}}', [' '])], 'example for {{1}} is missing'],
		[
			'eleven buttons',
			buttonList,
			withButtons(...Array(11).fill({ type: 'QUICK_REPLY', text: 'a' })),
			'can hold at most 10 buttons (there are 11)',
		],
		[
			'quick replies after the others',
			buttonList,
			withButtons({ type: 'URL' }, { type: 'QUICK_REPLY' }, { type: 'QUICK_REPLY' }),
			undefined,
		],
		[
			'two copy code buttons',
			buttonList,
			withButtons({ type: 'COPY_CODE' }, { type: 'COPY_CODE' }),
			'can hold at most 1 copy code button (there are 2)',
		],
		[
			'unknown button type',
			eachButton,
			withButtons({ type: 'SHARE', text: 'x' }),
			'1 (SHARE) must have a type of QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, FLOW, OTP, CATALOG, MPM',
		],
		[
			'URL with two variables',
			eachButton,
			withButtons({ type: 'URL', text: 'Go', url: 'https://a.b/{{1}}/{{2}}' }),
			'1 (URL) URL can hold one variable only, {{1}}',
		],
		[
			'copy code over 15',
			eachButton,
			withButtons({ type: 'COPY_CODE', example: 'X'.repeat(16) }),
			'1 (COPY_CODE) example code must have at most 15 characters (it has 16)',
		],
		[
			'flow by name',
			eachButton,
			withButtons({ type: 'FLOW', text: 'Go', flow_name: 'survey' }),
			undefined,
		],
	])('%s', (_case, check, components, expected) => {
		expect(check(components)).toBe(expected);
	});
});

describe('buildComponents', () => {
	it('leaves out what the builder does not use', () => {
		expect(
			buildComponents({
				headerFormat: 'NONE',
				bodyText: 'Hello',
				bodyExamples: [],
				footerText: '',
				buttons: [],
			}),
		).toEqual([{ type: 'BODY', text: 'Hello' }]);
	});

	it('keeps examples only where the text has a variable', () => {
		expect(
			buildComponents({
				headerFormat: 'TEXT',
				headerText: 'No variable',
				headerExample: 'ignored',
				bodyText: 'Hi {{1}}',
				bodyExamples: ['Ada'],
				buttons: [{ type: 'URL', text: 'Go', url: 'https://a.b/', urlExample: 'ignored' }],
			}),
		).toEqual([
			{ type: 'HEADER', format: 'TEXT', text: 'No variable' },
			{ type: 'BODY', text: 'Hi {{1}}', example: { body_text: [['Ada']] } },
			{ type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Go', url: 'https://a.b/' }] },
		]);
	});

	it('makes a location header and a flow button without a screen', () => {
		expect(
			buildComponents({
				headerFormat: 'LOCATION',
				bodyText: 'Find us',
				buttons: [{ type: 'FLOW', text: 'Book', flowId: '1', flowAction: 'data_exchange' }],
			}),
		).toEqual([
			{ type: 'HEADER', format: 'LOCATION' },
			{ type: 'BODY', text: 'Find us' },
			{
				type: 'BUTTONS',
				buttons: [{ type: 'FLOW', text: 'Book', flow_id: '1', flow_action: 'data_exchange' }],
			},
		]);
	});
});

describe('languageVersionsOf', () => {
	const template = {
		id: '363730401994967',
		name: 'sample_flight_confirmation',
		category: 'TICKET_UPDATE',
		languages: ['pt_BR', 'en_US'],
		statuses: [],
		templates: [
			{ language: 'pt_BR', status: 'APPROVED', components: [] },
			{ language: 'en_US', status: 'REJECTED', components: [], id: '1748340935544945' },
		],
	};

	it('gives an ID only where the answer tells which version it belongs to', () => {
		expect(languageVersionsOf(template)).toEqual([
			{
				name: 'sample_flight_confirmation',
				category: 'TICKET_UPDATE',
				language: 'pt_BR',
				status: 'APPROVED',
				components: [],
			},
			{
				id: '1748340935544945',
				name: 'sample_flight_confirmation',
				category: 'TICKET_UPDATE',
				language: 'en_US',
				status: 'REJECTED',
				components: [],
			},
		]);
		expect(languageVersionsOf({ ...template, templates: [template.templates[0]] })[0].id).toBe(
			'363730401994967',
		);
	});
});
