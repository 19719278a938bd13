import type {
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { refuseToSend, type Check, type FieldRule } from './validate';

export function showFor(resource: string | string[], operations?: string[]): IDisplayOptions {
	return {
		show: {
			resource: Array.isArray(resource) ? resource : [resource],
			...(operations ? { operation: operations } : {}),
		},
	};
}

/** The reference: GET endpoints take their IDs in the query; PATCH, POST, PUT and DEL in the JSON body. */
export function withIdParameter(
	request: IHttpRequestOptions,
	name: string,
	value: string,
): IHttpRequestOptions {
	if (request.method === 'GET') request.qs = { ...request.qs, [name]: value };
	else request.body = { ...(request.body as object), [name]: value };
	return request;
}

/**
 * Sends a list in the query as the JSON array WOZTELL reads there: the reference's template list
 * takes `status=["APPROVED"]`, and the node sends the analytics filters the same way. An AI agent
 * fills a list through `$fromAI()` as one string: "APPROVED, PENDING" becomes a list too.
 */
export const sendAsJsonList = (property: string) => ({
	send: {
		type: 'query' as const,
		property,
		value:
			'={{ JSON.stringify(typeof $value === "string" ? $value.split(",").map((one) => one.trim()).filter((one) => one) : $value) }}',
	},
});

async function checkLimit(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const limit = this.getNodeParameter('limit', 50);
	if (!Number.isInteger(limit)) refuseToSend(this, 'Limit must be a whole number');
	if ((limit as number) < 1) refuseToSend(this, 'Limit must be 1 or more');
	return request;
}

/** The operations that list: Return All and Limit show for them. */
const LIST_OPERATIONS = ['getMany', 'getConversationHistory'];

/** Return All and Limit, shared by every list. */
export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: { show: { operation: LIST_OPERATIONS } },
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { operation: LIST_OPERATIONS, returnAll: [false] } },
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
	/** Left out for what can only be picked or named (no By ID mode). */
	idPlaceholder?: string;
	/** What a valid ID looks like, as a regular expression over the whole value. */
	idPattern?: string;
	/** Adds a By Name mode, for what WOZTELL also knows by name; its placeholder. */
	namePlaceholder?: string;
	/** Left out for a locator inside a collection. */
	displayOptions?: IDisplayOptions;
	/** Fields whose change reloads the list and clears the value (the editor's loadOptionsDependsOn). */
	dependsOn?: string[];
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
		...(spec.dependsOn ? { typeOptions: { loadOptionsDependsOn: spec.dependsOn } } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			...(spec.namePlaceholder
				? [
						{
							displayName: 'By Name',
							name: 'name',
							type: 'string' as const,
							placeholder: spec.namePlaceholder,
						},
					]
				: []),
			...(spec.idPattern
				? [
						{
							displayName: 'By ID',
							name: 'id',
							type: 'string' as const,
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
					]
				: []),
		],
	};
}

/** A field with the rule its value must keep: where the field sends it is where the rule looks. */
export interface CheckedField {
	property: INodeProperties;
	rule: FieldRule;
}

export function checkedField(
	property: INodeProperties,
	check: Check,
	always = false,
): CheckedField {
	const send = property.routing?.send;
	const at = `${send?.type === 'query' ? 'qs' : 'body'}.${String(send?.property)}`;
	return {
		property,
		rule: { at, field: property.displayName, check, ...(always ? { always } : {}) },
	};
}
