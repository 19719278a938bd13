import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IN8nHttpFullResponse,
	ILoadOptionsFunctions,
} from 'n8n-workflow';
import { assertWoztellOk } from './errors';

export const CREDENTIAL_TYPE = 'woztellWhatsAppCloudApi';

type WoztellContext = IExecuteSingleFunctions | ILoadOptionsFunctions;

function baseUrlOf(credentials: IDataObject): string {
	return String(credentials.baseUrl ?? '').replace(/\/+$/, '');
}

/** For the few calls the node makes outside its routing: pick-lists and channel look-ups. */
export async function woztellApiRequest(
	this: WoztellContext,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
		method,
		baseURL: baseUrlOf(credentials),
		url: path,
		qs,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as IN8nHttpFullResponse;
	return assertWoztellOk(this.getNode(), response);
}

type WabaInfo = { wabaId?: string; phoneNumberId?: string };
const wabaInfoLookups = new Map<string, { at: number; info: Promise<WabaInfo> }>();
const WABA_INFO_TTL_MS = 5 * 60 * 1000;

/**
 * The channel's WABA and phone number IDs, from GET /waba-info. Remembered for a few minutes
 * so that a run over many items asks once, not once per item.
 */
export async function wabaInfoOfChannel(this: WoztellContext): Promise<WabaInfo> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const key = JSON.stringify([baseUrlOf(credentials), credentials.channelId, credentials.accessToken]);
	const cached = wabaInfoLookups.get(key);
	if (cached && Date.now() - cached.at < WABA_INFO_TTL_MS) return await cached.info;
	const info = woztellApiRequest
		.call(this, 'GET', '/waba-info', { channelId: credentials.channelId })
		.then((body) => (body.result ?? {}) as WabaInfo);
	wabaInfoLookups.set(key, { at: Date.now(), info });
	info.catch(() => wabaInfoLookups.delete(key));
	return await info;
}
