import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { memberOf } from '../../shared/memberIdentity';
import { credentialChannel, memberNotFound, withGraphQl } from '../../shared/openApiOperation';
import { MEMBER_BY_ID, MEMBER_BY_NUMBER } from './queries';

/** `member(channelId, externalId)` for a WhatsApp number; `member(memberId)` for a member ID. */
export async function sendMemberQuery(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const identity = memberOf(this);
	if ('memberId' in identity)
		return withGraphQl(request, { memberId: identity.memberId }, MEMBER_BY_ID);
	return withGraphQl(
		request,
		{ channelId: await credentialChannel(this), externalId: identity.whatsappNumber },
		MEMBER_BY_NUMBER,
	);
}

/** WOZTELL answers `member: null` for a number or ID it does not know: that is an error here. */
export async function requireMember(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (!items.length) memberNotFound(this, memberOf(this));
	return items;
}
