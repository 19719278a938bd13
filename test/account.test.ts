import { startSandbox, type Sandbox } from './sandbox';
import { runNode, sandboxCredentials } from './engine/harness';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

describe('account → getInfo (GET /waba-info)', () => {
	it("looks up the credential's channel when Channel ID is empty", async () => {
		const { items, error } = await runNode(
			{ resource: 'account', operation: 'getInfo' },
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/waba-info');
		expect(request.query).toEqual({ channelId: sandbox.state.identity.channelId, accessToken: 'sandbox-access-token' });
		expect(items.map((item) => item.json)).toEqual([sandbox.state.wabaInfo]);
	});
});
