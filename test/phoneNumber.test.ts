import { runNode, sandboxCredentials } from './engine/harness';
import { SIGNED_HEADERS, useSandbox } from './engine/useSandbox';
import { identity } from './sandbox';

const context = useSandbox();

describe('phoneNumber → getDisplayNameStatus (GET /whatsapp-displayname-status)', () => {
	it('sends the access token and the signed context, and returns the status', async () => {
		const { sandbox } = context;
		const { items, error } = await runNode(
			{
				resource: 'phoneNumber',
				operation: 'getDisplayNameStatus',
				phoneNumberId: identity.phoneNumberId,
			},
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request).toMatchObject({ method: 'GET', path: '/whatsapp-displayname-status' });
		expect(request.query).toEqual({
			phoneNumberId: identity.phoneNumberId,
			accessToken: identity.accessToken,
		});
		expect(request.headers).toMatchObject(SIGNED_HEADERS);
		expect(items.map((item) => item.json)).toEqual([sandbox.state.displayNameStatus]);
	});

	it("uses the phone number of the credential's channel when the field is empty", async () => {
		const { sandbox } = context;
		const { items } = await runNode(
			{ resource: 'phoneNumber', operation: 'getDisplayNameStatus' },
			{ credentials: sandboxCredentials(sandbox), items: [{}, {}, {}] },
		);
		const statusCalls = sandbox.requests.filter(
			(request) => request.path === '/whatsapp-displayname-status',
		);
		expect(statusCalls.map((request) => request.query.phoneNumberId)).toEqual(
			Array(3).fill(identity.phoneNumberId),
		);
		expect(
			sandbox.requests.filter((request) => request.path === '/waba-info').length,
		).toBeLessThanOrEqual(1);
		expect(items).toHaveLength(3);
	});

	it('is refused by WOZTELL without a signed context', async () => {
		const { sandbox } = context;
		const { error } = await runNode(
			{
				resource: 'phoneNumber',
				operation: 'getDisplayNameStatus',
				phoneNumberId: identity.phoneNumberId,
			},
			{ credentials: sandboxCredentials(sandbox, { appId: '' }) },
		);
		expect(sandbox.requests[0].headers['x-woztell-payload']).toBeUndefined();
		expect(error?.message).toBe('Missing X-Woztell-Payload or X-Woztell-SignedContext');
		expect(error?.description).toMatch(/Check the credential/);
	});
});
