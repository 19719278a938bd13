import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../../shared/transport';
import { showFor } from '../../shared/descriptions';
import { refuseToSend, woztellId } from '../../shared/validate';

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

/**
 * The Bot API reference's Send Responses body: `channelId` (required) and "Either memberId,
 * recipientId" (recipientId: "phone number on WhatsApp"). The channel is the credential's.
 */
export async function sendRecipient(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	if (!String(credentials.botApiToken ?? '').trim()) {
		refuseToSend(
			this,
			'The credential has no Bot API Access Token',
			'Messages go through WOZTELL’s Bot API: create an access token with the bot:sendResponses scope (WOZTELL: Settings → Access Tokens) and enter it in the credential. Nothing was sent.',
		);
	}
	const typed = String(this.getNodeParameter('recipient', '') ?? '').trim();
	const byMemberId = this.getNodeParameter('recipientType', 'whatsappNumber') === 'memberId';
	let recipient: Record<string, string>;
	if (byMemberId) {
		const problem = woztellId(typed);
		if (problem) refuseToSend(this, `Recipient (Member ID) ${problem}`);
		recipient = { memberId: typed };
	} else {
		const digits = whatsappNumberDigits(typed);
		if (!digits) {
			refuseToSend(
				this,
				`Recipient (WhatsApp Number) must be a phone number with its country code, 8 to 15 digits, e.g. 85291234567 (got "${typed}")`,
			);
		}
		recipient = { recipientId: digits };
	}
	request.body = {
		...(request.body as object),
		channelId: String(credentials.channelId ?? '').trim(),
		...recipient,
	};
	return request;
}
