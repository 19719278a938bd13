import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

const PRODUCTION_BASE_URL = 'https://api.whatsapp-cloud.woztell.sanuker.com/v1.2/api';
const OPEN_API_URL = 'https://open.api.woztell.com/v3';

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

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

function signedContextOf(credentials: ICredentialDataDecryptedObject): SignedContextValues | undefined {
	const fetched =
		credentials.signedContextSource === 'openApi'
			? (parseJson(credentials.fetchedSecret) as IDataObject)
			: credentials;
	const values = {
		appId: text(fetched.appId),
		appIntegrationId: text(fetched.appIntegrationId),
		appIntegrationSignature: text(fetched.appIntegrationSecret),
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

type OpenApiFetch = { fetchedAt: number; values: Promise<IDataObject> };
/**
 * n8n's routing engine starts every item's request at once, and each one finds the expirable field
 * still empty: without this, a run over 1,000 items would ask the Open API 1,000 times.
 */
const openApiFetches = new Map<string, OpenApiFetch>();
const REUSE_FOR_MS = 10 * 60 * 1000;
const REFRESH_AFTER_MS = 30 * 1000;

async function fetchSignedContextFromOpenApi(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const channelId = text(credentials.channelId);
	const environmentId = text(credentials.environmentId);
	const response = (await helpers.httpRequest({
		method: 'POST',
		url: text(credentials.openApiUrl) || OPEN_API_URL,
		headers: { Authorization: `Bearer ${text(credentials.openApiToken)}` },
		body: {
			query: `query { apiViewer { channel(channelId: ${JSON.stringify(channelId)}) { appId environment(envId: ${JSON.stringify(environmentId)}) { info integration { integrationId } appIntegrationSignature } } } }`,
		},
		json: true,
	})) as IDataObject;
	const channel = ((response.data as IDataObject | undefined)?.apiViewer as IDataObject | undefined)
		?.channel as IDataObject | undefined;
	const environment = (channel?.environment ?? {}) as IDataObject;
	const values = {
		appId: text(channel?.appId),
		appIntegrationId: text((environment.info as IDataObject | undefined)?.appIntegrationId),
		appIntegrationSecret: text(environment.appIntegrationSignature),
	};
	if (!values.appId || !values.appIntegrationId || !values.appIntegrationSecret) {
		const errors = (response.errors as IDataObject[] | undefined) ?? [];
		const reason = errors.map((error) => error.message).join('; ');
		throw new Error(
			`WOZTELL's Open API gave no signed context for channel "${channelId}" in environment "${environmentId}"${reason ? `: ${reason}` : ''}. Check the Open API token, the channel ID and the environment ID.`,
		);
	}
	return values;
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
		{
			displayName: 'App Integration Signature',
			name: 'appIntegrationSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { signedContextSource: ['manual'] } },
			description:
				"From WOZTELL's Open API: apiViewer → channel → environment → appIntegrationSignature. Keep any trailing =.",
		},
		{
			displayName: 'Open API Token',
			name: 'openApiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { signedContextSource: ['openApi'] } },
			description: 'A WOZTELL Open API access token (WOZTELL: Settings → Access Tokens)',
		},
		{
			displayName: 'Environment ID',
			name: 'environmentId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 7lQNjrXbDO',
			displayOptions: { show: { signedContextSource: ['openApi'] } },
			description: "The WOZTELL environment the channel's WhatsApp Cloud integration is installed in, shown in WOZTELL's Open API (apiViewer → channel → environment)",
		},
		{
			displayName: 'Open API URL',
			name: 'openApiUrl',
			type: 'string',
			default: OPEN_API_URL,
			displayOptions: { show: { signedContextSource: ['openApi'] } },
			description: "Address of WOZTELL's Open API (GraphQL)",
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
		const key = JSON.stringify([
			credentials.openApiUrl,
			credentials.openApiToken,
			credentials.channelId,
			credentials.environmentId,
		]);
		const now = Date.now();
		const previous = openApiFetches.get(key);
		// n8n calls this with the field filled only when the credential is tested or a request got 401.
		const refreshWanted = Boolean(credentials.fetchedSecret);
		const reusable =
			previous && now - previous.fetchedAt < (refreshWanted ? REFRESH_AFTER_MS : REUSE_FOR_MS);
		const fetch: OpenApiFetch = reusable
			? previous
			: { fetchedAt: now, values: fetchSignedContextFromOpenApi(this.helpers, credentials) };
		if (!reusable) {
			openApiFetches.set(key, fetch);
			fetch.values.catch(() => openApiFetches.delete(key));
		}
		return { fetchedSecret: JSON.stringify(await fetch.values) };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const signedContext = signedContextOf(credentials);
		return {
			...requestOptions,
			qs: { ...requestOptions.qs, accessToken: text(credentials.accessToken) },
			headers: {
				...requestOptions.headers,
				...(signedContext ? toSignedContextHeaders(signedContext) : {}),
			},
		};
	}
}
