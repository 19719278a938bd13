import { runNode, sandboxCredentials } from './engine/harness';
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
		appIntegrationSignature: '',
		openApiToken: sandbox.state.identity.openApiToken,
		environmentId: sandbox.state.identity.environmentId,
		openApiUrl: sandbox.openApiUrl,
		...overrides,
	});
}

const openApiCalls = () => context.sandbox.requests.filter((request) => request.api === 'openApi');

describe('signed context from the Open API token', () => {
	it('asks the Open API once for a run over 1,000 items, and not again on the next run', async () => {
		const credentialsHelper = new CredentialsHelper({
			woztellWhatsAppCloudApi: new WoztellWhatsAppCloudApi(),
		});
		const parameters = {
			resource: 'phoneNumber',
			operation: 'getDisplayNameStatus',
			phoneNumberId: identity.phoneNumberId,
		};
		const items = Array.from({ length: 1000 }, (_, index) => ({ index }));

		const { items: output, error } = await runNode(parameters, {
			credentials: openApiCredentials(),
			items,
			credentialsHelper,
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1000);
		const statusCalls = context.requestsTo('/whatsapp-displayname-status');
		expect(statusCalls).toHaveLength(1000);
		expect(
			statusCalls.every(
				(request) =>
					request.headers['x-woztell-signedcontext'] === SIGNED_HEADERS['x-woztell-signedcontext'],
			),
		).toBe(true);
		expect(openApiCalls()).toHaveLength(1);
		const [query] = openApiCalls();
		expect(query.method).toBe('POST');
		expect(query.headers.authorization).toBe('Bearer sandbox-open-api-token');
		expect((query.body as { query: string }).query).toContain(
			'channel(channelId: "696327315430a1f98231dfde")',
		);
		expect((query.body as { query: string }).query).toContain('environment(envId: "7lQNjrXbDO")');

		// n8n stores the expirable field; the next run reads it instead of asking again.
		expect(credentialsHelper.stored.get('woztellWhatsAppCloudApi')?.fetchedSecret).toBeTruthy();
		context.sandbox.reset();
		await runNode(parameters, {
			credentials: openApiCredentials(),
			items: items.slice(0, 10),
			credentialsHelper,
		});
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
