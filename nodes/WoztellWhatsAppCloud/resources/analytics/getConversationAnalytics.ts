import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { sendAsJsonList, showFor } from '../../shared/descriptions';
import { toUnixSeconds } from '../../shared/time';
import { jsonListOf, oneOf, refuseToSend, type Check, type FieldRule } from '../../shared/validate';

const forAnalytics = showFor('analytics', ['getConversationAnalytics']);

export async function sendTimeRange(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const range: Record<string, number> = {};
	for (const [parameter, displayName] of [
		['from', 'From'],
		['to', 'To'],
	]) {
		const seconds = toUnixSeconds(this.getNodeParameter(parameter, ''));
		if (seconds === undefined) {
			refuseToSend(
				this,
				`${displayName} must be a date and time`,
				'Pick a date, or give an ISO date (2024-01-31T00:00:00Z) or UNIX seconds.',
			);
		}
		range[parameter] = seconds;
	}
	if (range.from >= range.to) refuseToSend(this, 'From must be before To');
	request.qs = { ...request.qs, ...range };
	return request;
}

export const conversationAnalyticsFields: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Start of the time range',
		displayOptions: forAnalytics,
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the time range',
		displayOptions: forAnalytics,
	},
	{
		displayName: 'Granularity',
		name: 'granularity',
		type: 'options',
		options: [
			{ name: 'Half Hour', value: 'HALF_HOUR' },
			{ name: 'Day', value: 'DAILY' },
			{ name: 'Month', value: 'MONTHLY' },
		],
		default: 'DAILY',
		description: 'How long each data point lasts',
		displayOptions: forAnalytics,
		routing: { send: { type: 'query', property: 'granularity' } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: forAnalytics,
		options: [
			{
				displayName: 'Conversation Directions',
				name: 'conversationDirections',
				description: 'Only conversations opened by the business, by the user, or both when empty',
				type: 'multiOptions',
				options: [
					{ name: 'Business Initiated', value: 'business_initiated' },
					{ name: 'User Initiated', value: 'user_initiated' },
				],
				default: [],
				routing: sendAsJsonList('conversation_directions'),
			},
			{
				displayName: 'Conversation Types',
				name: 'conversationTypes',
				description: 'Only these conversation types; all of them when empty',
				type: 'multiOptions',
				options: [
					{ name: 'Free Entry Point', value: 'FREE_ENTRY_POINT' },
					{ name: 'Free Tier', value: 'FREE_TIER' },
					{ name: 'Regular', value: 'REGULAR' },
					{ name: 'Unknown', value: 'UNKNOWN' },
				],
				default: [],
				routing: sendAsJsonList('conversation_types'),
			},
			{
				displayName: 'Dimensions',
				name: 'dimensions',
				type: 'multiOptions',
				description: 'Break the data points down by these',
				options: [
					{ name: 'Conversation Direction', value: 'conversation_direction' },
					{ name: 'Conversation Type', value: 'conversation_type' },
					{ name: 'Country', value: 'country' },
					{ name: 'Phone', value: 'phone' },
				],
				default: [],
				routing: sendAsJsonList('dimensions'),
			},
			{
				displayName: 'Metric Types',
				name: 'metricTypes',
				description: 'Count conversations, their cost, or both when empty',
				type: 'multiOptions',
				options: [
					{ name: 'Conversation', value: 'CONVERSATION' },
					{ name: 'Cost', value: 'COST' },
				],
				default: [],
				routing: sendAsJsonList('metric_types'),
			},
			{
				displayName: 'Phone Numbers',
				name: 'numbers',
				type: 'string',
				typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Phone Number' },
				default: [],
				placeholder: 'e.g. 85212345678',
				description: 'Only count conversations of these phone numbers (digits with country code)',
				routing: sendAsJsonList('numbers'),
			},
		],
	},
];

const phoneNumber: Check = (value) =>
	typeof value === 'string' && /^\+?\d{6,15}$/.test(value)
		? undefined
		: 'must be a phone number: digits with the country code, e.g. 85212345678';

const optionValues = (field: INodeProperties) =>
	(field.options as INodePropertyOptions[]).map(({ value }) => String(value));

/** Values an expression can give that the dropdowns would not allow. */
export const analyticsRules: FieldRule[] = conversationAnalyticsFields.flatMap(
	(field): FieldRule[] => {
		if (field.name === 'granularity')
			return [
				{ at: 'qs.granularity', field: field.displayName, check: oneOf(optionValues(field)) },
			];
		if (field.name !== 'filters') return [];
		return (field.options as INodeProperties[]).map((filter) => ({
			at: `qs.${filter.routing?.send?.property}`,
			field: filter.displayName,
			check: jsonListOf(filter.type === 'multiOptions' ? oneOf(optionValues(filter)) : phoneNumber),
		}));
	},
);
