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
import { explainNetworkError, throwOnBotApiError, throwOnWoztellError } from '../../shared/errors';
import { showFor } from './descriptions';
import { cursorPagination, type CursorPaging } from './paging';
import { outputPayload, type PayloadPath } from './payload';
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
	/** Fixed parts of the request body, merged with what the fields send. */
	body?: IDataObject;
	/** Hooks that build or refuse the request from the item alone, without asking WOZTELL. */
	prepare?: PreSendAction[];
	/** The item's own fields' rules. */
	rules?: FieldRule[];
	/** Hooks that may ask WOZTELL (the channel's IDs, a template by name) to finish the request. */
	lookUps?: PreSendAction[];
}

/** A list: Return All / Limit over the cursor paging, one item per entry at `paging.payload`. */
interface ListOperation extends OperationBase {
	paging: CursorPaging;
	payload?: never;
	postReceive?: never;
	wrapRequest?: never;
}

interface SingleOperation extends OperationBase {
	paging?: never;
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

/** Network failures (timeout, dropped connection) never reach a postReceive hook: explain them here. */
function explainingNetworkErrors(send: RequestWrapper): RequestWrapper {
	return async function (requestData) {
		try {
			return await send.call(this, requestData);
		} catch (error) {
			throw explainNetworkError(error);
		}
	};
}

/** The item's own fields are checked before any look-up: a refused item sends nothing at all. */
function preSendOf({ prepare = [], rules, lookUps = [] }: OperationSpec): PreSendAction[] {
	return [...prepare, ...(rules ? [validateRequest(rules)] : []), ...lookUps];
}

function toOperationOption(spec: OperationSpec): INodePropertyOptions {
	const { name, value, action, description, method, path, body } = spec;
	const send = spec.paging ? cursorPagination(spec.paging) : (spec.wrapRequest ?? sendOnce);
	const preSend = preSendOf(spec);
	const throwsOn = spec.botApi ? throwOnBotApiError : throwOnWoztellError;
	return {
		name,
		value,
		action,
		description,
		routing: {
			request: { method, url: path, ...(body ? { body } : {}) },
			// Every operation goes through n8n's pagination hook: the one place around the sending.
			send: { ...(preSend.length ? { preSend } : {}), paginate: true },
			output: {
				postReceive: spec.paging
					? [throwOnWoztellError]
					: [throwsOn, outputPayload(spec.payload), ...(spec.postReceive ?? [])],
			},
			operations: { pagination: explainingNetworkErrors(send) },
		},
	};
}

/** The Operation selector of one resource: one option per WOZTELL endpoint. */
export function operationSelector(resource: string, operations: OperationSpec[]): INodeProperties {
	const firstOperation = operations[0].value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showFor(resource),
		options: operations.map(toOperationOption),
		default: firstOperation,
	};
}
