import type { INodeProperties } from 'n8n-workflow';
import { FLOW_PAGE_SIZE, FLOW_PATH } from '../../../shared/flows';
import { operationSelector } from '../../shared/operations';
import { flowIdField } from './flowId';
import { createFields, createRules, updateMetadataFields, updateMetadataRules } from './metadata';
import { flagValidationErrors, sendFlowJson, updateJsonFields } from './updateJson';

export const flowDescription: INodeProperties[] = [
	operationSelector('flow', [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a draft flow',
			description: 'Create a draft flow, empty or cloned from another flow, and get its ID',
			method: 'PUT',
			path: '/create-flow',
			rules: createRules,
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a draft flow by ID',
			description: 'Delete a draft flow; published flows can only be deprecated',
			method: 'DELETE',
			path: FLOW_PATH,
		},
		{
			name: 'Deprecate',
			value: 'deprecate',
			action: 'Deprecate a published flow by ID',
			description: 'Stop a published flow from being sent; this cannot be undone',
			method: 'POST',
			path: '/deprecate-flow',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a flow by ID with its status and validation errors',
			description: 'Get the name, categories, status, validation errors and JSON version of a flow',
			method: 'GET',
			path: '/flow-detail',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many flows with the ID and status of each',
			description: "List the flows of the channel's WhatsApp Business Account",
			method: 'GET',
			path: FLOW_PATH,
			paging: { payload: 'data', pageSize: { parameter: 'limit', max: FLOW_PAGE_SIZE } },
		},
		{
			name: 'Get Preview',
			value: 'getPreview',
			action: 'Get the preview URL of a flow by ID',
			description: 'Get a link to a web preview of the flow and when it expires',
			method: 'GET',
			path: '/flow-preview',
			payload: 'data',
		},
		{
			name: 'Get Screen Payload',
			value: 'getScreenPayload',
			action: 'Get the screen payload of a flow by ID',
			description: 'Get the screens of a flow with the data each one expects',
			method: 'GET',
			path: '/flow-screen-payload',
			payload: 'payload',
		},
		{
			name: 'Publish',
			value: 'publish',
			action: 'Publish a draft flow by ID',
			description:
				'Publish a draft flow whose Flow JSON has no validation errors; it can no longer be changed',
			method: 'POST',
			path: '/publish-flow',
		},
		{
			name: 'Update JSON',
			value: 'updateJson',
			action: 'Update the flow JSON of a flow by ID',
			description:
				'Replace the screens of a draft flow and get the validation errors WhatsApp finds',
			method: 'PATCH',
			path: '/flow-json',
			prepare: [sendFlowJson],
			postReceive: [flagValidationErrors],
		},
		{
			name: 'Update Metadata',
			value: 'updateMetadata',
			action: 'Update the name, categories or endpoint URL of a flow by ID',
			description:
				'Change the name, categories or endpoint URL of a flow; what you leave out stays',
			method: 'PATCH',
			path: '/flow-metadata',
			rules: updateMetadataRules,
		},
	]),
	flowIdField,
	...createFields,
	...updateMetadataFields,
	...updateJsonFields,
];
