import { sleep } from 'n8n-workflow';

/**
 * What a request's repeat could do: a read changes nothing; a write may change something at
 * WOZTELL; a send reaches a customer.
 */
export type Effect = 'read' | 'write' | 'send';

/** How far the node goes with what WOZTELL refuses for now. */
export interface RetryBounds {
	/** Tries after the first. */
	retries: number;
	/** The longest the node waits in all for one request, in milliseconds. */
	maxWaitMs: number;
	/** A moment no wait may pass (Date.now() scale), e.g. the end of a poll's budget. */
	deadline?: number;
}

/** What a failed try tells: WOZTELL's HTTP answer, or the network's error code when none came. */
export interface Failure {
	status?: number;
	networkCode?: string;
	/** Retry-After, in milliseconds. */
	retryAfterMs?: number;
	/** WhatsApp's error code, where WOZTELL's answer carries one. */
	whatsAppCode?: number;
	/** Whether the answer is WOZTELL's own refusal (its `ok: 0` envelope) rather than a gateway's page. */
	refusedByWoztell?: boolean;
}

export type Verdict =
	| { retry: true }
	/** `mayHaveActed`: WOZTELL may have carried the request out; repeating it may do it twice. */
	| { retry: false; mayHaveActed: boolean };

/**
 * WhatsApp's throttling errors (Cloud API error codes): 130429 "Rate limit hit", 131056 "(Business
 * Account, Consumer Account) pair rate limit hit", 131048 "Spam rate limit hit". Each says the
 * message was not sent.
 */
export const WHATSAPP_THROTTLING_CODES = [130429, 131056, 131048];

/** Nothing reached WOZTELL: the connection was never made. */
const NOT_CONNECTED = ['ECONNREFUSED', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];
/** The request may have been written before the answer was lost. */
const LOST_ANSWER = [
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'ECONNRESET',
	'EPIPE',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
];

/** Whether a failed try may be repeated, and for a write, whether WOZTELL may have acted. */
export function verdictOn(failure: Failure, effect: Effect): Verdict {
	const { status, networkCode } = failure;
	const isRead = effect === 'read';
	if (networkCode !== undefined) {
		if (NOT_CONNECTED.includes(networkCode)) return { retry: true };
		if (LOST_ANSWER.includes(networkCode))
			return isRead ? { retry: true } : { retry: false, mayHaveActed: true };
		return { retry: false, mayHaveActed: !isRead };
	}
	if (status === undefined) return { retry: false, mayHaveActed: !isRead };
	if (
		failure.whatsAppCode !== undefined &&
		WHATSAPP_THROTTLING_CODES.includes(failure.whatsAppCode)
	)
		return { retry: true };
	// 408: the server gave up waiting for the request; 429: too many; 503: not taking requests now.
	if (status === 408 || status === 429 || status === 503) return { retry: true };
	if (status < 500) return { retry: false, mayHaveActed: false };
	if (isRead) return { retry: true };
	// A gateway's 502 or 504 says nothing of what WOZTELL behind it did; WOZTELL's own refusal does.
	if ((status === 502 || status === 504) && failure.refusedByWoztell) return { retry: true };
	return { retry: false, mayHaveActed: true };
}

/**
 * Retry-After, as seconds or as an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`;
 * undefined when absent or unreadable.
 */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const FIRST_BACKOFF_MS = 500;
const LONGEST_BACKOFF_MS = 8000;

/**
 * The wait before try `retry` (1 for the first repeat): what WOZTELL asked for, else an
 * exponential backoff; either spread by a random part so that items refused together do not
 * all come back in the same instant.
 */
export function waitBeforeRetry(retry: number, askedMs: number | undefined, random = Math.random) {
	if (askedMs !== undefined) return askedMs + Math.round(random() * Math.max(250, askedMs / 2));
	const backoff = Math.min(LONGEST_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (retry - 1));
	return Math.round(backoff / 2 + (random() * backoff) / 2);
}

/** What the retries of one request (or of all the pages of one item) came to. */
export interface Tally {
	attempts: number;
	waitedMs: number;
}

export const newTally = (): Tally => ({ attempts: 0, waitedMs: 0 });

/**
 * Runs `attempt` until it succeeds, or its failure may not be repeated, or the bounds are spent;
 * then throws the last failure. `failureOf` reads what a thrown error tells.
 */
export async function withRetries<T>(
	attempt: () => Promise<T>,
	effect: Effect,
	bounds: RetryBounds,
	failureOf: (error: unknown) => Failure,
	tally: Tally = newTally(),
): Promise<T> {
	for (let retry = 0; ; retry++) {
		tally.attempts++;
		const tried = await attempt().then(
			(value) => ({ value }),
			(error: unknown) => ({ error }),
		);
		if ('value' in tried) return tried.value;
		const failure = failureOf(tried.error);
		if (retry >= bounds.retries || !verdictOn(failure, effect).retry) throw tried.error;
		const waitMs = waitBeforeRetry(retry + 1, failure.retryAfterMs);
		const pastBudget = tally.waitedMs + waitMs > bounds.maxWaitMs;
		const pastDeadline = bounds.deadline !== undefined && Date.now() + waitMs > bounds.deadline;
		if (pastBudget || pastDeadline) throw tried.error;
		await sleep(waitMs);
		tally.waitedMs += waitMs;
	}
}

/** The Retry Options' defaults; also what the trigger's polls use, within their deadline. */
export const DEFAULT_RETRIES: RetryBounds = { retries: 5, maxWaitMs: 60_000 };
