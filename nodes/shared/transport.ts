import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IN8nHttpFullResponse,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { assertWoztellOk, explainFailure, failureOf } from './errors';
import { newTally, withRetries, type RetryBounds } from './retry';

export const CREDENTIAL_TYPE = 'woztellWhatsAppCloudApi';

/** Every context that sends WOZTELL requests outside the routing engine: items, pick-lists, polls. */
export type WoztellContext = IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions;

/** A pick-list keeps the editor waiting: it gives up sooner than an item or a poll. */
export const PICK_LIST_RETRIES: RetryBounds = { retries: 2, maxWaitMs: 5000 };

/**
 * For the reads made outside the action node's routing: pick-lists, channel look-ups, the
 * trigger's polls. Transient failures are tried again within `bounds`.
 */
export async function woztellApiRequest(
	this: WoztellContext,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
	bounds: RetryBounds = PICK_LIST_RETRIES,
): Promise<IDataObject> {
	const tally = newTally();
	const read = async () => {
		// The credential's authenticate adds the base URL, the token and the signed context.
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method,
			url: path,
			qs,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
		return assertWoztellOk(this.getNode(), response);
	};
	const effect = method === 'GET' ? 'read' : 'write';
	try {
		return await withRetries(read, effect, bounds, failureOf, tally);
	} catch (error) {
		throw explainFailure(error, effect, tally);
	}
}

/** The cursor of the next page of a WOZTELL list answer, or undefined on its last page. */
export function nextCursor(body: IDataObject): string | undefined {
	const paging = (body.paging ?? {}) as IDataObject;
	const after = (paging.cursors as IDataObject | undefined)?.after;
	return paging.hasNext && after ? String(after) : undefined;
}

/**
 * The one walk over WOZTELL's cursor paging: every page, one answer at a time, until the last or
 * until the caller stops reading. `readPage` gets the cursor of the page to read, none for the
 * first; `next` finds the following page's cursor in an answer: the Public API's
 * `paging.cursors.after` / `paging.hasNext` unless told otherwise (the Open API's GraphQL
 * connections, shared/openApi.ts, page with `pageInfo`, forward or backward).
 */
export async function* walkCursorPages(
	readPage: (cursor: string | undefined) => Promise<IDataObject>,
	next: (body: IDataObject) => string | undefined = nextCursor,
): AsyncGenerator<IDataObject, void, undefined> {
	let cursor: string | undefined;
	do {
		const body = await readPage(cursor);
		yield body;
		cursor = next(body);
	} while (cursor);
}

/** Every page of a WOZTELL list, read outside the routing engine; each page tried within `bounds`. */
export function cursorPages(
	this: WoztellContext,
	path: string,
	qs: IDataObject,
	bounds?: RetryBounds,
) {
	return walkCursorPages(
		async (after) =>
			await woztellApiRequest.call(this, 'GET', path, after ? { ...qs, after } : qs, bounds),
	);
}

export type ChannelDerivedId = 'phoneNumberId' | 'wabaId';
type WabaInfo = Partial<Record<ChannelDerivedId, string>>;
const wabaInfoLookups = new Map<string, { at: number; info: Promise<WabaInfo> }>();
const WABA_INFO_TTL_MS = 5 * 60 * 1000;

/**
 * The channel's WABA and phone number IDs, from GET /waba-info. Remembered for a few minutes
 * so that a run over many items asks once, not once per item.
 */
async function wabaInfoOfChannel(this: WoztellContext, bounds?: RetryBounds): Promise<WabaInfo> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const key = JSON.stringify([credentials.baseUrl, credentials.channelId, credentials.accessToken]);
	const cached = wabaInfoLookups.get(key);
	if (cached && Date.now() - cached.at < WABA_INFO_TTL_MS) return await cached.info;
	const info = woztellApiRequest
		.call(this, 'GET', '/waba-info', { channelId: credentials.channelId }, bounds)
		.then((body) => (body.result ?? {}) as WabaInfo);
	// A long-lived worker serves many channels: what has expired goes, so the map stays small.
	for (const [oldKey, { at }] of wabaInfoLookups) {
		if (Date.now() - at >= WABA_INFO_TTL_MS) wabaInfoLookups.delete(oldKey);
	}
	wabaInfoLookups.set(key, { at: Date.now(), info });
	info.catch(() => wabaInfoLookups.delete(key));
	return await info;
}

/** The ID the user typed, or else the one WOZTELL reports for the credential's channel. */
export async function typedOrChannelId(
	this: WoztellContext,
	parameter: ChannelDerivedId,
	typed: string,
	bounds?: RetryBounds,
): Promise<string | undefined> {
	return typed || (await wabaInfoOfChannel.call(this, bounds))[parameter];
}
