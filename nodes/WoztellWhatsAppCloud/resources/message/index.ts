import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../shared/operations';
import { maxLength } from '../../shared/validate';
import { recipientFields, sendRecipient } from './recipient';
import { sendAndWaitFields } from './sendAndWait';
import { sendResponsesArray, sendResponsesFields } from './sendResponses';
import { sendTemplateFields, sendTemplateResponse } from './sendTemplate';
import { sendTextFields, sendTextResponse } from './sendText';
import { sentMessages } from './sentMessages';

/** All go to the Bot API's `POST /sendResponses`; the credential routes that path there. */
const sendResponses = {
	method: 'POST' as const,
	path: '/sendResponses',
	botApi: true as const,
	effect: 'send' as const,
	postReceive: [sentMessages],
};

export const messageDescription: INodeProperties[] = [
	operationSelector(
		'message',
		[
			{
				name: 'Send Template',
				value: 'sendTemplate',
				action: 'Send a message template',
				description:
					'Send an approved WhatsApp template through WOZTELL’s Bot API, one field per template variable',
				...sendResponses,
				prepare: [sendRecipient, sendTemplateResponse],
			},
			{
				name: 'Send Text',
				value: 'sendText',
				action: 'Send a text message',
				description:
					'Send a free-form WhatsApp text to a customer through WOZTELL’s Bot API (within the 24-hour customer service window)',
				...sendResponses,
				prepare: [sendRecipient, sendTextResponse],
				// WhatsApp: a text message body holds at most 4096 characters.
				rules: [
					{ at: 'body.response.0.text', field: 'Text', check: maxLength(4096, 1), always: true },
				],
			},
			{
				name: 'Send Responses',
				value: 'sendResponses',
				action: 'Send raw response messages',
				description:
					'Send any messages WOZTELL’s Bot API accepts, as its JSON response array (images, buttons, lists, templates…)',
				...sendResponses,
				prepare: [sendRecipient, sendResponsesArray],
			},
		],
		[
			{
				// n8n's value for it: n8n checks the signature of its resume links by this name, and
				// builds the AI Agent's human review (HitlTool) from a node offering it.
				name: 'Send and Wait for Approval',
				value: 'sendAndWait',
				action: 'Send a message and wait for approval',
				description:
					'Ask a person on WhatsApp and wait for their answer: Approve and Decline buttons (or links) resume the workflow',
				// What the custom operation sends, for the record: n8n-core runs it, not this routing.
				routing: { request: { method: 'POST', url: '/sendResponses' } },
			},
		],
	),
	...recipientFields,
	...sendAndWaitFields,
	...sendTemplateFields,
	...sendTextFields,
	...sendResponsesFields,
];
