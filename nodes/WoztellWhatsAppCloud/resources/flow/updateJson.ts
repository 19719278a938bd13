import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { valueOfInputField } from '../../shared/inputItem';
import { refuseToSend } from '../../shared/validate';
import { checkFlowJson } from './flowJson';

const forUpdateJson = showFor('flow', ['updateJson']);

export const updateJsonFields: INodeProperties[] = [
	{
		displayName: 'Flow JSON Source',
		name: 'flowJsonSource',
		description: 'Where the Flow JSON to upload comes from',
		type: 'options',
		options: [
			{
				name: 'Input Item Field',
				value: 'inputField',
				description: 'A field of the input item holds the Flow JSON',
			},
			{ name: 'JSON Editor', value: 'editor', description: 'Type or paste the Flow JSON here' },
		],
		default: 'editor',
		displayOptions: forUpdateJson,
	},
	{
		displayName: 'Flow JSON',
		name: 'flowJson',
		type: 'json',
		default: '{\n  "version": "3.1",\n  "screens": []\n}',
		description:
			'The whole Flow JSON, as in the Flow Builder of WhatsApp Manager: "version" and "screens", each screen with an ID, at least one with "terminal": true',
		displayOptions: { show: { ...forUpdateJson.show, flowJsonSource: ['editor'] } },
	},
	{
		displayName: 'Input Field Name',
		name: 'flowJsonField',
		type: 'string',
		default: 'flowJson',
		placeholder: 'e.g. flowJson',
		description: 'Name of the input item field holding the Flow JSON, as an object or as text',
		displayOptions: { show: { ...forUpdateJson.show, flowJsonSource: ['inputField'] } },
	},
];

/** The reference's sample body: `{ "flowId", "data": { "version", "screens" } }`. */
export async function sendFlowJson(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const fromInputItem = this.getNodeParameter('flowJsonSource', 'editor') === 'inputField';
	const value = fromInputItem
		? valueOfInputField.call(this, 'flowJsonField')
		: this.getNodeParameter('flowJson', '');
	const { flowJson, problem } = checkFlowJson(value);
	if (problem !== undefined) refuseToSend(this, `Flow JSON ${problem}`);
	request.body = { ...(request.body as object), data: flowJson };
	return request;
}

/**
 * WhatsApp saves a Flow JSON even when it finds errors in it, and then refuses to publish the
 * flow. `valid` comes first so that a table view shows at once which updates need another look.
 */
export async function flagValidationErrors(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.map((item) => {
		const errors = Array.isArray(item.json.validation_errors)
			? (item.json.validation_errors as IDataObject[])
			: [];
		return {
			...item,
			json: { valid: errors.length === 0, ...item.json, validation_errors: errors },
		};
	});
}
