import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import {
	explainFailure,
	failureOf,
	throwOnBotApiError,
	throwOnWoztellError,
} from '../../shared/errors';
import { newTally, withRetries, type Effect, type Tally } from '../../shared/retry';
import { showFor } from './descriptions';
import { cursorPagination, type ListPaging } from './paging';
import { outputPayload, type PayloadPath } from './payload';
import { checkRetryOptions, itemRetryBounds } from './retryOptions';
import { failedItem, mayHaveSent, recall, remember, sendKey, sentItem } from './sending';
import { validateRequest, type FieldRule } from './validate';

/** Sends the request itself through `makeRoutingRequest`, and may add to the items it gives. */
export type RequestWrapper = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

interface OperationBase {
	name: string;
	value: string;
	action: string;
	description: string;
	method: IHttpRequestMethods;
	path: string;
	/** WOZTELL's Bot API (the Message operations) rather than the Public API: its errors name its token. */
	botApi?: true;
	/**
	 * The hook that reads WOZTELL's answer for a refusal, where it is not the Public API's (or for
	 * `botApi`, the Bot API's sendResponses) `ok` envelope: the Open API's `errors[]`, the redirect's.
	 */
	checkAnswer?: PostReceiveAction;
	/** Fixed parts of the request body, merged with what the fields send. */
	body?: IDataObject;
	/** Hooks that build or refuse the request from the item alone, without asking WOZTELL. */
	prepare?: PreSendAction[];
	/** The item's own fields' rules. */
	rules?: FieldRule[];
	/** Hooks that may ask WOZTELL (the channel's IDs, a template by name) to finish the request. */
	lookUps?: PreSendAction[];
}

/** A list: Return All / Limit over the cursor paging, one item per entry of each page. */
interface ListOperation extends OperationBase {
	paging: ListPaging;
	/** A list only reads (a GraphQL query is a POST that reads). */
	effect?: 'read';
	payload?: never;
	postReceive?: never;
	wrapRequest?: never;
}

interface SingleOperation extends OperationBase {
	paging?: never;
	/**
	 * What a repeat of the request could do, which decides what is retried (shared/retry.ts);
	 * `send` also answers n8n's Retry On Fail from what was sent. Default: GET reads, others write.
	 */
	effect?: Effect;
	/** Where the answer keeps what the user wants; without it, the answer less `ok`. */
	payload?: PayloadPath;
	/** Output hooks run on the items taken out of the answer. */
	postReceive?: PostReceiveAction[];
	/**
	 * For an output that needs what only the code sending the request knows (a key pair made for
	 * it): no preSend can hand a value to a postReceive, but n8n's pagination hook wraps both.
	 */
	wrapRequest?: RequestWrapper;
}

export type OperationSpec = ListOperation | SingleOperation;

const sendOnce: RequestWrapper = async function (requestData) {
	return await this.makeRoutingRequest(requestData);
};

/** Runs `send` with each of its requests tried again within the item's Retry Options. */
async function sendRetrying(
	this: IExecutePaginationFunctions,
	send: RequestWrapper,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	effect: Effect,
	tally: Tally,
): Promise<INodeExecutionData[]> {
	const bounds = itemRetryBounds(this);
	const makeRoutingRequest: IExecutePaginationFunctions['makeRoutingRequest'] = async (data) =>
		await withRetries(
			async () => await this.makeRoutingRequest(data),
			effect,
			bounds,
			failureOf,
			tally,
		);
	return await send.call(
		Object.create(this, { makeRoutingRequest: { value: makeRoutingRequest } }),
		requestData,
	);
}

/** Reads and writes: retried where safe; a failure (network ones included) explained. */
function retrying(send: RequestWrapper, effect: Effect): RequestWrapper {
	return async function (requestData) {
		const tally = newTally();
		try {
			return await sendRetrying.call(this, send, requestData, effect, tally);
		} catch (error) {
			throw explainFailure(error, effect, tally);
		}
	};
}

/**
 * Sends: retried only where WOZTELL says it did not send; once sent (or maybe sent) in this
 * execution, never sent again by a re-run of the node; each item tells its outcome.
 */
function sendingOnce(send: RequestWrapper): RequestWrapper {
	return async function (requestData) {
		const key = sendKey(this, requestData);
		const earlier = key ? recall(key) : undefined;
		if (earlier) {
			if ('error' in earlier) throw earlier.error;
			return earlier.items;
		}
		const { body } = requestData.options;
		const tally = newTally();
		try {
			const items = await sendRetrying.call(this, send, requestData, 'send', tally);
			const sent = items.map((item) => sentItem(item, body, tally));
			if (key) remember(key, { items: sent });
			return sent;
		} catch (error) {
			const explained = explainFailure(error, 'send', tally);
			if (key && mayHaveSent(explained)) remember(key, { error: explained });
			if (this.continueOnFail()) return [failedItem(explained, body, tally, this.getItemIndex())];
			throw explained;
		}
	};
}

/**
 * The Retry Options first, then the item's own fields, then look-ups: a refused item sends
 * nothing at all.
 */
function preSendOf({ prepare = [], rules, lookUps = [] }: OperationSpec): PreSendAction[] {
	return [checkRetryOptions, ...prepare, ...(rules ? [validateRequest(rules)] : []), ...lookUps];
}

const effectOf = (spec: OperationSpec): Effect =>
	spec.effect ?? (spec.method === 'GET' ? 'read' : 'write');

function toOperationOption(spec: OperationSpec): INodePropertyOptions {
	const { name, value, action, description, method, path, body } = spec;
	const send = spec.paging ? cursorPagination(spec.paging) : (spec.wrapRequest ?? sendOnce);
	const effect = effectOf(spec);
	const pagination = effect === 'send' ? sendingOnce(send) : retrying(send, effect);
	const preSend = preSendOf(spec);
	const throwsOn = spec.checkAnswer ?? (spec.botApi ? throwOnBotApiError : throwOnWoztellError);
	return {
		name,
		value,
		action,
		description,
		routing: {
			request: { method, url: path, ...(body ? { body } : {}) },
			// Every operation goes through n8n's pagination hook: the one place around the sending.
			send: { preSend, paginate: true },
			output: {
				postReceive: spec.paging
					? [throwsOn]
					: [throwsOn, outputPayload(spec.payload), ...(spec.postReceive ?? [])],
			},
			operations: { pagination },
		},
	};
}

/**
 * The Operation selector of one resource: one option per WOZTELL endpoint, then the operations
 * the node's `customOperations` run instead of the routing engine.
 */
export function operationSelector(
	resource: string,
	operations: OperationSpec[],
	customOperations: INodePropertyOptions[] = [],
): INodeProperties {
	const firstOperation = operations[0].value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showFor(resource),
		options: [...operations.map(toOperationOption), ...customOperations],
		default: firstOperation,
	};
}
