import type { INodeProperties } from 'n8n-workflow';
import { checkedField, showFor, type CheckedField } from '../../shared/descriptions';
import { all, email, httpUrl, listOf, maxLength, oneOf } from '../../shared/validate';

const VERTICALS = [
	['Automotive', 'AUTO'],
	['Beauty, Spa and Salon', 'BEAUTY'],
	['Clothing and Apparel', 'APPAREL'],
	['Education', 'EDU'],
	['Entertainment', 'ENTERTAIN'],
	['Event Planning and Service', 'EVENT_PLAN'],
	['Finance and Banking', 'FINANCE'],
	['Food and Grocery', 'GROCERY'],
	['Hotel and Lodging', 'HOTEL'],
	['Medical and Health', 'HEALTH'],
	['Non-Profit', 'NONPROFIT'],
	['Other', 'OTHER'],
	['Professional Services', 'PROF_SERVICES'],
	['Public Service', 'GOVT'],
	['Restaurant', 'RESTAURANT'],
	['Shopping and Retail', 'RETAIL'],
	['Travel and Transportation', 'TRAVEL'],
] as const;

const toProfile = (property: string) => ({
	send: { type: 'body' as const, property: `profile.${property}` },
});

const profileFields: CheckedField[] = [
	checkedField(
		{
			displayName: 'About',
			name: 'about',
			type: 'string',
			default: '',
			description: "The profile's About text, 1 to 139 characters",
			routing: toProfile('about'),
		},
		maxLength(139, 1),
	),
	checkedField(
		{
			displayName: 'Address',
			name: 'address',
			type: 'string',
			default: '',
			description: 'Address of the business, at most 256 characters',
			routing: toProfile('address'),
		},
		maxLength(256),
	),
	checkedField(
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Description of the business, at most 512 characters',
			routing: toProfile('description'),
		},
		maxLength(512),
	),
	checkedField(
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Contact email of the business, at most 128 characters',
			routing: toProfile('email'),
		},
		all(maxLength(128), email),
	),
	checkedField(
		{
			displayName: 'Profile Picture URL',
			name: 'profilePictureUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/logo.png',
			description: 'Public link to the new profile picture',
			routing: toProfile('profile_picture_url'),
		},
		httpUrl,
	),
	checkedField(
		{
			displayName: 'Vertical',
			name: 'vertical',
			type: 'options',
			options: VERTICALS.map(([name, value]) => ({ name, value })),
			default: 'OTHER',
			description: 'Industry of the business',
			routing: toProfile('vertical'),
		},
		oneOf(VERTICALS.map(([, value]) => value)),
	),
	checkedField(
		{
			displayName: 'Websites',
			name: 'websites',
			type: 'string',
			typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Website' },
			default: [],
			placeholder: 'e.g. https://woztell.com/',
			description: 'At most 2 websites, each starting with http:// or https://',
			routing: toProfile('websites'),
		},
		listOf(all(maxLength(256), httpUrl), 2),
	),
];

export const profileRules = profileFields.map(({ rule }) => rule);

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Profile Fields',
		name: 'profileFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('businessProfile', ['update']),
		options: profileFields.map(({ property }) => property),
	},
];
