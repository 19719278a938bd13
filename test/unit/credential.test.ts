import {
	toSignedContextHeaders,
	WoztellWhatsAppCloudApi,
} from '../../credentials/WoztellWhatsAppCloudApi.credentials';
import { NodeHelpers } from 'n8n-workflow';
import { identity } from '../sandbox';

// The test vector of ../shared/woztell-notes.md, from the reference's own sample values.
const payload =
	'{"app":"699802d69a73fc555f1c6bc4","appIntegration":"696327325430a1cbd131dfdf","channel":"696327315430a1f98231dfde"}';
const signedContext =
	'1RJ7rKRTHbOBoY95AgtXF5WT2578gy9+b4ekBp727cQ=.eyJhcHAiOiI2OTk4MDJkNjlhNzNmYzU1NWYxYzZiYzQiLCJhcHBJbnRlZ3JhdGlvbiI6IjY5NjMyNzMyNTQzMGExY2JkMTMxZGZkZiIsImNoYW5uZWwiOiI2OTYzMjczMTU0MzBhMWY5ODIzMWRmZGUifQ==';

const credentials = {
	baseUrl: 'https://api.whatsapp-cloud.woztell.sanuker.com/v1.2/api',
	accessToken: 'token-1',
	channelId: '696327315430a1f98231dfde',
	signedContextSource: 'manual',
	appId: identity.appId,
	appIntegrationId: identity.appIntegrationId,
	appIntegrationSignature: identity.appIntegrationSignature,
};

describe('toSignedContextHeaders', () => {
	it('gives the plain payload JSON and signature.base64(payload)', () => {
		expect(
			toSignedContextHeaders({
				appId: credentials.appId,
				appIntegrationId: credentials.appIntegrationId,
				appIntegrationSignature: credentials.appIntegrationSignature,
				channelId: credentials.channelId,
			}),
		).toEqual({ 'X-Woztell-Payload': payload, 'X-Woztell-SignedContext': signedContext });
	});
});

describe('authenticate', () => {
	const credentialType = new WoztellWhatsAppCloudApi();

	it('adds the access token to the query and the signed context to the headers', async () => {
		const request = await credentialType.authenticate(credentials, {
			url: '/catalogs',
			qs: { limit: 5 },
			headers: { Accept: 'application/json' },
		});
		expect(request.qs).toEqual({ limit: 5, accessToken: 'token-1' });
		expect(request.headers).toEqual({
			Accept: 'application/json',
			'X-Woztell-Payload': payload,
			'X-Woztell-SignedContext': signedContext,
		});
	});

	it.each(['appId', 'appIntegrationId', 'appIntegrationSignature', 'channelId'])(
		'sends no signed context while %s is empty',
		async (emptyField) => {
			const request = await credentialType.authenticate(
				{ ...credentials, [emptyField]: '' },
				{ url: '/waba-info' },
			);
			expect(request.qs).toEqual({ accessToken: 'token-1' });
			expect(request.headers).toEqual({});
		},
	);

	it('still signs with a credential saved before the signature field was renamed (appIntegrationSecret)', async () => {
		const { appIntegrationSignature, ...saved } = credentials;
		const request = await credentialType.authenticate(
			{ ...saved, appIntegrationSecret: appIntegrationSignature },
			{ url: '/flow' },
		);
		expect(request.headers).toEqual({
			'X-Woztell-Payload': payload,
			'X-Woztell-SignedContext': signedContext,
		});
		// n8n keeps a stored value only for a field the credential declares: the old name stays, hidden.
		const legacy = credentialType.properties.find(
			(property) => property.name === 'appIntegrationSecret',
		);
		expect(legacy).toMatchObject({ type: 'hidden', typeOptions: { password: true } });
	});

	it('uses the values fetched with the Open API token in that mode', async () => {
		const request = await credentialType.authenticate(
			{
				...credentials,
				signedContextSource: 'openApi',
				appId: '',
				fetchedSecret: JSON.stringify({
					appId: credentials.appId,
					appIntegrationId: credentials.appIntegrationId,
					appIntegrationSignature: credentials.appIntegrationSignature,
				}),
			},
			{ url: '/flow' },
		);
		expect(request.headers).toEqual({
			'X-Woztell-Payload': payload,
			'X-Woztell-SignedContext': signedContext,
		});
	});
});

describe('authenticate for the Bot API', () => {
	const credentialType = new WoztellWhatsAppCloudApi();
	const sendResponses = {
		method: 'POST' as const,
		url: '/sendResponses',
		body: { channelId: 'c' },
	};

	it('sends a credential saved before the Bot API fields to the default Bot API URL, with neither the channel token nor the signed context', async () => {
		const request = await credentialType.authenticate(credentials, sendResponses);
		expect(request.baseURL).toBe('https://bot.api.woztell.com');
		expect(request.qs).toBeUndefined();
		expect(request.headers).toEqual({ Authorization: 'Bearer ' });
	});

	it('uses the Bot API URL and token of the credential, trailing slash dropped', async () => {
		const request = await credentialType.authenticate(
			{ ...credentials, botApiUrl: 'http://127.0.0.1:9/bot-api/', botApiToken: ' bot-token ' },
			sendResponses,
		);
		expect(request.baseURL).toBe('http://127.0.0.1:9/bot-api');
		expect(request.headers).toEqual({ Authorization: 'Bearer bot-token' });
		expect(request.body).toEqual({ channelId: 'c' });
	});

	it('keeps the Public API calls of such a credential as they were', async () => {
		const request = await credentialType.authenticate(
			{ ...credentials, botApiToken: 'bot-token' },
			{ url: '/waba-info' },
		);
		expect(request.baseURL).toBe(credentials.baseUrl);
		expect(request.qs).toEqual({ accessToken: 'token-1' });
		expect(JSON.stringify(request.headers)).not.toContain('bot-token');
	});
});

describe('authenticate for the Open API', () => {
	const credentialType = new WoztellWhatsAppCloudApi();
	const graphQl = {
		method: 'POST' as const,
		url: 'https://open.api.woztell.com/v3',
		body: { query: 'query { apiViewer { trees { edges { node { _id } } } } }', variables: {} },
	};

	it('sends the node’s Open API requests with the Open API Token only, to the default address', async () => {
		const request = await credentialType.authenticate(
			{ ...credentials, openApiToken: ' open-token ' },
			graphQl,
		);
		expect(request.url).toBe('https://open.api.woztell.com/v3');
		expect(request.baseURL).toBeUndefined();
		expect(request.qs).toBeUndefined();
		expect(request.headers).toEqual({ Authorization: 'Bearer open-token' });
		expect(request.body).toEqual(graphQl.body);
	});

	it('uses the credential’s Open API URL, trailing slash dropped', async () => {
		const request = await credentialType.authenticate(
			{ ...credentials, openApiToken: 't', openApiUrl: 'http://127.0.0.1:9/open-api/v3/' },
			graphQl,
		);
		expect(request.url).toBe('http://127.0.0.1:9/open-api/v3');
	});

	it('reaches the node with either signed context source: n8n hands a node only the fields it shows', () => {
		// n8n's CLI (CredentialsHelper.applyDefaultsAndOverwrites) reads a stored credential through
		// NodeHelpers.getNodeParameters, which drops the values of fields not displayed.
		for (const signedContextSource of ['manual', 'openApi']) {
			const decrypted = NodeHelpers.getNodeParameters(
				credentialType.properties,
				{ ...credentials, signedContextSource, openApiToken: 'open-token' },
				true,
				false,
				null,
				null,
			) as Record<string, unknown>;
			expect(decrypted).toMatchObject({
				openApiToken: 'open-token',
				openApiUrl: 'https://open.api.woztell.com/v3',
			});
		}
	});
});
