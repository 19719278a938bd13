import type { INodeProperties } from 'n8n-workflow';
import { resourceLocator, showFor } from '../../shared/descriptions';
import {
	all,
	httpsUrl,
	listOf,
	numericId,
	oneOf,
	required,
	type Check,
	type FieldRule,
} from '../../shared/validate';

const FLOW_CATEGORIES = [
	['Appointment Booking', 'APPOINTMENT_BOOKING'],
	['Contact Us', 'CONTACT_US'],
	['Customer Support', 'CUSTOMER_SUPPORT'],
	['Lead Generation', 'LEAD_GENERATION'],
	['Other', 'OTHER'],
	['Sign In', 'SIGN_IN'],
	['Sign Up', 'SIGN_UP'],
	['Survey', 'SURVEY'],
] as const;

const CATEGORY_VALUES = FLOW_CATEGORIES.map(([, value]) => value);

const atLeastOneCategory: Check = (value) =>
	Array.isArray(value) && value.length === 0 ? 'must have at least one category' : undefined;

const categoriesCheck = all(
	atLeastOneCategory,
	listOf(oneOf(CATEGORY_VALUES), CATEGORY_VALUES.length),
);

const toBody = (property: string) => ({ send: { type: 'body' as const, property } });

const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. Customer Feedback',
	description: 'Name of the flow, as WhatsApp Manager shows it',
	routing: toBody('data.name'),
};

const categoriesField: INodeProperties = {
	displayName: 'Categories',
	name: 'categories',
	type: 'multiOptions',
	options: FLOW_CATEGORIES.map(([name, value]) => ({ name, value })),
	default: [],
	description: 'What the flow is for; at least one',
	routing: toBody('data.categories'),
};

/** The reference: "Do not provide this field if you are cloning/updating a Flow with Flow JSON version below 3.0". */
const endpointUrlField = (bodyProperty: string): INodeProperties => ({
	displayName: 'Endpoint URL',
	name: 'endpointUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/whatsapp-flow',
	description:
		"HTTPS address of the flow's data endpoint. Leave it out for Flow JSON below version 3.0.",
	routing: toBody(bodyProperty),
});

const forCreate = showFor('flow', ['create']);

export const createFields: INodeProperties[] = [
	{ ...nameField, required: true, displayOptions: forCreate },
	{ ...categoriesField, required: true, displayOptions: forCreate },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: forCreate,
		options: [
			{
				...resourceLocator({
					name: 'cloneFlowId',
					displayName: 'Clone From Flow',
					description: 'An existing flow whose Flow JSON the new flow starts from',
					searchListMethod: 'searchFlows',
					idPlaceholder: 'e.g. 368669698913502',
					idPattern: '\\d+',
				}),
				required: false,
				routing: toBody('data.clone_flow_id'),
			},
			endpointUrlField('data.endpoint_url'),
		],
	},
];

export const createRules: FieldRule[] = [
	{ at: 'body.data.name', field: 'Name', check: required, always: true },
	{ at: 'body.data.categories', field: 'Categories', check: categoriesCheck, always: true },
	{ at: 'body.data.clone_flow_id', field: 'Clone From Flow', check: all(required, numericId) },
	{ at: 'body.data.endpoint_url', field: 'Endpoint URL', check: httpsUrl },
];

export const updateMetadataFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('flow', ['updateMetadata']),
		// The reference's sample body: `{ "flowId", "data": { "name" }, "endpoint_url" }`, the URL beside `data`.
		options: [categoriesField, endpointUrlField('endpoint_url'), nameField],
	},
];

const somethingToUpdate: Check = (body) =>
	Object.keys(body as object).some((key) => key === 'data' || key === 'endpoint_url')
		? undefined
		: 'must hold at least one of Categories, Endpoint URL and Name';

export const updateMetadataRules: FieldRule[] = [
	{ at: 'body', field: 'Update Fields', check: somethingToUpdate, always: true },
	{ at: 'body.data.name', field: 'Name', check: required },
	{ at: 'body.data.categories', field: 'Categories', check: categoriesCheck },
	{ at: 'body.endpoint_url', field: 'Endpoint URL', check: httpsUrl },
];
