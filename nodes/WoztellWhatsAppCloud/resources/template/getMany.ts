import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { languageOptions } from '../../../shared/templateLanguages';
import {
	languageVersionsOf,
	templateCategoryOptions,
	templateStatusOptions,
} from '../../../shared/templates';
import { sendAsJsonList, showFor } from '../../shared/descriptions';

const forGetMany = showFor('template', ['getMany']);

const asQuery = (property: string) => ({ send: { type: 'query' as const, property } });
/** A text filter left empty (or emptied by an AI agent's `$fromAI()`) filters nothing. */
const asTextQuery = (property: string) => ({
	send: { ...asQuery(property).send, value: '={{ String($value).trim() || undefined }}' },
});

async function splitIntoLanguageVersions(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (!this.getNodeParameter('options.splitByLanguage', false)) return items;
	return items.map(({ json }) => ({
		json: { ...json, data: ((json.data ?? []) as IDataObject[]).flatMap(languageVersionsOf) },
	}));
}

export const getManyFields: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: forGetMany,
		options: [
			{
				displayName: 'Category',
				name: 'category',
				description: 'Only templates of these categories',
				type: 'multiOptions',
				options: templateCategoryOptions,
				default: [],
				routing: sendAsJsonList('category'),
			},
			{
				displayName: 'Content Search',
				name: 'content',
				type: 'string',
				default: '',
				placeholder: 'e.g. your order',
				description: 'Only templates whose text holds this',
				routing: asTextQuery('content'),
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'multiOptions',
				options: languageOptions,
				default: [],
				description:
					'Only these language versions. With one language, each template carries the ID of that version.',
				routing: sendAsJsonList('language'),
			},
			{
				displayName: 'Name Or Content Search',
				name: 'nameOrContent',
				type: 'string',
				default: '',
				description: 'Only templates whose name or text holds this',
				// The reference's parameter table writes it "name or content"; WhatsApp's name is name_or_content.
				routing: asTextQuery('name_or_content'),
			},
			{
				displayName: 'Name Search',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. order_',
				description: 'Only templates whose name holds this',
				routing: asTextQuery('name'),
			},
			{
				displayName: 'Quality Score',
				name: 'qualityScore',
				description: 'Only templates with this quality rating from WhatsApp',
				type: 'options',
				options: [
					{ name: 'Green', value: 'GREEN' },
					{ name: 'Yellow', value: 'YELLOW' },
					{ name: 'Red', value: 'RED' },
				],
				default: 'GREEN',
				routing: asQuery('quality_score'),
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: templateStatusOptions,
				default: [],
				description:
					"Only templates with these statuses. Empty: WOZTELL's default, every status but Paused, Disabled, In Appeal, Limit Exceeded and Archived.",
				routing: sendAsJsonList('status'),
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: forGetMany,
		options: [
			{
				displayName: 'One Item per Language Version',
				name: 'splitByLanguage',
				type: 'boolean',
				default: false,
				description:
					'Whether to output each language version of a template as its own item, with its language, status and components. Limit then counts language versions.',
				routing: { output: { postReceive: [splitIntoLanguageVersions] } },
			},
		],
	},
];
