import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { lacksToken, missingToken, TOKEN_FIELDS } from '../../shared/credentialTokens';
import { CREDENTIAL_TYPE } from '../../shared/transport';
import { valueAt } from './payload';

/** A check returns what is wrong with a value, or undefined when it is fine. */
export type Check = (value: unknown) => string | undefined;

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

export const required: Check = (value) =>
	isBlank(value) || (Array.isArray(value) && value.length === 0) ? 'is required' : undefined;

export function maxLength(max: number, min = 0): Check {
	return (value) => {
		if (typeof value !== 'string') return 'must be text';
		const length = [...value].length;
		if (length < min)
			return min === 1 ? 'must not be empty' : `must have at least ${min} characters`;
		return length > max ? `must have at most ${max} characters (it has ${length})` : undefined;
	};
}

export const numericId: Check = (value) =>
	typeof value === 'string' && /^\d+$/.test(value)
		? undefined
		: 'must be a numeric ID (digits only)';

/** WOZTELL's own IDs (channels) are 24 hexadecimal characters, e.g. 696327315430a1f98231dfde. */
export const woztellId: Check = (value) =>
	typeof value === 'string' && /^[0-9a-f]{24}$/i.test(value)
		? undefined
		: 'must be a WOZTELL ID: 24 letters a–f and digits, e.g. 696327315430a1f98231dfde';

export const httpUrl: Check = (value) => {
	if (typeof value === 'string' && !/\s/.test(value) && URL.canParse(value)) {
		const { protocol, hostname } = new URL(value);
		if ((protocol === 'http:' || protocol === 'https:') && hostname) return undefined;
	}
	return 'must be a URL starting with http:// or https://';
};

export const httpsUrl: Check = (value) =>
	httpUrl(value) === undefined && (value as string).startsWith('https:')
		? undefined
		: 'must be a URL starting with https://';

export const email: Check = (value) =>
	typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
		? undefined
		: 'must be an email address';

export function oneOf(allowed: readonly string[]): Check {
	return (value) =>
		typeof value === 'string' && allowed.includes(value)
			? undefined
			: `must be one of ${allowed.join(', ')}`;
}

export function listOf(check: Check, maxItems: number): Check {
	return (value) => {
		if (!Array.isArray(value)) return 'must be a list';
		if (value.length > maxItems)
			return `can hold at most ${maxItems} entries (it has ${value.length})`;
		for (const [index, entry] of value.entries()) {
			const problem = check(entry);
			if (problem) return `entry ${index + 1} ${problem}`;
		}
		return undefined;
	};
}

/** A list the routing already turned into a JSON string for the query, checked entry by entry. */
export function jsonListOf(check: Check): Check {
	return (value) => {
		try {
			return listOf(check, Infinity)(JSON.parse(String(value)));
		} catch {
			return 'must be a list';
		}
	};
}

export function all(...checks: Check[]): Check {
	return (value) => checks.map((check) => check(value)).find(Boolean);
}

export interface FieldRule {
	/** Where the value sits in the request about to be sent, e.g. `body.profile.about`. */
	at: string;
	/** The field's name as the user sees it in the node. */
	field: string;
	check: Check;
	/** Check even when the request does not carry the value at all. */
	always?: boolean;
}

/** The first rule a request breaks, as a sentence naming the field; undefined when all hold. */
export function firstProblem(request: IHttpRequestOptions, rules: FieldRule[]): string | undefined {
	for (const rule of rules) {
		const value = valueAt(request, rule.at);
		if (value === undefined && !rule.always) continue;
		const problem = rule.check(value);
		if (problem) return `${rule.field} ${problem}`;
	}
	return undefined;
}

/**
 * What the checks of one item read: n8n's IExecuteSingleFunctions, or one item of a custom
 * operation's IExecuteFunctions (Message → Send and Wait).
 */
export type ItemContext = Pick<
	IExecuteSingleFunctions,
	'getNode' | 'getItemIndex' | 'getNodeParameter'
>;

/** Stops this item before anything is sent, with a sentence naming the field. */
export function refuseToSend(
	context: Pick<ItemContext, 'getNode' | 'getItemIndex'>,
	problem: string,
	description = 'Nothing was sent to WOZTELL for this item. Correct the field and run again.',
): never {
	throw new NodeOperationError(context.getNode(), problem, {
		itemIndex: context.getItemIndex(),
		description,
	});
}

/** A preSend hook that refuses to send a request breaking WhatsApp's or WOZTELL's limits. */
export function validateRequest(rules: FieldRule[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		const problem = firstProblem(request, rules);
		if (problem) refuseToSend(this, problem);
		return request;
	};
}

/**
 * Refuses the item before anything is sent when the credential lacks the token the request needs,
 * naming the credential's field and the scope to give the token.
 */
export function requireToken(
	field: keyof typeof TOKEN_FIELDS,
	scope: string,
	what: string,
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request) {
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		if (lacksToken(credentials, field)) {
			const { message, description } = missingToken(field, scope, what);
			refuseToSend(this, message, description);
		}
		return request;
	};
}
