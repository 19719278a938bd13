import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';

export const sendTextFields: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'e.g. Thanks, your order is on its way',
		description:
			'The message; WhatsApp delivers free-form text only within 24 hours of the customer’s last message',
		displayOptions: showFor('message', ['sendText']),
	},
];

/** The Bot API's text response, as in WOZTELL's sample: `{ "type": "TEXT", "text": "Hello World" }`. */
export async function sendTextResponse(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
) {
	const text = String(this.getNodeParameter('text', '') ?? '');
	request.body = { ...(request.body as object), response: [{ type: 'TEXT', text }] };
	return request;
}
