import type {
	ICredentialDataDecryptedObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../../shared/transport';
import { showFor } from '../../shared/descriptions';
import { refuseToSend, woztellId, type ItemContext } from '../../shared/validate';

const forMessage = showFor('message');

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

/** E.164: a country code and a subscriber number, at most 15 digits; no trunk 0 in front. */
const WHATSAPP_NUMBER = /^[1-9]\d{7,14}$/;

/** A WhatsApp number as the Bot API's recipientId takes it: the digits alone. */
export function whatsappNumberDigits(typed: string): string | undefined {
	const digits = typed.replace(/[\s+\-().]/g, '');
	return WHATSAPP_NUMBER.test(digits) ? digits : undefined;
}

/** Who the item's message goes to, as the Bot API names them; a bad recipient refuses the item. */
export function recipientOf(context: ItemContext): { recipientId: string } | { memberId: string } {
	const typed = String(context.getNodeParameter('recipient', '') ?? '').trim();
	if (context.getNodeParameter('recipientType', 'whatsappNumber') === 'memberId') {
		const problem = woztellId(typed);
		if (problem) refuseToSend(context, `Recipient (Member ID) ${problem}`);
		return { memberId: typed };
	}
	const digits = whatsappNumberDigits(typed);
	if (!digits) {
		refuseToSend(
			context,
			`Recipient (WhatsApp Number) must be a phone number with its country code, 8 to 15 digits, e.g. 85291234567 (got "${typed}")`,
		);
	}
	return { recipientId: digits };
}

/** Messages go through WOZTELL's Bot API: without its token, nothing can be sent. */
export function assertBotApiToken(
	context: Pick<ItemContext, 'getNode' | 'getItemIndex'>,
	credentials: ICredentialDataDecryptedObject,
) {
	if (!String(credentials.botApiToken ?? '').trim()) {
		refuseToSend(
			context,
			'The credential has no Bot API Access Token',
			'Messages go through WOZTELL’s Bot API: create an access token with the bot:sendResponses scope (WOZTELL: Settings → Access Tokens) and enter it in the credential. Nothing was sent.',
		);
	}
}

/**
 * The Bot API reference's Send Responses body: `channelId` (required) and "Either memberId,
 * recipientId" (recipientId: "phone number on WhatsApp"). The channel is the credential's.
 */
export async function sendRecipient(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	assertBotApiToken(this, credentials);
	request.body = {
		...(request.body as object),
		channelId: String(credentials.channelId ?? '').trim(),
		...recipientOf(this),
	};
	return request;
}
