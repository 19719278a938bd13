import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** What to do, by HTTP status. */
type Hints = Record<number, string>;

const HINT_BY_STATUS: Hints = {
	400: 'WOZTELL did not accept a value of this request: check the fields named in the message.',
	401: "Check the credential: the channel's access token, and for signed-context operations the app ID, app integration ID and signature.",
	403: 'The access token or signed context is valid but not allowed to do this on this channel.',
	404: 'WOZTELL does not know this ID: check the ID fields of the node.',
	409: 'The resource is in a state that does not allow this change.',
	429: "WOZTELL's rate limit was hit: turn on the node's Retry On Fail with a wait, or space the items out with the Batching request option.",
};

/** The Message operations' requests go to the Bot API with its own token (the credential's). */
const BOT_API_HINT_BY_STATUS: Hints = {
	...HINT_BY_STATUS,
	401: "Check the credential's Bot API Access Token: a WOZTELL access token with the bot:sendResponses scope (WOZTELL: Settings → Access Tokens).",
	403: 'The Bot API Access Token is valid but lacks the bot:sendResponses scope for this channel.',
};

function hintFor(response: IN8nHttpFullResponse, hints: Hints): string | undefined {
	const { statusCode, headers } = response;
	if (statusCode >= 500) {
		return 'WOZTELL or WhatsApp is having trouble right now: retry later, or turn on Retry On Fail.';
	}
	const retryAfter =
		statusCode === 429 ? (headers as IDataObject | undefined)?.['retry-after'] : undefined;
	const hint = hints[statusCode];
	return retryAfter && hint ? `${hint} WOZTELL asks to wait ${String(retryAfter)} s.` : hint;
}

function woztellMessage(body: unknown): string | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const { error, message } = body as IDataObject;
	for (const candidate of [error, message, (error as IDataObject | undefined)?.message]) {
		if (typeof candidate === 'string' && candidate.trim()) return candidate.trim();
	}
	return undefined;
}

function messageWithoutText(statusCode: number, body: unknown): string {
	const answer = statusCode < 400 ? 'WOZTELL answered' : `WOZTELL answered HTTP ${statusCode}`;
	if (body === undefined || body === null || body === '') return `${answer} with an empty body`;
	if (typeof body !== 'object') return `${answer} with something that is not JSON`;
	return statusCode < 400
		? `${answer} without "ok": 1 and gave no reason`
		: `${answer} without an error text`;
}

/**
 * Every WOZTELL answer carries `ok`: "1 on success, 0 on failure", and HTTP 200 is no proof of
 * success. Throws WOZTELL's own error text with the HTTP code; returns the body otherwise.
 */
export function assertWoztellOk(
	node: INode,
	response: IN8nHttpFullResponse,
	itemIndex?: number,
	hints: Hints = HINT_BY_STATUS,
): IDataObject {
	const { statusCode, body } = response;
	const isObject = typeof body === 'object' && body !== null;
	if (statusCode < 400 && isObject && (body as IDataObject).ok === 1) return body as IDataObject;

	throw new NodeApiError(
		node,
		(isObject ? body : { body: String(body ?? '').slice(0, 200) }) as JsonObject,
		{
			message: woztellMessage(body) ?? messageWithoutText(statusCode, body),
			description: hintFor(response, hints),
			httpCode: String(statusCode),
			itemIndex,
		},
	);
}

function errorHook(hints: Hints) {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		assertWoztellOk(this.getNode(), response, this.getItemIndex(), hints);
		return items;
	};
}

export const throwOnWoztellError = errorHook(HINT_BY_STATUS);
export const throwOnBotApiError = errorHook(BOT_API_HINT_BY_STATUS);

const TIMEOUT_CODES = ['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT'];
const UNREACHABLE_CODES = [
	'ECONNRESET',
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EPIPE',
	'EHOSTUNREACH',
];

/** Gives an HTTP-layer failure, which carries no WOZTELL answer, a message and a next step. */
export function explainNetworkError(error: unknown): unknown {
	if (!(error instanceof NodeApiError) || error.description) return error;
	if (TIMEOUT_CODES.includes(String(error.httpCode))) {
		error.message = 'WOZTELL did not answer in time';
		error.description =
			"Raise the Timeout in the node's Request Options, or turn on Retry On Fail. Nothing tells whether WOZTELL carried out the request.";
	} else if (UNREACHABLE_CODES.includes(String(error.httpCode))) {
		error.description =
			"Check the credential's Base URL and this n8n's network, then retry; Retry On Fail does it for you.";
	}
	return error;
}
