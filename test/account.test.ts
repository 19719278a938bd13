import { runNode, sandboxCredentials } from './engine/harness';
import { useSandbox } from './engine/useSandbox';
import { identity } from './sandbox';

const context = useSandbox();

describe('account → getInfo (GET /waba-info)', () => {
	it("asks for the credential's channel when Channel ID is empty", async () => {
		const { sandbox } = context;
		const { items, error } = await runNode(
			{ resource: 'account', operation: 'getInfo' },
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request).toMatchObject({ method: 'GET', path: '/waba-info' });
		expect(request.query).toEqual({
			channelId: sandbox.state.identity.channelId,
			accessToken: identity.accessToken,
		});
		expect(request.body).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([sandbox.state.wabaInfo]);
	});

	it('asks for a WABA by its ID', async () => {
		const { sandbox } = context;
		const { items } = await runNode(
			{ resource: 'account', operation: 'getInfo', lookUpBy: 'wabaId', wabaId: identity.wabaId },
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(sandbox.requests[0].query).toEqual({
			wabaId: identity.wabaId,
			accessToken: identity.accessToken,
		});
		expect(items[0].json.name).toBe('Sandbox Business');
	});

	it('takes the channel ID from the input item through an expression', async () => {
		const { sandbox } = context;
		const { items, error } = await runNode(
			{ resource: 'account', operation: 'getInfo', channelId: '={{ $json.channel }}' },
			{ credentials: sandboxCredentials(sandbox), items: [{ channel: identity.channelId }] },
		);
		expect(error).toBeUndefined();
		expect(sandbox.requests[0].query.channelId).toBe(identity.channelId);
		expect(items).toHaveLength(1);
	});

	it('passes on WOZTELL’s 404 for an unknown channel', async () => {
		const { sandbox } = context;
		const { error } = await runNode(
			{ resource: 'account', operation: 'getInfo', channelId: 'ffffffffffffffffffffffff' },
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(error?.message).toBe('Channel ffffffffffffffffffffffff not found');
		expect((error as unknown as { httpCode: string }).httpCode).toBe('404');
	});

	it('refuses a WABA ID that is not numeric, without a request', async () => {
		const { sandbox } = context;
		const { error } = await runNode(
			{ resource: 'account', operation: 'getInfo', lookUpBy: 'wabaId', wabaId: '42 2126' },
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(error?.message).toBe('WABA ID must be a numeric ID (digits only)');
		expect(sandbox.requests).toHaveLength(0);
	});
});
