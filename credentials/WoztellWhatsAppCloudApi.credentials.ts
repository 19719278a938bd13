import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { OPEN_API_URL, signedContextFromOpenApi, text } from './openApiSignedContext';

const PRODUCTION_BASE_URL = 'https://api.whatsapp-cloud.woztell.sanuker.com/v1.2/api';
/** WOZTELL's Bot API ("Bot API reference", doc.woztell.com; WOZTELL's own n8n package uses the same host). */
const BOT_API_URL = 'https://bot.api.woztell.com';
/**
 * The paths the node sends to the Bot API rather than to the Public API: they go to the Bot API
 * URL with the Bot API token, and carry neither the channel token nor the signed context.
 */
const BOT_API_PATHS = new Set(['/sendResponses', '/redirectMemberToNode']);

const REFUSED =
	"WOZTELL refused the access token or the channel ID. Generate a new token under the channel's Advanced Access and check the channel ID (Settings → Channels).";
const NOT_WOZTELL =
	"The Base URL does not answer as WOZTELL's Public API (an error page or a web page came back): use the API's address, ending in /v1.2/api.";

export interface SignedContextValues {
	appId: string;
	appIntegrationId: string;
	appIntegrationSignature: string;
	channelId: string;
}

/**
 * The reference: "Payload: {"app":"appId","appIntegration":"appIntegrationId","channel":"channelId"}"
 * and "SignedContext: (signature).{{base64(JSON.stringify(payload))}}". The payload header is the
 * plain JSON, not base64; the signature is kept exactly as WOZTELL gave it.
 */
export function toSignedContextHeaders(values: SignedContextValues): Record<string, string> {
	const payload = JSON.stringify({
		app: values.appId,
		appIntegration: values.appIntegrationId,
		channel: values.channelId,
	});
	return {
		'X-Woztell-Payload': payload,
		'X-Woztell-SignedContext': `${values.appIntegrationSignature}.${Buffer.from(payload, 'utf8').toString('base64')}`,
	};
}

function signedContextOf(
	credentials: ICredentialDataDecryptedObject,
): SignedContextValues | undefined {
	const source =
		credentials.signedContextSource === 'openApi'
			? (parseJson(credentials.fetchedSecret) as IDataObject)
			: credentials;
	const values = {
		appId: text(source.appId),
		appIntegrationId: text(source.appIntegrationId),
		// Credentials saved before 0.1.0 (and their fetched values) keep it as appIntegrationSecret.
		appIntegrationSignature:
			text(source.appIntegrationSignature) || text(source.appIntegrationSecret),
		channelId: text(credentials.channelId),
	};
	return Object.values(values).every(Boolean) ? values : undefined;
}

function parseJson(value: unknown): unknown {
	if (typeof value !== 'string' || value === '') return {};
	try {
		return JSON.parse(value);
	} catch {
		return {};
	}
}

export class WoztellWhatsAppCloudApi implements ICredentialType {
	name = 'woztellWhatsAppCloudApi';

	displayName = 'WOZTELL WhatsApp Cloud API';

	icon: Icon = { light: 'file:../icons/woztell.svg', dark: 'file:../icons/woztell.dark.svg' };

	documentationUrl = 'https://github.com/woztell-n8n/n8n-nodes-woztell-whatsapp-cloud#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: PRODUCTION_BASE_URL,
			description:
				'Address of the WOZTELL Public API for WhatsApp Cloud. Change it only for a proxy or the local WOZTELL sandbox.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'In WOZTELL: Settings → Channels → Edit your WhatsApp Cloud channel → Platform → Advanced Access → Generate',
		},
		{
			displayName: 'Channel ID',
			name: 'channelId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 696327315430a1f98231dfde',
			description:
				'ID of the WhatsApp Cloud channel, shown in WOZTELL under Settings → Channels. Operations use it wherever a channel is needed.',
		},
		{
			displayName: 'Signed Context Source',
			name: 'signedContextSource',
			type: 'options',
			options: [
				{
					name: 'Enter App and Signature',
					value: 'manual',
					description: 'Type the app ID, app integration ID and signature yourself',
				},
				{
					name: 'Fetch With Open API Token',
					value: 'openApi',
					description: "Let the credential ask WOZTELL's Open API for them",
				},
			],
			default: 'manual',
			description:
				'Analytics, display-name status, catalogs, products, flows and business encryption need a signed context built from these values',
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 699802d69a73fc555f1c6bc4',
			displayOptions: { show: { signedContextSource: ['manual'] } },
			description: "The channel's appId, from WOZTELL's Open API (apiViewer → channel → appId)",
		},
		{
			displayName: 'App Integration ID',
			name: 'appIntegrationId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 696327325430a1cbd131dfdf',
			displayOptions: { show: { signedContextSource: ['manual'] } },
			description:
				"From WOZTELL's Open API: apiViewer → channel → environment → info → appIntegrationId",
		},
		// The signature signs every request's context: a secret, whatever its name suggests.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'App Integration Signature',
			name: 'appIntegrationSignature',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { signedContextSource: ['manual'] } },
			description:
				"From WOZTELL's Open API: apiViewer → channel → environment → appIntegrationSignature. Keep any trailing =.",
		},
		{
			// Shown whatever the signed context source: n8n hands a node only the fields it shows.
			displayName: 'Open API Token',
			name: 'openApiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'For the Member operations and the chatbot pick-lists (scopes member:read, member:write), and for Fetch With Open API Token: a WOZTELL access token (WOZTELL: Settings → Access Tokens)',
		},
		{
			displayName: 'Environment ID',
			name: 'environmentId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 7lQNjrXbDO',
			displayOptions: { show: { signedContextSource: ['openApi'] } },
			description:
				"The WOZTELL environment the channel's WhatsApp Cloud integration is installed in, shown in WOZTELL's Open API (apiViewer → channel → environment)",
		},
		{
			displayName: 'Open API URL',
			name: 'openApiUrl',
			type: 'string',
			default: OPEN_API_URL,
			description:
				"Address of WOZTELL's Open API (GraphQL). Change it only for a proxy or the local WOZTELL sandbox.",
		},
		{
			displayName: 'Bot API Access Token',
			name: 'botApiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'For the Message operations (scope bot:sendResponses) and Chatbot → Redirect Member (scope bot:redirectMemberToNode): a WOZTELL access token (WOZTELL: Settings → Access Tokens)',
		},
		{
			displayName: 'Bot API URL',
			name: 'botApiUrl',
			type: 'string',
			default: BOT_API_URL,
			description:
				"Address of WOZTELL's Bot API, used by the Message and Chatbot operations. Change it only for a proxy or the local WOZTELL sandbox.",
		},
		{
			displayName: 'Channel Secret',
			name: 'channelSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for the Message Trigger: the secret WOZTELL signs the channel's webhook events with (WOZTELL: Settings → Channels → Edit → Webhook)",
		},
		{
			// The App Integration Signature of credentials saved under its first name, kept so they still work.
			displayName: 'App Integration Signature (Saved Before 0.1.0)',
			name: 'appIntegrationSecret',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Fetched Signed Context',
			name: 'fetchedSecret',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.signedContextSource !== 'openApi') return {};
		return {
			fetchedSecret: JSON.stringify(await signedContextFromOpenApi(this.helpers, credentials)),
		};
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (BOT_API_PATHS.has(String(requestOptions.url))) {
			// The notes on the Bot API: the token goes "as accessToken query parameter or Authorization: Bearer".
			return {
				...requestOptions,
				baseURL: text(credentials.botApiUrl).replace(/\/+$/, '') || BOT_API_URL,
				headers: {
					...requestOptions.headers,
					Authorization: `Bearer ${text(credentials.botApiToken)}`,
				},
			};
		}
		if (requestOptions.url === OPEN_API_URL) {
			// The node's Open API requests (GraphQL): the Open API Token alone, at the credential's Open
			// API URL; neither the channel token nor the signed context.
			return {
				...requestOptions,
				url: text(credentials.openApiUrl).replace(/\/+$/, '') || OPEN_API_URL,
				headers: {
					...requestOptions.headers,
					Authorization: `Bearer ${text(credentials.openApiToken)}`,
				},
			};
		}
		const signedContext = signedContextOf(credentials);
		return {
			// Here rather than an expression in the node's requestDefaults: n8n evaluates those for
			// every item, and an expression is what an item costs most in n8n's routing engine.
			baseURL: text(credentials.baseUrl).replace(/\/+$/, ''),
			...requestOptions,
			qs: { ...requestOptions.qs, accessToken: text(credentials.accessToken) },
			headers: {
				...requestOptions.headers,
				...(signedContext ? toSignedContextHeaders(signedContext) : {}),
			},
		};
	}

	/**
	 * Passes only on a WOZTELL answer with `ok: 1` ("ok": "1 on success, 0 on failure"): an HTTP
	 * error, `ok: 0`, or an answer without `ok` (a web page at a wrong Base URL) each say what to fix.
	 */
	test: ICredentialTestRequest = {
		request: {
			url: '/waba-info',
			qs: { channelId: '={{$credentials.channelId}}' },
			json: true,
			// WOZTELL explains a refusal in its body, whatever the HTTP status: the rules read it.
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'ok', value: 0, message: REFUSED } },
			{
				type: 'responseSuccessBody',
				properties: { key: 'ok', value: undefined, message: NOT_WOZTELL },
			},
		],
	};
}
