import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { isObject } from '../../../shared/objects';
import { resourceLocator, showFor } from '../../shared/descriptions';
import { botApiRecipient, memberFields, memberOf } from '../../shared/memberIdentity';
import { credentialChannel } from '../../shared/openApiOperation';
import { refuseToSend } from '../../shared/validate';

const forRedirect = showFor('chatbot', ['redirectMember']);

const runFlag = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: true,
	description,
	displayOptions: forRedirect,
});

export const redirectMemberFields: INodeProperties[] = [
	...memberFields(forRedirect),
	resourceLocator({
		name: 'tree',
		displayName: 'Tree',
		description: 'The chatbot tree the node belongs to',
		searchListMethod: 'searchTrees',
		idPlaceholder: 'e.g. 686cf4459ee5dbb68145defa',
		idPattern: '[0-9a-fA-F]{24}',
		displayOptions: forRedirect,
	}),
	resourceLocator({
		name: 'node',
		displayName: 'Node',
		description:
			'The node of the tree to move the member to; the list shows the chosen tree’s nodes',
		searchListMethod: 'searchTreeNodes',
		dependsOn: ['tree.value'],
		idPlaceholder: 'e.g. Tf3N1pDep9xEHMVu',
		idPattern: '[A-Za-z0-9_-]+',
		displayOptions: forRedirect,
	}),
	runFlag('runPreAction', 'Run Pre-Action', 'Whether to run the node’s pre-action'),
	runFlag(
		'sendResponse',
		'Send Response',
		'Whether the node sends its response to the customer (a message: never sent twice by the node)',
	),
	runFlag('runPostAction', 'Run Post-Action', 'Whether to run the node’s post-action'),
	{
		displayName: 'Metadata',
		name: 'meta',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Metadata',
		default: {},
		description: 'Key–value pairs the node reads as this.agendaMeta',
		displayOptions: forRedirect,
		options: [
			{
				displayName: 'Metadata',
				name: 'values',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						description: 'The name the node reads the value by, e.g. orderId',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Sent as text, as it is',
					},
				],
			},
		],
	},
];

/**
 * The body WOZTELL's own packages send to POST /redirectMemberToNode (Dify plugin
 * tools/redirect_member_to_node.py; n8n package BotAPIDescription.ts): `{ channelId,
 * recipientId, redirect: { tree, nodeCompositeId, runPreAction, sendResponse, runPostAction },
 * meta }`. Both send `recipientId` only; a member ID goes as `memberId`, which the Bot API
 * reference shows for Send Responses ("Either memberId, recipientId") but not for the redirect.
 */
export async function sendRedirect(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const recipient = botApiRecipient(memberOf(this));
	const tree = String(this.getNodeParameter('tree', '', { extractValue: true }) ?? '').trim();
	const node = String(this.getNodeParameter('node', '', { extractValue: true }) ?? '').trim();
	if (!tree) refuseToSend(this, 'Tree is required');
	if (!node) refuseToSend(this, 'Node is required');
	const meta: IDataObject = {};
	const pairs = this.getNodeParameter('meta.values', []) as Array<{
		key?: string;
		value?: unknown;
	}>;
	for (const [index, { key, value }] of pairs.entries()) {
		const name = String(key ?? '').trim();
		if (!name) refuseToSend(this, `Metadata ${index + 1} needs a key`);
		if (name in meta) refuseToSend(this, `Metadata key "${name}" is given twice`);
		meta[name] = value === undefined || value === null ? '' : String(value);
	}
	request.body = {
		channelId: await credentialChannel(this),
		...recipient,
		redirect: {
			tree,
			nodeCompositeId: node,
			runPreAction: this.getNodeParameter('runPreAction', true) as boolean,
			sendResponse: this.getNodeParameter('sendResponse', true) as boolean,
			runPostAction: this.getNodeParameter('runPostAction', true) as boolean,
		},
		meta,
	};
	return request;
}

/**
 * What the redirect answers is shown on no public page, and WOZTELL's packages pass it on unread:
 * the item says where the member went, with WOZTELL's answer (less `ok`) beside it.
 */
export async function redirected(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const rest: IDataObject = { ...(isObject(response.body) ? response.body : {}) };
	delete rest.ok;
	return [
		{
			json: {
				tree: String(this.getNodeParameter('tree', '', { extractValue: true })),
				nodeCompositeId: String(this.getNodeParameter('node', '', { extractValue: true })),
				...rest,
			},
			pairedItem: { item: this.getItemIndex() },
		},
	];
}
