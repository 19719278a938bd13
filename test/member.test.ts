import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode, sandboxCredentials } from './engine/harness';
import { collectSecrets, findSecrets } from './engine/secrets';
import { useSandbox } from './engine/useSandbox';
import { identity, type RecordedRequest } from './sandbox';
import {
	ADD_MEMBER_TAGS,
	CONVERSATION_HISTORY,
	MEMBER_BY_ID,
	MEMBER_BY_NUMBER,
	MEMBER_ID_OF_NUMBER,
	MEMBERS,
	NUMBER_OF_MEMBER_ID,
} from '../nodes/WoztellWhatsAppCloud/resources/member/queries';

const context = useSandbox();
const CUSTOMER = { _id: '5ece50f3bf385b25c4e08db5', externalId: '85291234567' };
const openApiRequests = () =>
	context.sandbox.requests.filter((request) => request.api === 'openApi');
const bodyOf = (request: RecordedRequest) =>
	request.body as { query: string; variables: IDataObject };
const variablesOf = (request: RecordedRequest) => bodyOf(request).variables;

async function run(
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject = {},
	items?: IDataObject[],
) {
	return await runNode(
		{ resource: 'member', ...parameters },
		{ credentials: sandboxCredentials(context.sandbox, credentials), items },
	);
}

type Member = { _id: string; externalId: string; tags: string[] };
const sandboxMember = (externalId: string) =>
	(context.sandbox.state.members as Member[]).find((member) => member.externalId === externalId);

describe('member → get (Open API member)', () => {
	it('by WhatsApp number: the Open API token alone, the document of WOZTELL’s package, the number’s digits as a variable', async () => {
		const { items, error } = await run({
			operation: 'get',
			memberBy: 'whatsappNumber',
			member: '+852 9123-4567',
		});
		expect(error).toBeUndefined();
		const [request, ...rest] = openApiRequests();
		expect(rest).toHaveLength(0);
		expect(context.sandbox.requests).toHaveLength(1);
		expect(request).toMatchObject({ method: 'POST', path: '/open-api/v3', query: {} });
		expect(request.headers.authorization).toBe(`Bearer ${identity.openApiToken}`);
		expect(request.headers['x-woztell-signedcontext']).toBeUndefined();
		expect(bodyOf(request)).toEqual({
			query: MEMBER_BY_NUMBER,
			variables: { channelId: identity.channelId, externalId: '85291234567' },
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			_id: CUSTOMER._id,
			externalId: CUSTOMER.externalId,
			tags: ['vip', 'newsletter', 'spring_sale'],
			botMeta: {
				liveChat: false,
				tree: { name: 'Customer service' },
				node: { name: 'Welcome' },
			},
		});
	});

	it('by member ID: member(memberId)', async () => {
		const { items, error } = await run({
			operation: 'get',
			memberBy: 'memberId',
			member: CUSTOMER._id,
		});
		expect(error).toBeUndefined();
		expect(bodyOf(openApiRequests()[0])).toEqual({
			query: MEMBER_BY_ID,
			variables: { memberId: CUSTOMER._id },
		});
		expect(items[0].json._id).toBe(CUSTOMER._id);
	});

	it('shows a member in live chat as such', async () => {
		const inLiveChat = (context.sandbox.state.members as Array<Member & IDataObject>)[3];
		const { items } = await run({ operation: 'get', member: inLiveChat.externalId });
		expect(items[0].json).toMatchObject({ botMeta: { liveChat: true } });
	});

	it('an unknown number is an error naming it, asked once', async () => {
		const { error, items } = await run({ operation: 'get', member: '85299999999' });
		expect(error?.message).toBe(
			"WOZTELL has no member with WhatsApp number 85299999999 on the credential's channel",
		);
		expect(items).toHaveLength(0);
		expect(openApiRequests()).toHaveLength(1);
	});

	it.each([
		['whatsappNumber', '1234', 'Member (WhatsApp Number) must be a phone number'],
		['memberId', 'not-a-member', 'Member (Member ID) must be a WOZTELL ID'],
	])('refuses the %s %j before sending', async (memberBy, member, message) => {
		const { error } = await run({ operation: 'get', memberBy, member });
		expect(error?.message).toContain(message);
		expect(context.sandbox.requests).toHaveLength(0);
	});
});

describe('member → getMany (Open API members)', () => {
	it('Return All over 250 members: 3 requests of 100, following endCursor', async () => {
		const { items, error } = await run({ operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(250);
		expect(new Set(items.map((item) => item.json._id)).size).toBe(250);
		expect(items[0].json).toEqual({
			_id: CUSTOMER._id,
			externalId: CUSTOMER.externalId,
			name: 'Chan Tai Man',
			tags: ['vip', 'newsletter', 'spring_sale'],
		});
		const pages = openApiRequests();
		expect(pages).toHaveLength(3);
		expect(pages.every((page) => bodyOf(page).query === MEMBERS)).toBe(true);
		expect(variablesOf(pages[0])).toEqual({ channelId: identity.channelId, first: 100 });
		expect(variablesOf(pages[1])).toEqual({
			channelId: identity.channelId,
			first: 100,
			after: expect.any(String),
		});
		expect(variablesOf(pages[2]).after).not.toBe(variablesOf(pages[1]).after);
	});

	it('Limit 30: one request for 30', async () => {
		const { items, error } = await run({ operation: 'getMany', returnAll: false, limit: 30 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(30);
		expect(openApiRequests()).toHaveLength(1);
		expect(variablesOf(openApiRequests()[0]).first).toBe(30);
	});

	it('by tags: WOZTELL’s IN tag filter, every member carrying one of them', async () => {
		const { items, error } = await run({
			operation: 'getMany',
			returnAll: true,
			filters: { tags: 'vip, spring_sale' },
		});
		expect(error).toBeUndefined();
		expect(variablesOf(openApiRequests()[0]).tagFilters).toEqual([
			{ operator: 'IN', tags: ['vip', 'spring_sale'] },
		]);
		const tagged = (context.sandbox.state.members as Member[]).filter(
			({ tags }) => tags.includes('vip') || tags.includes('spring_sale'),
		);
		expect(items.map((item) => item.json._id)).toEqual(tagged.map(({ _id }) => _id));
		expect(items.length).toBe(78);
	});

	it('a Return All over 5,000 members finishes under a rate limit of 20 calls a second, each member once', async () => {
		const { sandbox } = context;
		const template = (sandbox.state.members as Member[])[1];
		for (let index = 250; index < 5000; index++) {
			sandbox.state.members.push({
				...template,
				_id: index.toString(16).padStart(24, '0'),
				externalId: String(85270000000 + index),
				tags: [],
			});
		}
		sandbox.admin.openApiBehaviour({ ratePerWindow: 20, windowMs: 1000 });
		const { items, error } = await run({ operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(5000);
		expect(new Set(items.map((item) => item.json._id)).size).toBe(5000);
		// 50 pages were answered; the refused calls (HTTP 200 with errors[] and no calls left) were
		// asked again after WOZTELL's Retry-After.
		expect(sandbox.state.openApiRefusals).toBeGreaterThan(0);
		expect(openApiRequests()).toHaveLength(50 + sandbox.state.openApiRefusals);
	}, 60_000);
});

describe('member → addTags (Open API addMemberTags)', () => {
	const awkward = ['say "hi"', 'a}b{c', 'back\\slash', 'two\nlines'];

	it('sends tags as variables: quotes, braces, backslashes and line breaks arrive as data', async () => {
		const { items, error } = await run(
			{ operation: 'addTags', member: '={{ $json.phone }}', tags: '={{ $json.tags }}' },
			{},
			[{ phone: CUSTOMER.externalId, tags: awkward }],
		);
		expect(error).toBeUndefined();
		const [request] = openApiRequests();
		expect(bodyOf(request).query).toBe(ADD_MEMBER_TAGS);
		expect(variablesOf(request)).toEqual({
			input: { channel: identity.channelId, externalId: CUSTOMER.externalId, tags: awkward },
		});
		expect(sandboxMember(CUSTOMER.externalId)?.tags).toEqual([
			'vip',
			'newsletter',
			'spring_sale',
			...awkward,
		]);
		expect(items[0].json).toMatchObject({
			ok: 1,
			memberId: CUSTOMER._id,
			member: { _id: CUSTOMER._id, externalId: CUSTOMER.externalId },
			tagsAdded: awkward,
		});
	});

	it('splits a typed list at commas, trims and drops repeats', async () => {
		const { error } = await run({
			operation: 'addTags',
			member: CUSTOMER.externalId,
			tags: ' refund , vip,refund,，',
		});
		expect(error).toBeUndefined();
		expect(variablesOf(openApiRequests()[0]).input).toMatchObject({ tags: ['refund', 'vip'] });
	});

	it('by member ID: looks the member’s number up first, then tags by number', async () => {
		const { error } = await run({
			operation: 'addTags',
			memberBy: 'memberId',
			member: CUSTOMER._id,
			tags: 'refund',
		});
		expect(error).toBeUndefined();
		const [lookUp, mutation] = openApiRequests();
		expect(bodyOf(lookUp)).toEqual({
			query: NUMBER_OF_MEMBER_ID,
			variables: { memberId: CUSTOMER._id },
		});
		expect(variablesOf(mutation)).toEqual({
			input: { channel: identity.channelId, externalId: CUSTOMER.externalId, tags: ['refund'] },
		});
		expect(sandboxMember(CUSTOMER.externalId)?.tags).toContain('refund');
	});

	it('a number WOZTELL does not know: its refusal (ok 0) and err_code', async () => {
		const { error } = await run({ operation: 'addTags', member: '85299999999', tags: 'refund' });
		expect(error?.message).toBe('WOZTELL did not add the tags: MEMBER_NOT_FOUND');
		expect(openApiRequests()).toHaveLength(1);
	});

	it('refuses no tags at all, sending nothing', async () => {
		const { error } = await run({ operation: 'addTags', member: CUSTOMER.externalId, tags: ' , ' });
		expect(error?.message).toBe('Tags must hold at least one tag');
		expect(context.sandbox.requests).toHaveLength(0);
	});

	it('a rate-limited mutation is sent again after Retry-After and tags once', async () => {
		const { sandbox } = context;
		sandbox.admin.openApiBehaviour({ ratePerWindow: 1, windowMs: 1000, limitedStatus: 429 });
		const { error, items } = await run(
			{ operation: 'addTags', member: '={{ $json.phone }}', tags: 'spring' },
			{},
			[{ phone: CUSTOMER.externalId }, { phone: '85260000001' }],
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(sandbox.state.openApiRefusals).toBeGreaterThan(0);
		expect(sandboxMember('85260000001')?.tags).toEqual(['spring']);
	}, 30_000);
});

describe('member → getConversationHistory (Open API conversationHistory)', () => {
	type Message = { messageEvent: { data: { text: string } }; createdAt: number };
	const texts = (items: Array<{ json: IDataObject }>) =>
		items.map((item) => (item.json as unknown as Message).messageEvent.data.text);

	it('Return All by WhatsApp number: the member ID looked up, 300 messages in 3 pages backwards, output oldest first', async () => {
		const { items, error } = await run({
			operation: 'getConversationHistory',
			member: CUSTOMER.externalId,
			returnAll: true,
		});
		expect(error).toBeUndefined();
		const [lookUp, ...pages] = openApiRequests();
		expect(bodyOf(lookUp)).toEqual({
			query: MEMBER_ID_OF_NUMBER,
			variables: { channelId: identity.channelId, externalId: CUSTOMER.externalId },
		});
		expect(pages).toHaveLength(3);
		expect(pages.every((page) => bodyOf(page).query === CONVERSATION_HISTORY)).toBe(true);
		expect(variablesOf(pages[0])).toEqual({
			channelId: identity.channelId,
			memberId: CUSTOMER._id,
			last: 100,
		});
		expect(variablesOf(pages[1])).toMatchObject({ last: 100, before: expect.any(String) });
		expect(items).toHaveLength(300);
		const createdAt = items.map((item) => (item.json as unknown as Message).createdAt);
		expect(createdAt).toEqual([...createdAt].sort((a, b) => a - b));
		expect(texts(items)[0]).toMatch(/\(1\)$/);
		expect(texts(items)[299]).toMatch(/\(300\)$/);
	});

	it('Limit 20: one page, the newest 20, oldest first', async () => {
		const { items, error } = await run({
			operation: 'getConversationHistory',
			memberBy: 'memberId',
			member: CUSTOMER._id,
			returnAll: false,
			limit: 20,
		});
		expect(error).toBeUndefined();
		expect(openApiRequests()).toHaveLength(1);
		expect(variablesOf(openApiRequests()[0])).toMatchObject({ last: 20, memberId: CUSTOMER._id });
		expect(texts(items)).toEqual(
			Array.from({ length: 20 }, (_, index) => expect.stringMatching(`\\(${281 + index}\\)$`)),
		);
	});

	it('Limit 150 over two pages keeps the newest 150, oldest first', async () => {
		const { items } = await run({
			operation: 'getConversationHistory',
			memberBy: 'memberId',
			member: CUSTOMER._id,
			limit: 150,
		});
		expect(openApiRequests().map((request) => variablesOf(request).last)).toEqual([100, 50]);
		expect(items).toHaveLength(150);
		expect(texts(items)[0]).toMatch(/\(151\)$/);
		expect(texts(items)[149]).toMatch(/\(300\)$/);
	});

	it('From and To from the date pickers: epoch milliseconds', async () => {
		const { items, error } = await run({
			operation: 'getConversationHistory',
			memberBy: 'memberId',
			member: CUSTOMER._id,
			returnAll: true,
			filters: { from: '2025-01-06T10:00:00Z', to: '2025-01-06T19:00:00Z' },
		});
		expect(error).toBeUndefined();
		expect(variablesOf(openApiRequests()[0])).toMatchObject({
			from: Date.UTC(2025, 0, 6, 10),
			to: Date.UTC(2025, 0, 6, 19),
		});
		expect(texts(items)).toHaveLength(10);
		expect(texts(items)[0]).toMatch(/\(11\)$/);
	});

	it.each([
		[{ from: '2025-01-07T00:00:00Z', to: '2025-01-06T00:00:00Z' }, 'From must be before To'],
		[{ from: 'yesterday-ish' }, 'From must be a date and time'],
	])('refuses the range %j before sending', async (filters, message) => {
		const { error } = await run({
			operation: 'getConversationHistory',
			member: CUSTOMER.externalId,
			filters,
		});
		expect(error?.message).toBe(message);
		expect(context.sandbox.requests).toHaveLength(0);
	});
});

describe('member operations: the credential and WOZTELL’s errors', () => {
	const operations = [
		{ operation: 'get', member: CUSTOMER.externalId },
		{ operation: 'getMany' },
		{ operation: 'addTags', member: CUSTOMER.externalId, tags: 'refund' },
		{ operation: 'getConversationHistory', member: CUSTOMER.externalId },
	];

	it.each(operations)(
		'$operation refuses without an Open API Token in the credential, naming the field, sending nothing',
		async (parameters) => {
			const { error } = await run(parameters, { openApiToken: '' });
			expect(error?.message).toBe('The credential has no Open API Token');
			expect((error as { description?: string }).description).toMatch(
				/enter it in the credential's Open API Token/,
			);
			expect(context.sandbox.requests).toHaveLength(0);
		},
	);

	it.each([
		['get', 'member:read'],
		['addTags', 'member:write'],
	])(
		'%s with a token WOZTELL refuses: WOZTELL’s text (HTTP 200, errors[]), the field and the %s scope; not retried',
		async (operation, scope) => {
			const { error } = await run(
				{ operation, member: CUSTOMER.externalId, tags: 'refund' },
				{ openApiToken: 'not-a-token' },
			);
			expect(error?.message).toBe('User is not authenticated.');
			const credentials = sandboxCredentials(context.sandbox, { openApiToken: 'not-a-token' });
			expect(findSecrets([error], collectSecrets(credentials))).toEqual([]);
			expect((error as { httpCode?: string }).httpCode).toBe('200');
			expect((error as { description?: string }).description).toBe(
				`WOZTELL's Open API refused the credential's Open API Token: create an access token with the ${scope} scope (WOZTELL: Settings → Access Tokens) and enter it in the credential's Open API Token field.`,
			);
			expect(openApiRequests()).toHaveLength(1);
		},
	);

	it('a permission error from WOZTELL names the scope to add', async () => {
		context.sandbox.failNext({
			status: 200,
			body: { data: null, errors: [{ message: 'Permission denied: member:read required' }] },
		});
		const { error } = await run({ operation: 'getMany' });
		expect(error?.message).toBe('Permission denied: member:read required');
		expect((error as { description?: string }).description).toBe(
			"The credential's Open API Token is not allowed to do this: give the token the member:read scope (WOZTELL: Settings → Access Tokens).",
		);
	});

	it('a credential saved before members existed (signed context fetched with the Open API token) works unchanged', async () => {
		const { sandbox } = context;
		const { items, error } = await runNode(
			{ resource: 'member', operation: 'get', member: CUSTOMER.externalId },
			{
				credentials: {
					baseUrl: sandbox.baseUrl,
					accessToken: identity.accessToken,
					channelId: identity.channelId,
					signedContextSource: 'openApi',
					openApiToken: identity.openApiToken,
					environmentId: identity.environmentId,
					openApiUrl: sandbox.openApiUrl,
				},
			},
		);
		expect(error).toBeUndefined();
		expect(items[0].json._id).toBe(CUSTOMER._id);
	});
});
