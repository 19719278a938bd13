import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode, sandboxCredentials, searchList } from './engine/harness';
import { useSandbox } from './engine/useSandbox';
import { identity } from './sandbox';

const context = useSandbox();
const CUSTOMER = { _id: '5ece50f3bf385b25c4e08db5', externalId: '85291234567' };
type Tree = { _id: string; name: string; nodes: Array<{ name: string; compositeId: string }> };
const trees = () => context.sandbox.state.trees as Tree[];
const refundNode = () => trees()[0].nodes.find(({ name }) => name === 'Refund')!;
const redirectRequests = () =>
	context.sandbox.requests.filter(
		(request) => request.api === 'bot' && request.path === '/redirectMemberToNode',
	);

function redirect(parameters: INodeParameters = {}): INodeParameters {
	return {
		resource: 'chatbot',
		operation: 'redirectMember',
		member: CUSTOMER.externalId,
		tree: { mode: 'list', value: trees()[0]._id, cachedResultName: 'Customer service' },
		node: { mode: 'list', value: refundNode().compositeId, cachedResultName: 'Refund' },
		...parameters,
	};
}

async function run(
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject = {},
	node = {},
) {
	return await runNode(parameters, {
		credentials: sandboxCredentials(context.sandbox, credentials),
		node,
	});
}

describe('chatbot → redirectMember (Bot API POST /redirectMemberToNode)', () => {
	it('sends WOZTELL’s redirect body with the Bot API token; the member is at the node', async () => {
		const meta = { orderId: '#1042', note: 'said "refund"}\\ twice\nyesterday' };
		const { items, error } = await run(
			redirect({
				member: '+852 9123 4567',
				meta: {
					values: Object.entries(meta).map(([key, value]) => ({ key, value })),
				},
			}),
		);
		expect(error).toBeUndefined();
		const [request, ...rest] = redirectRequests();
		expect(rest).toHaveLength(0);
		expect(request.method).toBe('POST');
		expect(request.headers.authorization).toBe(`Bearer ${identity.botApiToken}`);
		expect(request.query).toEqual({});
		expect(request.body).toEqual({
			channelId: identity.channelId,
			recipientId: CUSTOMER.externalId,
			redirect: {
				tree: trees()[0]._id,
				nodeCompositeId: refundNode().compositeId,
				runPreAction: true,
				sendResponse: true,
				runPostAction: true,
			},
			meta,
		});
		expect(items.map((item) => item.json)).toEqual([
			{
				recipientId: CUSTOMER.externalId,
				tree: trees()[0]._id,
				nodeCompositeId: refundNode().compositeId,
				attempts: 1,
			},
		]);
		const customer = (context.sandbox.state.members as Array<IDataObject>)[0];
		expect(customer.botMeta).toMatchObject({ nodeCompositeId: refundNode().compositeId });
	});

	it('by member ID, with the node’s actions and response off', async () => {
		const { error } = await run(
			redirect({
				memberBy: 'memberId',
				member: CUSTOMER._id,
				runPreAction: false,
				sendResponse: false,
				runPostAction: false,
				node: { mode: 'id', value: refundNode().compositeId },
			}),
		);
		expect(error).toBeUndefined();
		expect(redirectRequests()[0].body).toMatchObject({
			memberId: CUSTOMER._id,
			redirect: { runPreAction: false, sendResponse: false, runPostAction: false },
			meta: {},
		});
		expect(redirectRequests()[0].body).not.toHaveProperty('recipientId');
	});

	it.each([
		[{ botApiToken: '' }, {}, 'The credential has no Bot API Access Token'],
		[{}, { member: '0123' }, 'Member (WhatsApp Number) must be a phone number'],
		[{}, { node: { mode: 'list', value: '={{ $json.node ?? "" }}' } }, 'Node is required'],
		[{}, { meta: { values: [{ key: '', value: 'x' }] } }, 'Metadata 1 needs a key'],
		[
			{},
			{
				meta: {
					values: [
						{ key: 'a', value: '1' },
						{ key: 'a', value: '2' },
					],
				},
			},
			'Metadata key "a" is given twice',
		],
	])('refuses before sending: %j %j', async (credentials, parameters, message) => {
		const { error } = await run(redirect(parameters), credentials);
		expect(error?.message).toContain(message);
		expect(context.sandbox.requests).toHaveLength(0);
	});

	it('the missing token’s refusal names the field and the bot:redirectMemberToNode scope', async () => {
		const { error } = await run(redirect(), { botApiToken: '' });
		expect((error as { description?: string }).description).toBe(
			"Chatbot redirects go through WOZTELL’s Bot API: create an access token with the bot:redirectMemberToNode scope (WOZTELL: Settings → Access Tokens) and enter it in the credential's Bot API Access Token. Nothing was sent.",
		);
	});

	it('WOZTELL’s refusal of an unknown node, with its HTTP code, asked once', async () => {
		const { error } = await run(redirect({ node: { mode: 'id', value: 'NoSuchNode123' } }));
		expect(error?.message).toBe('Node NoSuchNode123 not found in tree Customer service');
		expect((error as { httpCode?: string }).httpCode).toBe('404');
		expect(redirectRequests()).toHaveLength(1);
	});

	it('a refused Bot API token names the bot:redirectMemberToNode scope', async () => {
		const { error } = await run(redirect(), { botApiToken: 'wrong' });
		expect((error as { description?: string }).description).toMatch(
			/^Check the credential's Bot API Access Token: a WOZTELL access token with the bot:redirectMemberToNode scope/,
		);
	});

	it('a 503 (nothing done) is sent again; the item tells the attempts', async () => {
		context.sandbox.failNext({ status: 503, body: { ok: 0, error: 'Busy' } });
		const { items, error } = await run(redirect());
		expect(error).toBeUndefined();
		expect(redirectRequests()).toHaveLength(2);
		expect(items[0].json.attempts).toBe(2);
	});

	it('a lost answer is never sent again, not even by n8n’s Retry On Fail', async () => {
		context.sandbox.failNext({ drop: true });
		const { error } = await run(
			redirect(),
			{},
			{ retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		);
		expect(error?.message).toBe('WOZTELL may or may not have sent this message');
		expect(redirectRequests()).toHaveLength(1);
	});

	it('an answer without "ok" (its shape is not documented) is success', async () => {
		context.sandbox.failNext({ status: 200, body: { result: 'done' } });
		const { items, error } = await run(redirect());
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ result: 'done', recipientId: CUSTOMER.externalId });
	});
});

describe('chatbot pick-lists: tree, then the chosen tree’s nodes (Open API trees, nodes)', () => {
	const credentials = () => sandboxCredentials(context.sandbox);
	const openApiRequests = () =>
		context.sandbox.requests.filter((request) => request.api === 'openApi');

	it('lists the trees, and searches them by name at WOZTELL', async () => {
		const all = await searchList('searchTrees', { resource: 'chatbot' }, credentials());
		expect(all.results).toEqual(trees().map(({ name, _id }) => ({ name, value: _id })));
		const found = await searchList('searchTrees', { resource: 'chatbot' }, credentials(), 'market');
		expect(found.results.map((result) => result.name)).toEqual(['Marketing']);
		expect((openApiRequests()[1].body as { variables: IDataObject }).variables).toEqual({
			first: 100,
			search: 'market',
		});
	});

	it('lists the nodes of the tree chosen, by compositeId, and filters them by name', async () => {
		const parameters = {
			resource: 'chatbot',
			operation: 'redirectMember',
			tree: { mode: 'list', value: trees()[0]._id },
		};
		const all = await searchList('searchTreeNodes', parameters, credentials());
		expect(all.results).toEqual(
			trees()[0].nodes.map(({ name, compositeId }) => ({ name, value: compositeId })),
		);
		expect((openApiRequests()[0].body as { variables: IDataObject }).variables).toEqual({
			treeIds: [trees()[0]._id],
		});
		const refund = await searchList('searchTreeNodes', parameters, credentials(), 'REF');
		expect(refund.results).toEqual([{ name: 'Refund', value: refundNode().compositeId }]);
		const other = await searchList(
			'searchTreeNodes',
			{ ...parameters, tree: { mode: 'id', value: trees()[1]._id } },
			credentials(),
		);
		expect(other.results.map((result) => result.name)).toEqual(['Spring sale', 'Opt out']);
	});

	it('no tree chosen: no nodes, nothing asked', async () => {
		const none = await searchList('searchTreeNodes', { resource: 'chatbot' }, credentials());
		expect(none.results).toEqual([]);
		expect(context.sandbox.requests).toHaveLength(0);
	});

	it('without an Open API Token: an error naming the field, nothing asked', async () => {
		await expect(
			searchList(
				'searchTrees',
				{ resource: 'chatbot' },
				sandboxCredentials(context.sandbox, { openApiToken: '' }),
			),
		).rejects.toThrow('The credential has no Open API Token');
		expect(context.sandbox.requests).toHaveLength(0);
	});
});
