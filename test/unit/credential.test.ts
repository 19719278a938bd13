import {
	toSignedContextHeaders,
	WoztellWhatsAppCloudApi,
} from '../../credentials/WoztellWhatsAppCloudApi.credentials';
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
