import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { resourceLocator, showFor, withIdParameter } from '../../shared/descriptions';
import { all, numericId, required, validateRequest } from '../../shared/validate';

const OPERATIONS_ON_ONE_FLOW = [
	'get',
	'getScreenPayload',
	'getPreview',
	'updateMetadata',
	'updateJson',
	'delete',
	'publish',
	'deprecate',
];

async function sendFlowId(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const flowId = String(this.getNodeParameter('flowId', '', { extractValue: true }) ?? '').trim();
	return withIdParameter(request, 'flowId', flowId);
}

const flowIdCheck = all(required, numericId);

/** One flow picker for every operation on an existing flow. */
export const flowIdField: INodeProperties = {
	...resourceLocator({
		name: 'flowId',
		displayName: 'Flow',
		description: 'The WhatsApp Flow to work on. Flow → Get Many shows the IDs (field "value").',
		searchListMethod: 'searchFlows',
		idPlaceholder: 'e.g. 885692686603466',
		idPattern: '\\d+',
		displayOptions: showFor('flow', OPERATIONS_ON_ONE_FLOW),
	}),
	routing: {
		send: {
			preSend: [
				sendFlowId,
				validateRequest([
					{ at: 'qs.flowId', field: 'Flow', check: flowIdCheck },
					{ at: 'body.flowId', field: 'Flow', check: flowIdCheck },
				]),
			],
		},
	},
};
