import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';
import { withIdParameter } from './descriptions';
import { typedOrChannelId, type ChannelDerivedId } from '../../shared/transport';
import { itemRetryBounds } from './retryOptions';
import { numericId, refuseToSend } from './validate';

/**
 * Sends the ID the user typed, or, when the field is empty, the one WOZTELL reports for the
 * credential's channel (GET /waba-info). GET requests carry it in the query, the others in the body.
 */
function sendIdOrChannelDefault(parameter: ChannelDerivedId, displayName: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		const typed = String(this.getNodeParameter(parameter, '') ?? '').trim();
		const value =
			(await typedOrChannelId.call(this, parameter, typed, itemRetryBounds(this))) ?? '';
		const problem = value
			? typed
				? numericId(value)
				: undefined
			: "is empty and the credential's channel has none";
		if (problem) refuseToSend(this, `${displayName} ${problem}`);
		return withIdParameter(request, parameter, value);
	};
}

export function channelDefaultIdField(
	parameter: ChannelDerivedId,
	displayName: string,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName,
		name: parameter,
		type: 'string',
		default: '',
		placeholder: 'e.g. 123164329653069',
		hint: "Leave empty to use the one of the credential's channel",
		description: `WhatsApp ${displayName}: shown by the Account → Get Info operation, or in Meta's WhatsApp Manager`,
		displayOptions,
	};
}

export const sendPhoneNumberId = sendIdOrChannelDefault('phoneNumberId', 'Phone Number ID');
export const sendWabaId = sendIdOrChannelDefault('wabaId', 'WABA ID');
