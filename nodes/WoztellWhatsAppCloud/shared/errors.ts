import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

const HINT_BY_STATUS: Record<number, string> = {
	400: 'WOZTELL did not accept a value of this request: check the fields named in the message.',
	401: "Check the credential: the channel's access token, and for signed-context operations the app ID, app integration ID and signature.",
	403: 'The access token or signed context is valid but not allowed to do this on this channel.',
	404: 'WOZTELL does not know this ID: check the ID fields of the node.',
	409: 'The resource is in a state that does not allow this change.',
	429: "WOZTELL's rate limit was hit: turn on the node's Retry On Fail with a wait, or space the items out with the Batching request option.",
};

function hintFor(status: number): string | undefined {
	if (status >= 500) return 'WOZTELL or WhatsApp is having trouble right now: retry later, or turn on Retry On Fail.';
	return HINT_BY_STATUS[status];
}

function woztellMessage(body: unknown): string | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const { error, message } = body as IDataObject;
	for (const candidate of [error, message, (error as IDataObject | undefined)?.message]) {
		if (typeof candidate === 'string' && candidate.trim()) return candidate.trim();
	}
	return undefined;
}

/**
 * Every WOZTELL answer carries `ok`: "1 on success, 0 on failure", and HTTP 200 is no proof of
 * success. Throws WOZTELL's own error text with the HTTP code; returns the body otherwise.
 */
export function assertWoztellOk(node: INode, response: IN8nHttpFullResponse, itemIndex?: number): IDataObject {
	const { statusCode, body } = response;
	const isSuccess = statusCode < 400 && typeof body === 'object' && body !== null && (body as IDataObject).ok === 1;
	if (isSuccess) return body as IDataObject;

	const httpCode = String(statusCode);
	const message =
		woztellMessage(body) ??
		(statusCode < 400
			? 'WOZTELL answered without "ok": 1 and gave no reason'
			: `WOZTELL answered HTTP ${statusCode} without an error text`);
	throw new NodeApiError(node, (typeof body === 'object' && body !== null ? body : { body }) as JsonObject, {
		message,
		description: hintFor(statusCode),
		httpCode,
		itemIndex,
	});
}

export async function throwOnWoztellError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	assertWoztellOk(this.getNode(), response, this.getItemIndex());
	return items;
}
