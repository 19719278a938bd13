import { runNode, sandboxCredentials, testCredential } from './engine/harness';
import { CredentialsHelper } from './engine/credentialsHelper';
import { SIGNED_HEADERS, useSandbox } from './engine/useSandbox';
import { WoztellWhatsAppCloudApi } from '../credentials/WoztellWhatsAppCloudApi.credentials';

const context = useSandbox();

function openApiCredentials(overrides: Record<string, string> = {}) {
	const { sandbox } = context;
	return sandboxCredentials(sandbox, {
		signedContextSource: 'openApi',
		appId: '',
		appIntegrationId: '',
		appIntegrationSecret: '',
		openApiToken: sandbox.state.identity.openApiToken,
		environmentId: sandbox.state.identity.environmentId,
		openApiUrl: sandbox.openApiUrl,
		...overrides,
	});
}

const openApiCalls = () => context.sandbox.requests.filter((request) => request.api === 'openApi');

describe('signed context from the Open API token', () => {
	it('asks the Open API once for a run over 1,000 items, and not again on the next run', async () => {
		const credentialsHelper = new CredentialsHelper({ woztellWhatsAppCloudApi: new WoztellWhatsAppCloudApi() });
		const parameters = { resource: 'phoneNumber', operation: 'getDisplayNameStatus', phoneNumberId: '123124123232' };
		const items = Array.from({ length: 1000 }, (_, index) => ({ index }));

		const { items: output, error } = await runNode(parameters, { credentials: openApiCredentials(), items, credentialsHelper });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1000);
		const statusCalls = context.requestsTo('/whatsapp-displayname-status');
		expect(statusCalls).toHaveLength(1000);
		expect(statusCalls.every((request) => request.headers['x-woztell-signedcontext'] === SIGNED_HEADERS['x-woztell-signedcontext'])).toBe(true);
		expect(openApiCalls()).toHaveLength(1);
		const [query] = openApiCalls();
		expect(query.method).toBe('POST');
		expect(query.headers.authorization).toBe('Bearer sandbox-open-api-token');
		expect((query.body as { query: string }).query).toContain('channel(channelId: "696327315430a1f98231dfde")');
		expect((query.body as { query: string }).query).toContain('environment(envId: "7lQNjrXbDO")');

		// n8n stores the expirable field; the next run reads it instead of asking again.
		expect(credentialsHelper.stored.get('woztellWhatsAppCloudApi')?.fetchedSecret).toBeTruthy();
		context.sandbox.reset();
		await runNode(parameters, { credentials: openApiCredentials(), items: items.slice(0, 10), credentialsHelper });
		expect(context.requestsTo('/whatsapp-displayname-status')).toHaveLength(10);
		expect(openApiCalls()).toHaveLength(0);
	});

	it('says what to check when the Open API knows no such environment', async () => {
		const { error } = await runNode(
			{ resource: 'catalog', operation: 'getMany' },
			{ credentials: openApiCredentials({ environmentId: 'nope' }) },
		);
		expect(error?.message).toContain(
			'WOZTELL\'s Open API gave no signed context for channel "696327315430a1f98231dfde" in environment "nope": Environment not found. Check the Open API token, the channel ID and the environment ID.',
		);
		expect(context.requestsTo('/catalogs')).toHaveLength(0);
	});
});

describe('credential test (GET /waba-info)', () => {
	it('succeeds with the sandbox credential', async () => {
		expect(await testCredential(sandboxCredentials(context.sandbox))).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(context.sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/waba-info',
			query: { channelId: '696327315430a1f98231dfde', accessToken: 'sandbox-access-token' },
		});
	});

	it.each([
		['a wrong access token (401)', { accessToken: 'wrong' }],
		['an unknown channel (404)', { channelId: 'ffffffffffffffffffffffff' }],
	])('fails with a message the user understands for %s', async (_case, overrides) => {
		expect(await testCredential(sandboxCredentials(context.sandbox, overrides))).toEqual({
			status: 'Error',
			message:
				"WOZTELL refused the access token or the channel ID. Generate a new token under the channel's Advanced Access and check the channel ID.",
		});
	});

	it('fails on ok: 0 even with HTTP 200', async () => {
		context.sandbox.failNext({ status: 200, body: { ok: 0, error: 'Channel suspended' } });
		const result = await testCredential(sandboxCredentials(context.sandbox));
		expect(result.status).toBe('Error');
	});
});
