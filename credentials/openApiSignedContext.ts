import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

export const OPEN_API_URL = 'https://open.api.woztell.com/v3';

/** A credential field's text, trimmed; empty for anything else. */
export const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

type OpenApiFetch = { fetchedAt: number; values: Promise<IDataObject> };
/**
 * n8n's routing engine starts every item's request at once, and each one finds the expirable field
 * still empty: without this, a run over 1,000 items would ask the Open API 1,000 times.
 */
const openApiFetches = new Map<string, OpenApiFetch>();
const REUSE_FOR_MS = 10 * 60 * 1000;
const REFRESH_AFTER_MS = 30 * 1000;

async function fetchFromOpenApi(
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
		appIntegrationSignature: text(environment.appIntegrationSignature),
	};
	if (!values.appId || !values.appIntegrationId || !values.appIntegrationSignature) {
		const errors = (response.errors as IDataObject[] | undefined) ?? [];
		const reason = errors.map((error) => error.message).join('; ');
		throw new Error(
			`WOZTELL's Open API gave no signed context for channel "${channelId}" in environment "${environmentId}"${reason ? `: ${reason}` : ''}. Check the Open API token, the channel ID and the environment ID.`,
		);
	}
	return values;
}

/**
 * The app ID, app integration ID and signature of the credential's channel, from WOZTELL's Open
 * API; one fetch serves every request that asks at the same time, and is reused for a while.
 */
export async function signedContextFromOpenApi(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
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
	if (reusable) return await previous.values;
	const fetch: OpenApiFetch = { fetchedAt: now, values: fetchFromOpenApi(helpers, credentials) };
	// A long-lived worker serves many credentials: what has expired goes, signature included.
	for (const [oldKey, { fetchedAt }] of openApiFetches) {
		if (now - fetchedAt >= REUSE_FOR_MS) openApiFetches.delete(oldKey);
	}
	openApiFetches.set(key, fetch);
	fetch.values.catch(() => openApiFetches.delete(key));
	return await fetch.values;
}
