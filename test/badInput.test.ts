import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode, sandboxCredentials } from './engine/harness';
import { useSandbox } from './engine/useSandbox';
import { identity } from './sandbox';
import { collectSecrets, findSecrets } from './engine/secrets';

const context = useSandbox();
/** Every error the cases produce, for the secret search at the end. */
const errors: unknown[] = [];

/** One bad value, fed through an expression the way a previous node would, and what the node must say. */
interface BadInput {
	name: string;
	parameters: INodeParameters;
	value: unknown;
	message: string | RegExp;
}

const FROM_ITEM = '={{ $json.value }}';
const badDigits = ['12 34', 'abc', '12a', '-5', '1.5'];
const digitsMessage = (field: string) => `${field} must be a numeric ID (digits only)`;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const phoneNumberOperations: INodeParameters[] = [
	{ resource: 'phoneNumber', operation: 'getDisplayNameStatus' },
	{ resource: 'businessProfile', operation: 'get' },
	{ resource: 'businessProfile', operation: 'update', profileFields: { about: 'Hi' } },
	{ resource: 'media', operation: 'upload', type: 'image', url: 'https://example.com/a.png' },
];
const oneFlowOperations = [
	'get',
	'getScreenPayload',
	'getPreview',
	'delete',
	'publish',
	'deprecate',
];
const templateWabaOperations: INodeParameters[] = [
	{ resource: 'template', operation: 'getMany' },
	{
		resource: 'template',
		operation: 'delete',
		template: { __rl: true, mode: 'name', value: 'order_update' },
	},
];
const validTemplate = {
	resource: 'template',
	operation: 'create',
	templateName: 'order_update',
	language: 'en_US',
	category: 'UTILITY',
	bodyText: 'Hello',
	wabaId: identity.wabaId,
};
const flowCreate = {
	resource: 'flow',
	operation: 'create',
	name: 'Sign up',
	categories: ['SIGN_UP'],
};
const analytics = {
	resource: 'analytics',
	operation: 'getConversationAnalytics',
	from: '2024-01-01T00:00:00Z',
	to: '2024-01-02T00:00:00Z',
	granularity: 'DAILY',
};
const profileUpdate = {
	resource: 'businessProfile',
	operation: 'update',
	phoneNumberId: identity.phoneNumberId,
};

const cases: BadInput[] = [
	...phoneNumberOperations.flatMap((operation) =>
		badDigits.map((value) => ({
			name: `${operation.resource}.${operation.operation}: Phone Number ID ${JSON.stringify(value)}`,
			parameters: { ...operation, phoneNumberId: FROM_ITEM },
			value,
			message: digitsMessage('Phone Number ID'),
		})),
	),
	...[
		...templateWabaOperations,
		{ resource: 'account', operation: 'getInfo', lookUpBy: 'wabaId' },
	].flatMap((operation) =>
		badDigits.map((value) => ({
			name: `${operation.resource}.${operation.operation}: WABA ID ${JSON.stringify(value)}`,
			parameters: { ...operation, wabaId: FROM_ITEM },
			value,
			message: digitsMessage('WABA ID'),
		})),
	),
	...oneFlowOperations.flatMap((operation) =>
		['abc', '12 3', '-1', '1e5'].map((value) => ({
			name: `flow.${operation}: Flow ${JSON.stringify(value)}`,
			parameters: { resource: 'flow', operation, flowId: byId(FROM_ITEM) },
			value,
			message: digitsMessage('Flow'),
		})),
	),
	...['abc', '12 3', '', '1.5'].map((value) => ({
		name: `product.getMany: Catalog ${JSON.stringify(value)}`,
		parameters: { resource: 'product', operation: 'getMany', catalogId: byId(FROM_ITEM) },
		value,
		message: value === '' ? 'Catalog is required' : digitsMessage('Catalog'),
	})),
	...['123', 'not-a-channel', '696327315430a1f98231dfd', '696327315430a1f98231dfdez'].map(
		(value) => ({
			name: `account.getInfo: Channel ID ${JSON.stringify(value)}`,
			parameters: { resource: 'account', operation: 'getInfo', channelId: FROM_ITEM },
			value,
			message:
				'Channel ID must be a WOZTELL ID: 24 letters a–f and digits, e.g. 696327315430a1f98231dfde',
		}),
	),
	...[0, -1, 2.5].map((value) => ({
		name: `catalog.getMany: Limit ${value}`,
		parameters: { resource: 'catalog', operation: 'getMany', limit: FROM_ITEM },
		value,
		message: value === 2.5 ? 'Limit must be a whole number' : 'Limit must be 1 or more',
	})),
	...[
		['', 'File URL is required'],
		['example.com/a.png', 'File URL must be a URL starting with http:// or https://'],
		['ftp://example.com/a.png', 'File URL must be a URL starting with http:// or https://'],
		['https://exa mple.com', 'File URL must be a URL starting with http:// or https://'],
	].map(([value, message]) => ({
		name: `media.upload: File URL ${JSON.stringify(value)}`,
		parameters: {
			resource: 'media',
			operation: 'upload',
			phoneNumberId: identity.phoneNumberId,
			url: FROM_ITEM,
		},
		value,
		message,
	})),
	...['gif', 'IMAGE'].map((value) => ({
		name: `media.upload: Media Type ${value}`,
		parameters: {
			resource: 'media',
			operation: 'upload',
			phoneNumberId: identity.phoneNumberId,
			url: 'https://example.com/a',
			type: FROM_ITEM,
		},
		value,
		message: 'Media Type must be one of image, audio, video, file',
	})),
	...(
		[
			['about', '', 'About must not be empty'],
			['about', 'x'.repeat(140), 'About must have at most 139 characters (it has 140)'],
			['about', 42, 'About must be text'],
			['address', 'x'.repeat(257), 'Address must have at most 256 characters (it has 257)'],
			['description', 'x'.repeat(513), 'Description must have at most 512 characters (it has 513)'],
			['email', 'not-an-email', 'Email must be an email address'],
			[
				'email',
				`${'x'.repeat(120)}@example.com`,
				'Email must have at most 128 characters (it has 132)',
			],
			[
				'websites',
				['https://a.example', 'https://b.example', 'https://c.example'],
				'Websites can hold at most 2 entries (it has 3)',
			],
			[
				'websites',
				['woztell.com'],
				'Websites entry 1 must be a URL starting with http:// or https://',
			],
			['websites', 'https://woztell.com', 'Websites must be a list'],
			[
				'profilePictureUrl',
				'ftp://example.com/a.png',
				'Profile Picture URL must be a URL starting with http:// or https://',
			],
			['vertical', 'SPACE', /^Vertical must be one of AUTO, BEAUTY/],
		] as const
	).map(([field, value, message]) => ({
		name: `businessProfile.update: ${field} ${JSON.stringify(value).slice(0, 30)}`,
		parameters: { ...profileUpdate, profileFields: { [field]: FROM_ITEM } },
		value,
		message,
	})),
	...(
		[
			['from', 'yesterday', 'From must be a date and time'],
			['from', '2024-02-01T00:00:00Z', 'From must be before To'],
			['to', '', 'To must be a date and time'],
			['to', { day: 1 }, 'To must be a date and time'],
			['granularity', 'WEEKLY', 'Granularity must be one of HALF_HOUR, DAILY, MONTHLY'],
		] as const
	).map(([field, value, message]) => ({
		name: `analytics: ${field} ${JSON.stringify(value)}`,
		parameters: { ...analytics, [field]: FROM_ITEM },
		value,
		message,
	})),
	...(
		[
			['metricTypes', ['CLICKS'], 'Metric Types entry 1 must be one of CONVERSATION, COST'],
			[
				'conversationTypes',
				['FREE'],
				'Conversation Types entry 1 must be one of FREE_ENTRY_POINT, FREE_TIER, REGULAR, UNKNOWN',
			],
			[
				'conversationDirections',
				['inbound'],
				'Conversation Directions entry 1 must be one of business_initiated, user_initiated',
			],
			[
				'dimensions',
				['city'],
				'Dimensions entry 1 must be one of conversation_direction, conversation_type, country, phone',
			],
			[
				'numbers',
				['call me'],
				'Phone Numbers entry 1 must be a phone number: digits with the country code, e.g. 85212345678',
			],
			[
				'numbers',
				['123'],
				'Phone Numbers entry 1 must be a phone number: digits with the country code, e.g. 85212345678',
			],
		] as const
	).map(([field, value, message]) => ({
		name: `analytics filter: ${field} ${JSON.stringify(value)}`,
		parameters: { ...analytics, filters: { [field]: FROM_ITEM } },
		value,
		message,
	})),
	...(
		[
			[
				'templateName',
				'Order_Update',
				'Template Name may only hold lowercase letters, digits and underscores, e.g. order_update',
			],
			['templateName', '', 'Template Name is required'],
			[
				'templateName',
				'a'.repeat(513),
				'Template Name must have at most 512 characters (it has 513)',
			],
			[
				'language',
				'english',
				'Language must be a WhatsApp language code such as en_US, es or pt_BR',
			],
			[
				'category',
				'PROMOTION',
				'Category must be one of MARKETING, UTILITY, AUTHENTICATION, TRANSACTIONAL, OTP',
			],
			['bodyText', '', 'Body text must not be empty'],
			['bodyText', 'x'.repeat(1025), 'Body text must have at most 1024 characters (it has 1025)'],
			['footerText', 'x'.repeat(61), 'Footer text must have at most 60 characters (it has 61)'],
			['footerText', 'Bye {{1}}', 'Footer text cannot hold variables'],
		] as const
	).map(([field, value, message]) => ({
		name: `template.create: ${field} ${JSON.stringify(value).slice(0, 30)}`,
		parameters: { ...validTemplate, [field]: FROM_ITEM },
		value,
		message,
	})),
	...(
		[
			['name', '', 'Name is required'],
			['categories', [], 'Categories must have at least one category'],
			['categories', ['NEWSLETTER'], /^Categories entry 1 must be one of APPOINTMENT_BOOKING, /],
		] as const
	).map(([field, value, message]) => ({
		name: `flow.create: ${field} ${JSON.stringify(value)}`,
		parameters: { ...flowCreate, [field]: FROM_ITEM },
		value,
		message,
	})),
	...(
		[
			['http://example.com/flow', 'Endpoint URL must be a URL starting with https://'],
			['example.com', 'Endpoint URL must be a URL starting with https://'],
		] as const
	).map(([value, message]) => ({
		name: `flow.create: Endpoint URL ${value}`,
		parameters: { ...flowCreate, additionalFields: { endpointUrl: FROM_ITEM } },
		value,
		message,
	})),
	...(
		[
			['{"version": "3.1", "screens": [}', /^Flow JSON is not valid JSON/],
			[
				'{"screens": [{"id": "A", "terminal": true}]}',
				'Flow JSON has no "version", e.g. "version": "3.1"',
			],
			[
				'{"version": "3.1", "screens": []}',
				'Flow JSON "screens" is empty: a flow needs at least one screen',
			],
			['{"version": "3.1", "screens": [{"terminal": true}]}', 'Flow JSON screens[0] has no "id"'],
		] as const
	).map(([value, message]) => ({
		name: `flow.updateJson: ${value}`,
		parameters: {
			resource: 'flow',
			operation: 'updateJson',
			flowId: byId('910367050421850'),
			flowJson: FROM_ITEM,
		},
		value,
		message,
	})),
	...(
		[
			['not a key', 'Public Key must be a PEM public key starting with -----BEGIN PUBLIC KEY-----'],
			['', 'Public Key is required'],
			['-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', /^Public Key/],
		] as const
	).map(([value, message]) => ({
		name: `businessEncryption.set: ${JSON.stringify(value).slice(0, 30)}`,
		parameters: { resource: 'businessEncryption', operation: 'set', publicKey: FROM_ITEM },
		value,
		message,
	})),
];

describe('bad input: the item stops with a message naming the field, and nothing is sent', () => {
	it('covers at least 100 cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(100);
	});

	it.each(cases.map((badInput) => [badInput.name, badInput]))(
		'%s',
		async (_name, { parameters, value, message }) => {
			const { sandbox } = context;
			const { error } = await runNode(parameters, {
				credentials: sandboxCredentials(sandbox),
				items: [{ value } as IDataObject],
			});
			errors.push(error);
			expect(error?.message).toEqual(
				typeof message === 'string' ? message : expect.stringMatching(message),
			);
			expect(error?.context.itemIndex).toBe(0);
			expect(error?.description).toMatch(/Nothing was sent to WOZTELL|Pick a date/);
			expect(sandbox.requests.filter((request) => request.path !== '/waba-info')).toEqual([]);
		},
	);

	it('never shows a secret in any of these errors', () => {
		expect(errors).toHaveLength(cases.length);
		expect(findSecrets(errors, collectSecrets(sandboxCredentials(context.sandbox)))).toEqual([]);
	});
});
