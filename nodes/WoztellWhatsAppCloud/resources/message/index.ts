import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../shared/operations';
import { maxLength } from '../../shared/validate';
import { recipientFields, sendRecipient } from './recipient';
import { sendAndWaitFields } from './sendAndWait';
import { locationRequestMessage, requestLocationFields } from './requestLocation';
import { sendResponseOf } from './response';
import { buttonsMessage, sendButtonsFields } from './sendButtons';
import { contactsMessage, sendContactsFields } from './sendContacts';
import { ctaUrlMessage, sendCtaUrlFields } from './sendCtaUrl';
import { flowMessage, sendFlowFields } from './sendFlow';
import { listMessage, sendListFields } from './sendList';
import { locationMessage, sendLocationFields } from './sendLocation';
import { mediaMessage, sendMediaFields } from './sendMedia';
import { reactionMessage, sendReactionFields } from './sendReaction';
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
				name: 'Send Media',
				value: 'sendMedia',
				action: 'Send a media message',
				description:
					'Send an image, video, audio file, sticker or document, from a public URL or a media ID',
				...sendResponses,
				prepare: [sendRecipient, sendResponseOf(mediaMessage)],
			},
			{
				name: 'Send Location',
				value: 'sendLocation',
				action: 'Send a location message',
				description: 'Send a place on the map: latitude and longitude, with a name and address',
				...sendResponses,
				prepare: [sendRecipient, sendResponseOf(locationMessage)],
			},
			{
				name: 'Request Location',
				value: 'requestLocation',
				action: 'Send a location request message',
				description: 'Ask the customer to share their location, with a Send Location button',
				...sendResponses,
				prepare: [sendRecipient, sendResponseOf(locationRequestMessage)],
			},
			{
				name: 'Send Contacts',
				value: 'sendContacts',
				action: 'Send a contact card message',
				description: 'Send one or more contact cards: name, phones, emails, company and websites',
				...sendResponses,
				prepare: [sendRecipient, sendResponseOf(contactsMessage)],
			},
			{
				name: 'Send Reaction',
				value: 'sendReaction',
				action: 'Send a reaction to a message',
				description: "React to a customer's message with an emoji, or remove the reaction",
				...sendResponses,
				prepare: [sendRecipient, sendResponseOf(reactionMessage)],
			},
			{
				name: 'Send Buttons',
				value: 'sendButtons',
				action: 'Send a message with reply buttons',
				description:
					'Send a message with up to 3 reply buttons; a tap comes back to the Message Trigger',
				...sendResponses,
				prepare: [sendRecipient, sendResponseOf(buttonsMessage)],
			},
			{
				name: 'Send List',
				value: 'sendList',
				action: 'Send a list message',
				description:
					'Send a menu of up to 10 options in sections; the pick comes back to the Message Trigger',
				...sendResponses,
				prepare: [sendRecipient, sendResponseOf(listMessage)],
			},
			{
				name: 'Send CTA URL',
				value: 'sendCtaUrl',
				action: 'Send a message with a URL button',
				description: 'Send a message with one button that opens a web page',
				...sendResponses,
				prepare: [sendRecipient, sendResponseOf(ctaUrlMessage)],
			},
			{
				name: 'Send Flow',
				value: 'sendFlow',
				action: 'Send a flow message',
				description:
					'Send a message with a button that opens a WhatsApp Flow, published or as a draft',
				...sendResponses,
				prepare: [sendRecipient, sendResponseOf(flowMessage)],
			},
			{
				name: 'Send Responses',
				value: 'sendResponses',
				action: 'Send raw response messages',
				description:
					'Send any messages WOZTELL’s Bot API accepts, as its JSON response array (several at once, or types without fields here)',
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
	...sendMediaFields,
	...sendLocationFields,
	...requestLocationFields,
	...sendContactsFields,
	...sendReactionFields,
	...sendButtonsFields,
	...sendListFields,
	...sendCtaUrlFields,
	...sendFlowFields,
	...sendResponsesFields,
];
