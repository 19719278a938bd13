import { runNode, sandboxCredentials, testCredential } from './engine/harness';
import { CredentialsHelper } from './engine/credentialsHelper';
import { SIGNED_HEADERS, useSandbox } from './engine/useSandbox';
import { identity } from './sandbox';
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
		const parameters = { resource: 'phoneNumber', operation: 'getDisplayNameStatus', phoneNumberId: identity.phoneNumberId };
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
	const REFUSED =
		"WOZTELL refused the access token or the channel ID. Generate a new token under the channel's Advanced Access and check the channel ID.";

	it('succeeds with the sandbox credential', async () => {
		expect(await testCredential(sandboxCredentials(context.sandbox))).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(context.sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/waba-info',
			query: { channelId: identity.channelId, accessToken: identity.accessToken },
		});
	});

	it.each([
		['a wrong access token (401)', { accessToken: 'wrong' }, `${REFUSED} WOZTELL says: Invalid access token`],
		[
			'an unknown channel (404 from WOZTELL)',
			{ channelId: 'ffffffffffffffffffffffff' },
			'WOZTELL does not know this channel ID: check it under Settings → Channels. WOZTELL says: Channel ffffffffffffffffffffffff not found',
		],
	])('fails with a message the user understands for %s', async (_case, overrides, message) => {
		expect(await testCredential(sandboxCredentials(context.sandbox, overrides))).toEqual({ status: 'Error', message });
	});

	it.each([
		[
			'a 404 HTML page (a wrong Base URL)',
			{ status: 404, raw: '<html><body>Not Found</body></html>', headers: { 'Content-Type': 'text/html' } },
			'HTTP 404 with an HTML page',
		],
		['a 200 HTML page', { status: 200, raw: '<!doctype html><p>Welcome</p>', headers: { 'Content-Type': 'text/html' } }, 'HTTP 200 with an HTML page'],
		['JSON that is not WOZTELL’s', { status: 200, body: { status: 'up' } }, 'HTTP 200 with JSON without WOZTELL\'s "ok" flag'],
	])('refuses %s: the Base URL does not lead to WOZTELL', async (_case, fault, answer) => {
		context.sandbox.failNext(fault);
		expect(await testCredential(sandboxCredentials(context.sandbox))).toEqual({
			status: 'Error',
			message: `The Base URL does not lead to WOZTELL's Public API: GET /waba-info answered ${answer}. The Base URL of the WhatsApp Cloud API ends in /v1.2/api.`,
		});
	});

	it('fails on ok: 0 even with HTTP 200, with WOZTELL’s reason', async () => {
		context.sandbox.failNext({ status: 200, body: { ok: 0, error: 'Channel suspended' } });
		expect(await testCredential(sandboxCredentials(context.sandbox))).toEqual({
			status: 'Error',
			message: `${REFUSED} WOZTELL says: Channel suspended`,
		});
	});

	it('says when nothing answers at the Base URL', async () => {
		const result = await testCredential(sandboxCredentials(context.sandbox, { baseUrl: 'http://127.0.0.1:9/v1.2/api' }));
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(/^Nothing answered at the Base URL http:\/\/127\.0\.0\.1:9\/v1\.2\/api \(ECONNREFUSED\)/),
		});
	});
});
