import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { explainFailure, failureOf } from './errors';
import { lacksToken, missingToken, TOKEN_PLACE } from './credentialTokens';
import { isObject, valueAt } from './objects';
import {
	newTally,
	retryAfterMs,
	withRetries,
	type Effect,
	type Failure,
	type RetryBounds,
} from './retry';
import { CREDENTIAL_TYPE, PICK_LIST_RETRIES, type WoztellContext } from './transport';

/**
 * WOZTELL's Open API (GraphQL; Open API reference: "Endpoint URL … https://open.api.woztell.com/v3").
 * A request to this address is sent by the credential to its Open API URL with its Open API Token
 * (credentials/WoztellWhatsAppCloudApi.credentials.ts keeps the same address).
 */
export const OPEN_API_URL = 'https://open.api.woztell.com/v3';

/** A GraphQL request: the document is a constant; every value the user gives is a variable. */
export function graphQlBody(query: string, variables: IDataObject = {}) {
	return { query, variables };
}

const header = (headers: unknown, name: string): unknown =>
	isObject(headers) ? headers[name] : undefined;

/** What refusal an Open API answer is, which decides what the user is told to do. */
type Refusal = 'token' | 'scope' | 'rateLimit' | 'trouble' | 'notOpenApi' | 'other';

const NOT_AUTHENTICATED = /not authenticated|unauthenticated|invalid (access )?token|jwt/i;
const NOT_PERMITTED = /permission|scope|forbidden|not allowed|not authori[sz]ed|access denied/i;
const RATE_LIMITED = /rate limit|too many requests/i;

function refusalOf(statusCode: number, text: string, remaining: unknown, errors: unknown[]) {
	// Open API reference: "X-RateLimit-Remaining: The count of API calls that you can send in a
	// minute"; a refused call with none left is the rate limit, whatever its HTTP status.
	const noneLeft = remaining !== undefined && Number(remaining) <= 0;
	if (statusCode === 429 || RATE_LIMITED.test(text) || (noneLeft && errors.length))
		return 'rateLimit';
	if (statusCode >= 500) return 'trouble';
	// WOZTELL's own n8n package reads a bad token from a 2xx answer: errors[0].message
	// "User is not authenticated." (its credential test).
	if (statusCode === 401 || NOT_AUTHENTICATED.test(text)) return 'token';
	if (statusCode === 403 || NOT_PERMITTED.test(text)) return 'scope';
	return errors.length ? 'other' : 'notOpenApi';
}

function hintFor(refusal: Refusal, scope: string, retryAfter: number | undefined): string {
	switch (refusal) {
		case 'token':
			return `WOZTELL's Open API refused the credential's Open API Token: create an access token with the ${scope} scope (${TOKEN_PLACE}) and enter it in the credential's Open API Token field.`;
		case 'scope':
			return `The credential's Open API Token is not allowed to do this: give the token the ${scope} scope (${TOKEN_PLACE}).`;
		case 'rateLimit':
			return `WOZTELL's Open API rate limit (calls per minute) was hit. Raise Retries and Max Wait in the node's Retry Options, or space the items out with its Batching request option.${
				retryAfter === undefined ? '' : ` WOZTELL asked to wait ${Math.ceil(retryAfter / 1000)} s.`
			}`;
		case 'trouble':
			return 'WOZTELL is having trouble right now: try again later.';
		case 'notOpenApi':
			return "The credential's Open API URL does not answer as WOZTELL's Open API: use https://open.api.woztell.com/v3.";
		default:
			return `Check the fields named in the message. If it is about access, give the credential's Open API Token the ${scope} scope (${TOKEN_PLACE}).`;
	}
}

/**
 * An Open API answer's `data`, or an error with WOZTELL's text and what to do. GraphQL reports
 * failures in `errors[]`, also with HTTP 200; an answer with `errors[]` is a failure even when it
 * carries data. `scope` is the access-token scope the request needs.
 */
export function assertOpenApiOk(
	node: INode,
	response: IN8nHttpFullResponse,
	scope: string,
	itemIndex?: number,
): IDataObject {
	const { statusCode, body, headers } = response;
	const answer = isObject(body) ? body : undefined;
	const errors = Array.isArray(answer?.errors) ? answer.errors : [];
	if (statusCode < 400 && answer && !errors.length && isObject(answer.data)) return answer.data;

	const texts = errors
		.map((error) => (isObject(error) ? error.message : error))
		.filter((text): text is string => typeof text === 'string' && text.trim() !== '');
	const text =
		texts.join('; ') ||
		(typeof answer?.message === 'string' ? answer.message : '') ||
		(answer
			? `WOZTELL's Open API answered HTTP ${statusCode} without an error text`
			: `WOZTELL's Open API answered HTTP ${statusCode} with something that is not JSON`);
	const retryAfter = retryAfterMs(header(headers, 'retry-after'));
	const refusal = refusalOf(statusCode, text, header(headers, 'x-ratelimit-remaining'), errors);
	const failure: Failure = {
		status: refusal === 'rateLimit' ? 429 : statusCode >= 400 ? statusCode : 400,
		retryAfterMs: retryAfter,
		refusedByWoztell: errors.length > 0,
	};
	const error = new NodeApiError(
		node,
		(answer ?? { body: String(body ?? '').slice(0, 200) }) as JsonObject,
		{
			message: text,
			description: hintFor(refusal, scope, retryAfter),
			httpCode: String(statusCode),
			itemIndex,
		},
	);
	error.context.failure = failure as IDataObject;
	throw error;
}

/** The routing engine's postReceive hook for an Open API operation. */
export function throwOnOpenApiError(scope: string) {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		assertOpenApiOk(this.getNode(), response, scope, this.getItemIndex());
		return items;
	};
}

export interface OpenApiCall {
	/** The access-token scope the request needs, named in its errors. */
	scope: string;
	/** Queries read; mutations write (shared/retry.ts decides what is retried on that). */
	effect?: Effect;
	bounds?: RetryBounds;
	itemIndex?: number;
}

/**
 * One GraphQL request to WOZTELL's Open API outside the routing engine (pick-lists, look-ups),
 * tried again within `bounds` where WOZTELL did nothing (a rate limit: its Retry-After is
 * honoured). Returns the answer's `data`.
 */
export async function openApiRequest(
	this: WoztellContext,
	query: string,
	variables: IDataObject,
	{ scope, effect = 'read', bounds = PICK_LIST_RETRIES, itemIndex }: OpenApiCall,
): Promise<IDataObject> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	if (lacksToken(credentials, 'openApiToken')) {
		const { message, description } = missingToken(
			'openApiToken',
			scope,
			'Members and chatbot trees',
		);
		throw new NodeOperationError(this.getNode(), message, { description, itemIndex });
	}
	const tally = newTally();
	const ask = async () => {
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: 'POST',
			url: OPEN_API_URL,
			body: graphQlBody(query, variables),
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
		return assertOpenApiOk(this.getNode(), response, scope, itemIndex);
	};
	try {
		return await withRetries(ask, effect, bounds, failureOf, tally);
	} catch (error) {
		throw explainFailure(error, effect, tally);
	}
}

/** A GraphQL connection (Relay): `edges { node }` and `pageInfo`. */
export type ConnectionDirection = 'forward' | 'backward';

/** The nodes of the connection at `path` of an answer, in the order WOZTELL gives them. */
export function connectionNodes(answer: unknown, path: string): IDataObject[] {
	const connection = valueAt(answer, path);
	const edges = isObject(connection) && Array.isArray(connection.edges) ? connection.edges : [];
	return edges
		.map((edge) => (isObject(edge) ? edge.node : undefined))
		.filter((node): node is IDataObject => isObject(node));
}

/**
 * The cursor of the next page of the connection at `path`, or undefined on the last one. Forward:
 * `pageInfo { hasNextPage endCursor }` (WOZTELL's package pages `members` so); backward:
 * `pageInfo { hasPreviousPage startCursor }` (the only pageInfo its `conversationHistory` query asks).
 */
export function connectionCursor(
	answer: unknown,
	path: string,
	direction: ConnectionDirection,
): string | undefined {
	const connection = valueAt(answer, path);
	const info = isObject(connection) && isObject(connection.pageInfo) ? connection.pageInfo : {};
	const [more, cursor] =
		direction === 'forward'
			? [info.hasNextPage, info.endCursor]
			: [info.hasPreviousPage, info.startCursor];
	return more === true && typeof cursor === 'string' && cursor ? cursor : undefined;
}
