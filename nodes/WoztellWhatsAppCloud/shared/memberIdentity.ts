import type { IDisplayOptions, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { refuseToSend, woztellId, type ItemContext } from './validate';

/** A customer as WOZTELL knows them: by WhatsApp number (its `externalId`) or by member ID. */
export type MemberIdentity = { whatsappNumber: string } | { memberId: string };

/** E.164: a country code and a subscriber number, at most 15 digits; no trunk 0 in front. */
const WHATSAPP_NUMBER = /^[1-9]\d{7,14}$/;

/**
 * A WhatsApp number as WOZTELL takes it (the Bot API's recipientId, the Open API's externalId):
 * the digits alone. WOZTELL's own n8n package strips the same punctuation before sending.
 */
export function whatsappNumberDigits(typed: string): string | undefined {
	const digits = typed.replace(/[\s+\-().]/g, '');
	return WHATSAPP_NUMBER.test(digits) ? digits : undefined;
}

/**
 * The member the item names in its identity fields (`by`: whatsappNumber | memberId, then the
 * value); refuses the item, naming the field, when the value is not one.
 */
export function memberIdentityOf(
	context: ItemContext,
	{ by, value }: IdentityFieldNames,
): MemberIdentity {
	const field = value.displayName;
	const typed = String(context.getNodeParameter(value.name, '') ?? '').trim();
	if (context.getNodeParameter(by.name, 'whatsappNumber') === 'memberId') {
		const problem = woztellId(typed);
		if (problem) refuseToSend(context, `${field} (Member ID) ${problem}`);
		return { memberId: typed };
	}
	const digits = whatsappNumberDigits(typed);
	if (!digits) {
		refuseToSend(
			context,
			`${field} (WhatsApp Number) must be a phone number with its country code, 8 to 15 digits, e.g. 85291234567 (got "${typed}")`,
		);
	}
	return { whatsappNumber: digits };
}

/** The Bot API's names for the member: "Either memberId, recipientId" (Bot API reference). */
export const botApiRecipient = (identity: MemberIdentity) =>
	'memberId' in identity
		? { memberId: identity.memberId }
		: { recipientId: identity.whatsappNumber };

/** The two fields that name a customer, and how the node labels them. */
export interface IdentityFieldNames {
	/** The field that says how the customer is named, e.g. `memberBy`, and its label. */
	by: { name: string; displayName: string };
	/** The number or ID itself, e.g. `member`, and its label. */
	value: { name: string; displayName: string; description: string };
}

/** Whom an operation is about, by WhatsApp number or by member ID: two fields. */
export function identityFields(
	{ by, value }: IdentityFieldNames,
	displayOptions: IDisplayOptions,
): INodeProperties[] {
	return [
		{
			...by,
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
						'The customer’s member ID in WOZTELL (Members page, or the Message Trigger’s memberId)',
				},
			],
			default: 'whatsappNumber',
			description: `How the ${value.displayName.toLowerCase()} is named`,
			displayOptions,
		},
		{
			...value,
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 85291234567',
			hint: 'WhatsApp number: country code and number, spaces, + and - allowed. Member ID: 24 letters a–f and digits.',
			displayOptions,
		},
	];
}

const MEMBER_FIELDS: IdentityFieldNames = {
	by: { name: 'memberBy', displayName: 'Identify Member By' },
	value: {
		name: 'member',
		displayName: 'Member',
		description: 'The WhatsApp number or WOZTELL member ID of the customer',
	},
};

/** The two fields that name a member, for the Member and Chatbot operations. */
export const memberFields = (displayOptions: IDisplayOptions) =>
	identityFields(MEMBER_FIELDS, displayOptions);

/** The member the Member and Chatbot operations' fields name. */
export const memberOf = (context: IExecuteSingleFunctions) =>
	memberIdentityOf(context, MEMBER_FIELDS);
