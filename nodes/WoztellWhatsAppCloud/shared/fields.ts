import type {
	DeclarativeRestApiSettings,
	IDisplayOptions,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { explainNetworkError, throwOnWoztellError } from '../../shared/errors';
import { refuseToSend } from './validate';
import { cursorPagination, type CursorPaging } from './paging';
import { outputPayload, type PayloadPath } from './payload';

export function showFor(resource: string | string[], operations?: string[]): IDisplayOptions {
	return {
		show: {
			resource: Array.isArray(resource) ? resource : [resource],
			...(operations ? { operation: operations } : {}),
		},
	};
}

/** Sends the request itself through `makeRoutingRequest`, and may add to the items it gives. */
export type RequestWrapper = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/** The reference: GET endpoints take their IDs in the query; PATCH, POST, PUT and DEL in the JSON body. */
export function withIdParameter(request: IHttpRequestOptions, name: string, value: string): IHttpRequestOptions {
	if (request.method === 'GET') request.qs = { ...request.qs, [name]: value };
	else request.body = { ...(request.body as object), [name]: value };
	return request;
}

/**
 * Sends a list in the query as the JSON array WOZTELL reads there: the reference's template list
 * takes `status=["APPROVED"]`, and the node sends the analytics filters the same way.
 */
export const sendAsJsonList = (property: string) => ({
	send: { type: 'query' as const, property, value: '={{ JSON.stringify($value) }}' },
});

export interface OperationSpec {
	name: string;
	value: string;
	action: string;
	description: string;
	method: IHttpRequestMethods;
	path: string;
	/** Where the answer keeps what the user wants; without it, the answer less `ok`. */
	payload?: PayloadPath;
	/** Makes the operation a list with Return All / Limit over the cursor paging. */
	paging?: CursorPaging;
	/** Fixed parts of the request body, merged with what the fields send. */
	body?: IDataObject;
	preSend?: PreSendAction[];
	/** Output hooks run on the items taken out of the answer. */
	postReceive?: PostReceiveAction[];
	/**
	 * For an output that needs what only the code sending the request knows (a key pair made for
	 * it): no preSend can hand a value to a postReceive, but n8n's pagination hook wraps both.
	 */
	wrapRequest?: RequestWrapper;
}

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

function toOperationOption(spec: OperationSpec): INodePropertyOptions {
	const { name, value, action, description, method, path, payload, paging, body, preSend, postReceive, wrapRequest } =
		spec;
	const pagination = explainingNetworkErrors(paging ? cursorPagination(paging) : (wrapRequest ?? sendOnce));
	return {
		name,
		value,
		action,
		description,
		routing: {
			request: { method, url: path, ...(body ? { body } : {}) },
			// Every operation goes through n8n's pagination hook: the one place around the sending.
			send: { ...(preSend ? { preSend } : {}), paginate: true },
			output: {
				postReceive: paging
					? [throwOnWoztellError]
					: [throwOnWoztellError, outputPayload(payload), ...(postReceive ?? [])],
			},
			operations: { pagination },
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

async function checkLimit(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const limit = this.getNodeParameter('limit', 50);
	if (!Number.isInteger(limit)) refuseToSend(this, 'Limit must be a whole number');
	if ((limit as number) < 1) refuseToSend(this, 'Limit must be 1 or more');
	return request;
}

/** Return All and Limit, shared by every list (all of them are `getMany` operations). */
export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: { show: { operation: ['getMany'] } },
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { operation: ['getMany'], returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		routing: { send: { preSend: [checkLimit] }, output: { maxResults: '={{$value}}' } },
	},
];

interface LocatorSpec {
	name: string;
	displayName: string;
	description: string;
	searchListMethod: string;
	idPlaceholder: string;
	/** What a valid ID looks like, as a regular expression over the whole value. */
	idPattern: string;
	/** Adds a By Name mode, for what WOZTELL also knows by name; its placeholder. */
	namePlaceholder?: string;
	/** Left out for a locator inside a collection. */
	displayOptions?: IDisplayOptions;
}

/** A pick-list with search, or an ID typed by hand. */
export function resourceLocator(spec: LocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: spec.description,
		...(spec.displayOptions ? { displayOptions: spec.displayOptions } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			...(spec.namePlaceholder
				? [{ displayName: 'By Name', name: 'name', type: 'string' as const, placeholder: spec.namePlaceholder }]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^${spec.idPattern}$`,
							errorMessage: `Not a valid ${spec.displayName}`,
						},
					},
				],
			},
		],
	};
}
