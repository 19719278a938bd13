import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { buildComponents, type BuilderButton, type HeaderFormat } from './componentBuilder';
import { languageOptions } from '../../../shared/templateLanguages';

/** What create and update share: one language version of a template, its language and components. */
const forVersion = showFor('template', ['create', 'update']);
const forBuilder = { show: { ...forVersion.show, componentsInput: ['builder'] } };
const forHeader = (formats: HeaderFormat[]) => ({
	show: { ...forBuilder.show, headerFormat: formats },
});

function parsedComponents(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		// Left as text: the Components check then names the problem.
		return value;
	}
}

/** An expression may give one example instead of a list of them. */
const asList = (value: unknown): unknown[] =>
	Array.isArray(value)
		? value
		: value === undefined || value === null || value === ''
			? []
			: [value];

/**
 * WhatsApp writes a template's variables {{1}}, {{2}}…, and n8n's editor turns a typed "{{" into an
 * expression: "Hi {{1}}" is stored as "=Hi {{1}}", which n8n would evaluate to "Hi 1". An
 * expression whose every {{ }} holds only a number is such a text: it is taken as written.
 */
const WHATSAPP_VARIABLES_ONLY = /^=(?:[^{]|\{(?!\{)|\{\{\s*\d+\s*\}\})*$/;
// The editor's switch can leave spaces around the text: they are trimmed.
const asWritten = (raw: unknown, evaluated: unknown): string =>
	typeof raw === 'string' && WHATSAPP_VARIABLES_ONLY.test(raw)
		? raw.slice(1).trim()
		: String(evaluated ?? '');

/** Puts `components` in the body, from the builder fields or the JSON field. */
export async function sendComponents(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const raw = (parameter: string, fallback: unknown = '') =>
		this.getNodeParameter(parameter, fallback, { rawExpressions: true });
	const text = (parameter: string) =>
		asWritten(raw(parameter), this.getNodeParameter(parameter, ''));
	const fromBuilder = () => {
		const rawButtons = raw('buttons.button', []) as IDataObject[];
		const buttons = (this.getNodeParameter('buttons.button', []) as BuilderButton[]).map(
			(button, index) =>
				button.url === undefined
					? button
					: { ...button, url: asWritten(rawButtons[index]?.url, button.url) },
		);
		return buildComponents({
			headerFormat: this.getNodeParameter('headerFormat', 'NONE') as HeaderFormat,
			headerText: text('headerText'),
			headerExample: text('headerExample'),
			headerMediaUrl: text('headerMediaUrl'),
			bodyText: text('bodyText'),
			bodyExamples: asList(this.getNodeParameter('bodyExamples', [])).map(String),
			footerText: text('footerText'),
			buttons,
		});
	};
	const components =
		this.getNodeParameter('componentsInput', 'builder') === 'json'
			? parsedComponents(this.getNodeParameter('componentsJson', ''))
			: fromBuilder();
	request.body = { ...(request.body as IDataObject), components };
	return request;
}

const BUTTON_TYPE_OPTIONS = [
	{
		name: 'Copy Code',
		value: 'COPY_CODE',
		description: 'Copies a coupon code; WhatsApp labels the button',
	},
	{ name: 'Flow', value: 'FLOW', description: 'Opens a WhatsApp Flow' },
	{
		name: 'Phone Number',
		value: 'PHONE_NUMBER',
		description: 'Calls a phone number (one per template)',
	},
	{ name: 'Quick Reply', value: 'QUICK_REPLY', description: 'Sends its text back as a reply' },
	{ name: 'URL', value: 'URL', description: 'Opens a website (two per template at most)' },
];

const forButton = (types: string[]) => ({ show: { type: types } });

export const versionFields: INodeProperties[] = [
	{
		displayName: 'Language',
		name: 'language',
		type: 'options',
		options: languageOptions,
		default: 'en_US',
		description:
			'Language of the template version. Choose from the list, or specify a code using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: forVersion,
		// Update sends it as messageTemplateLanguage (sendAsVersionLanguage): a constant here, as an
		// expression would be evaluated for every item.
		routing: { send: { type: 'body', property: 'language' } },
	},
	{
		displayName: 'Define Components',
		name: 'componentsInput',
		description:
			'Build the header, body, footer and buttons with the fields below, or give the components as JSON',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Using Fields Below', value: 'builder' },
			{
				name: 'Using JSON',
				value: 'json',
				description: "WhatsApp's components array, as in the reference",
			},
		],
		default: 'builder',
		displayOptions: forVersion,
	},
	{
		displayName: 'Components (JSON)',
		name: 'componentsJson',
		type: 'json',
		default:
			'[\n  {\n    "type": "BODY",\n    "text": "Hello {{1}}",\n    "example": { "body_text": [["Ada"]] }\n  }\n]',
		description:
			'The components array: HEADER, BODY, FOOTER and BUTTONS. Checked before it is sent.',
		displayOptions: { show: { ...forVersion.show, componentsInput: ['json'] } },
	},
	{
		displayName: 'Header',
		name: 'headerFormat',
		description: 'What the template shows above its body, if anything',
		type: 'options',
		options: [
			{ name: 'Document', value: 'DOCUMENT' },
			{ name: 'Image', value: 'IMAGE' },
			{ name: 'Location', value: 'LOCATION' },
			{ name: 'None', value: 'NONE' },
			{ name: 'Text', value: 'TEXT' },
			{ name: 'Video', value: 'VIDEO' },
		],
		default: 'NONE',
		displayOptions: forBuilder,
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		description: 'At most 60 characters, with at most one variable, {{1}}',
		displayOptions: forHeader(['TEXT']),
	},
	{
		displayName: 'Header Example',
		name: 'headerExample',
		type: 'string',
		default: '',
		placeholder: 'e.g. Ada',
		description: "A sample value for the header's {{1}}, for WhatsApp's review",
		displayOptions: forHeader(['TEXT']),
	},
	{
		displayName: 'Header Sample URL',
		name: 'headerMediaUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/sample.png',
		description: "Public link to a sample file for WhatsApp's review; WOZTELL uploads it",
		displayOptions: forHeader(['IMAGE', 'VIDEO', 'DOCUMENT']),
	},
	{
		displayName: 'Body Text',
		name: 'bodyText',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. Hi {{1}}, your order {{2}} is on its way.',
		description:
			'The message, at most 1,024 characters. Number the variables {{1}}, {{2}}, … in order.',
		displayOptions: forBuilder,
	},
	{
		displayName: 'Body Examples',
		name: 'bodyExamples',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Example' },
		default: [],
		placeholder: 'e.g. Ada',
		description:
			'One sample value per variable, in order: the first for {{1}}, the second for {{2}}, …',
		displayOptions: forBuilder,
	},
	{
		displayName: 'Footer Text',
		name: 'footerText',
		type: 'string',
		default: '',
		description: 'Small print under the message, at most 60 characters, without variables',
		displayOptions: forBuilder,
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		description: 'At most 10; quick replies together, at most 2 URL and 1 phone number buttons',
		displayOptions: forBuilder,
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Example Code',
						name: 'code',
						type: 'string',
						default: '',
						placeholder: 'e.g. SUMMER25',
						description: 'A sample coupon code, at most 15 characters',
						displayOptions: forButton(['COPY_CODE']),
					},
					{
						displayName: 'First Screen',
						name: 'navigateScreen',
						type: 'string',
						default: '',
						placeholder: 'e.g. WELCOME_SCREEN',
						description: 'ID of the screen to open; empty for the first screen of the flow',
						displayOptions: { show: { type: ['FLOW'], flowAction: ['navigate'] } },
					},
					{
						displayName: 'Flow Action',
						name: 'flowAction',
						description: 'What the button does first when tapped',
						type: 'options',
						options: [
							{ name: 'Navigate', value: 'navigate', description: 'Opens a screen of the flow' },
							{
								name: 'Data Exchange',
								value: 'data_exchange',
								description: "Asks the flow's endpoint first",
							},
						],
						default: 'navigate',
						displayOptions: forButton(['FLOW']),
					},
					{
						displayName: 'Flow ID',
						name: 'flowId',
						description:
							'ID of the published flow the button opens, from the Flow → Get Many operation or WhatsApp Manager',
						type: 'string',
						default: '',
						placeholder: 'e.g. 885692686603466',
						displayOptions: forButton(['FLOW']),
					},
					{
						displayName: 'Phone Number',
						name: 'phoneNumber',
						description: 'Number the button calls, in international format with the country code',
						type: 'string',
						default: '',
						placeholder: 'e.g. +85212345678',
						displayOptions: forButton(['PHONE_NUMBER']),
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						description: 'Label of the button, at most 25 characters',
						displayOptions: forButton(['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'FLOW']),
					},
					{
						displayName: 'Type',
						name: 'type',
						description:
							'What the button does: reply, open a URL, call, copy a code or open a flow',
						type: 'options',
						options: BUTTON_TYPE_OPTIONS,
						default: 'QUICK_REPLY',
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://example.com/orders/{{1}}',
						description: 'May end with one variable, {{1}}',
						displayOptions: forButton(['URL']),
					},
					{
						displayName: 'URL Example',
						name: 'urlExample',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://example.com/orders/12345',
						description: 'The full URL with a sample value for {{1}}',
						displayOptions: forButton(['URL']),
					},
				],
			},
		],
	},
];

/** PATCH names the language of the version it edits `messageTemplateLanguage`. */
export async function sendAsVersionLanguage(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
) {
	const { language, ...body } = request.body as IDataObject;
	request.body = { ...body, messageTemplateLanguage: language };
	return request;
}
