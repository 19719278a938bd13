import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../../shared/transport';
import { showFor } from '../../shared/descriptions';
import {
	botApiRecipient,
	identityFields,
	memberIdentityOf,
	type IdentityFieldNames,
} from '../../shared/memberIdentity';
import { requireToken, type ItemContext } from '../../shared/validate';

const forMessage = showFor('message');
const requireBotApiToken = requireToken('botApiToken', 'bot:sendResponses', 'Messages');

const RECIPIENT_FIELDS: IdentityFieldNames = {
	by: { name: 'recipientType', displayName: 'Recipient Type' },
	value: {
		name: 'recipient',
		displayName: 'Recipient',
		description: 'The WhatsApp number or WOZTELL member ID the message goes to',
	},
};

export const recipientFields: INodeProperties[] = identityFields(RECIPIENT_FIELDS, forMessage);

/** The Bot API's `memberId` or `recipientId` of the customer the Recipient fields name. */
export const botApiRecipientOf = (context: ItemContext) =>
	botApiRecipient(memberIdentityOf(context, RECIPIENT_FIELDS));

/**
 * The Bot API reference's Send Responses body: `channelId` (required) and "Either memberId,
 * recipientId" (recipientId: "phone number on WhatsApp"). The channel is the credential's.
 */
export async function sendRecipient(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	await requireBotApiToken.call(this, request);
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	request.body = {
		...(request.body as object),
		channelId: String(credentials.channelId ?? '').trim(),
		...botApiRecipientOf(this),
	};
	return request;
}
