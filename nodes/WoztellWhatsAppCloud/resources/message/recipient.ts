import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../../shared/transport';
import { showFor } from '../../shared/descriptions';
import { botApiRecipient, memberIdentityOf } from '../../shared/memberIdentity';
import { requireToken } from '../../shared/validate';

const forMessage = showFor('message');
const requireBotApiToken = requireToken('botApiToken', 'bot:sendResponses', 'Messages');

export const recipientFields: INodeProperties[] = [
	{
		displayName: 'Recipient Type',
		name: 'recipientType',
		type: 'options',
		options: [
			{
				name: 'WhatsApp Number',
				value: 'whatsappNumber',
				description: 'The customer’s phone number with its country code',
			},
			{
				name: 'Member ID',
				value: 'memberId',
				description:
					'The customer’s member ID in WOZTELL (Members page, or the trigger’s memberId)',
			},
		],
		default: 'whatsappNumber',
		description: 'How the recipient is named',
		displayOptions: forMessage,
	},
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 85291234567',
		hint: 'WhatsApp number: country code and number, spaces, + and - allowed. Member ID: 24 letters a–f and digits.',
		description: 'The WhatsApp number or WOZTELL member ID the message goes to',
		displayOptions: forMessage,
	},
];

/**
 * The Bot API reference's Send Responses body: `channelId` (required) and "Either memberId,
 * recipientId" (recipientId: "phone number on WhatsApp"). The channel is the credential's.
 */
export async function sendRecipient(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	await requireBotApiToken.call(this, request);
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const recipient = memberIdentityOf(this, 'recipientType', 'recipient', 'Recipient');
	request.body = {
		...(request.body as object),
		channelId: String(credentials.channelId ?? '').trim(),
		...botApiRecipient(recipient),
	};
	return request;
}
