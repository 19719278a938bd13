import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { retryAfterMs, verdictOn, type Effect, type Failure, type Tally } from './retry';

/** What to do, by HTTP status. */
type Hints = Record<number, string>;

/** Pacing, for every 429 the node's own retries did not get through. */
const PACE_PUBLIC_API =
	"Space the items out with the node's Batching request option, or raise Retries and Max Wait in its Retry Options.";
const PACE_SENDS =
	"Pace the items with the node's Batching request option: e.g. 80 items per batch and a 1000 ms interval for WhatsApp's default of 80 messages a second per number; or raise Retries and Max Wait in its Retry Options.";

const HINT_BY_STATUS: Hints = {
	400: 'WOZTELL did not accept a value of this request: check the fields named in the message.',
	401: "Check the credential: the channel's access token, and for signed-context operations the app ID, app integration ID and signature.",
	403: 'The access token or signed context is valid but not allowed to do this on this channel.',
	404: 'WOZTELL does not know this ID: check the ID fields of the node.',
	409: 'The resource is in a state that does not allow this change.',
	429: `WOZTELL's rate limit was hit. ${PACE_PUBLIC_API}`,
};

/** Bot API requests go with the credential's own Bot API token; `scope` is the one they need. */
const botApiHints = (scope: string): Hints => ({
	...HINT_BY_STATUS,
	401: `Check the credential's Bot API Access Token: a WOZTELL access token with the ${scope} scope (WOZTELL: Settings → Access Tokens).`,
	403: `The Bot API Access Token is valid but lacks the ${scope} scope for this channel.`,
	429: `WOZTELL or WhatsApp refused to send more for now. ${PACE_SENDS}`,
});

const TROUBLE = 'WOZTELL or WhatsApp is having trouble right now: try again later.';

function hintFor(statusCode: number, retryAfter: number | undefined, hints: Hints) {
	if (statusCode >= 500) return TROUBLE;
	const hint = hints[statusCode];
	return retryAfter !== undefined && hint
		? `${hint} WOZTELL asked to wait ${Math.ceil(retryAfter / 1000)} s.`
		: hint;
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

const CODE_KEYS = ['code', 'error_code', 'errorCode', 'err_code'];
/** Meta's error texts name their code as "(#131056) …". */
const CODE_IN_TEXT = /\(#(\d{6})\)/;

/**
 * WhatsApp's error code inside WOZTELL's answer, wherever it sits (a `code`-like key at any depth,
 * or "(#131056)" in a text): no public WOZTELL page shows where its Bot API puts it.
 */
export function whatsAppCodeOf(body: unknown, depth = 0): number | undefined {
	if (typeof body === 'string') {
		const match = CODE_IN_TEXT.exec(body);
		return match ? Number(match[1]) : undefined;
	}
	if (body === null || typeof body !== 'object' || depth > 5) return undefined;
	for (const [key, value] of Object.entries(body)) {
		const code = CODE_KEYS.includes(key) ? Number(value) : NaN;
		if (Number.isInteger(code) && code >= 100000) return code;
		const nested = whatsAppCodeOf(value, depth + 1);
		if (nested !== undefined) return nested;
	}
	return undefined;
}

/**
 * Every WOZTELL answer carries `ok`: "1 on success, 0 on failure", and HTTP 200 is no proof of
 * success. Throws WOZTELL's own error text with the HTTP code, and what the answer tells for a
 * retry in `context.failure`; returns the body otherwise.
 */
export function assertWoztellOk(
	node: INode,
	response: IN8nHttpFullResponse,
	itemIndex?: number,
	hints: Hints = HINT_BY_STATUS,
	answer: Answer = 'ok',
): IDataObject {
	const { statusCode, body, headers } = response;
	const isObject = typeof body === 'object' && body !== null;
	const ok = isObject ? (body as IDataObject).ok : undefined;
	if (statusCode < 400 && (answer === 'ok' ? ok === 1 : ok !== 0 && ok !== false))
		return isObject ? (body as IDataObject) : {};

	const retryAfter = retryAfterMs((headers as IDataObject | undefined)?.['retry-after']);
	const failure: Failure = {
		status: statusCode,
		retryAfterMs: retryAfter,
		whatsAppCode: whatsAppCodeOf(body),
		refusedByWoztell: isObject && (body as IDataObject).ok === 0,
	};
	const error = new NodeApiError(
		node,
		(isObject ? body : { body: String(body ?? '').slice(0, 200) }) as JsonObject,
		{
			message: woztellMessage(body) ?? messageWithoutText(statusCode, body),
			description: hintFor(statusCode, retryAfter, hints),
			httpCode: String(statusCode),
			itemIndex,
		},
	);
	error.context.failure = failure as IDataObject;
	throw error;
}

/**
 * `ok`: the answer must carry `"ok": 1`. `opaque`: an answer whose shape no public page shows
 * (the Bot API's redirect): any 2xx answer is success unless it says `"ok": 0`.
 */
type Answer = 'ok' | 'opaque';

function errorHook(hints: Hints, answer: Answer = 'ok') {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		assertWoztellOk(this.getNode(), response, this.getItemIndex(), hints, answer);
		return items;
	};
}

/** `assertWoztellOk` for a Bot API answer, whose errors name the Bot API token. */
export const assertBotApiOk = (node: INode, response: IN8nHttpFullResponse, itemIndex?: number) =>
	assertWoztellOk(node, response, itemIndex, botApiHints('bot:sendResponses'));

export const throwOnWoztellError = errorHook(HINT_BY_STATUS);
export const throwOnBotApiError = errorHook(botApiHints('bot:sendResponses'));
/** Bot API POST /redirectMemberToNode: WOZTELL's pages show no answer, its packages read none. */
export const throwOnRedirectError = errorHook(botApiHints('bot:redirectMemberToNode'), 'opaque');

/** What a thrown error tells for a retry: WOZTELL's answer, or the network's error code. */
export function failureOf(error: unknown): Failure {
	if (!(error instanceof NodeApiError)) return {};
	const known = error.context.failure as Failure | undefined;
	if (known) return known;
	const code = String(error.httpCode ?? '');
	if (/^\d{3}$/.test(code)) return { status: Number(code) };
	return code ? { networkCode: code } : {};
}

const TIMEOUT_CODES = ['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT'];

function triesSentence({ attempts, waitedMs }: Tally): string {
	if (attempts < 2) return '';
	return ` The node tried ${attempts} times over ${Math.round(waitedMs / 1000)} s.`;
}

/**
 * Gives a failed request its final words: what the node tried, and for a send that may have gone
 * out, that it was not sent again. Network failures carry no WOZTELL answer: they get a message
 * and a next step here.
 */
export function explainFailure(error: unknown, effect: Effect, tally: Tally): unknown {
	if (!(error instanceof NodeApiError)) return error;
	const verdict = verdictOn(failureOf(error), effect);
	const code = String(error.httpCode ?? '');
	const timedOut = TIMEOUT_CODES.includes(code);
	if (timedOut) error.message = 'WOZTELL did not answer in time';
	if (!verdict.retry && verdict.mayHaveActed) {
		const cause = timedOut
			? 'WOZTELL did not answer within the Timeout of the Request Options'
			: /^\d{3}$/.test(code)
				? `WOZTELL answered HTTP ${code}: ${error.message}`
				: `the connection broke (${code}) before WOZTELL's answer came`;
		error.message =
			effect === 'send'
				? 'WOZTELL may or may not have sent this message'
				: 'WOZTELL may or may not have carried out this request';
		error.description =
			effect === 'send'
				? `${cause}. The node did not send it again, so the customer gets it at most once: check the conversation in WOZTELL before sending it again.`
				: `${cause}. The node did not repeat it: check in WOZTELL whether it was done before running it again.`;
		return error;
	}
	if (timedOut) {
		error.description = `Raise the Timeout in the node's Request Options, or try again later.${triesSentence(tally)}`;
	} else if (!/^\d{3}$/.test(code) && code) {
		error.description = `Check the credential's Base URL (the Bot API URL for messages and the chatbot, the Open API URL for members) and this n8n's network.${triesSentence(tally)}`;
	} else {
		error.description = `${error.description ?? ''}${triesSentence(tally)}`.trim();
	}
	return error;
}
