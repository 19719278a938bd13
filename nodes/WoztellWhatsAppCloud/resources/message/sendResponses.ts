import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { refuseToSend } from '../../shared/validate';

export const sendResponsesFields: INodeProperties[] = [
	{
		displayName: 'Responses',
		name: 'responses',
		type: 'json',
		required: true,
		default: '[\n  { "type": "TEXT", "text": "Hello" }\n]',
		description:
			'The Bot API’s response array: one object per message, each with its "type". WOZTELL shows the JSON of any response under Resources → Responses → Advanced.',
		displayOptions: showFor('message', ['sendResponses']),
	},
];

/** What is wrong with a `response` array, or undefined: the reference makes it a required array. */
export function responsesProblem(value: unknown): string | undefined {
	if (!Array.isArray(value)) return 'must be a JSON array of responses';
	if (value.length === 0) return 'must hold at least one response';
	for (const [index, entry] of value.entries()) {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
			return `entry ${index + 1} must be an object`;
		const type = (entry as IDataObject).type;
		if (typeof type !== 'string' || !type.trim()) return `entry ${index + 1} needs a "type"`;
	}
	return undefined;
}

export async function sendResponsesArray(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
) {
	let responses: unknown = this.getNodeParameter('responses', '[]');
	if (typeof responses === 'string') {
		try {
			responses = JSON.parse(responses);
		} catch {
			refuseToSend(this, 'Responses is not valid JSON');
		}
	}
	const problem = responsesProblem(responses);
	if (problem) refuseToSend(this, `Responses ${problem}`);
	request.body = { ...(request.body as object), response: responses };
	return request;
}
