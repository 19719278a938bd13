import type { INodeProperties } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { LEGACY_TEMPLATE_CATEGORIES, TEMPLATE_CATEGORIES } from '../../../shared/templates';

const forCreate = showFor('template', ['create']);

export const createFields: INodeProperties[] = [
	{
		displayName: 'Template Name',
		name: 'templateName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order_update',
		description: 'Lowercase letters, digits and underscores, at most 512 characters',
		displayOptions: forCreate,
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		displayName: 'Category',
		name: 'category',
		description: 'What the template is for; WhatsApp prices and reviews templates by category',
		type: 'options',
		options: [
			{ name: 'Authentication', value: 'AUTHENTICATION', description: 'One-time passcodes' },
			{ name: 'Marketing', value: 'MARKETING', description: 'Promotions, offers, news' },
			{
				name: 'Utility',
				value: 'UTILITY',
				description: 'Updates on an order or account the customer has',
			},
			...LEGACY_TEMPLATE_CATEGORIES.map((value) => ({
				name: `${value} (Legacy)`,
				value,
				description: 'A category of the reference that WhatsApp has since replaced',
			})),
		],
		default: 'UTILITY',
		displayOptions: forCreate,
		routing: { send: { type: 'body', property: 'category' } },
	},
];

export const TEMPLATE_CATEGORY_VALUES = [...TEMPLATE_CATEGORIES, ...LEGACY_TEMPLATE_CATEGORIES];
