import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { openApiRequest } from '../../../shared/openApi';
import { showFor } from '../../shared/descriptions';
import { memberOf } from '../../shared/memberIdentity';
import { credentialChannel, memberNotFound, withGraphQl } from '../../shared/openApiOperation';
import { itemRetryBounds } from '../../shared/retryOptions';
import { toEpochMilliseconds } from '../../shared/time';
import { refuseToSend } from '../../shared/validate';
import { MEMBER_ID_OF_NUMBER } from './queries';

export const historyFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	displayOptions: showFor('member', ['getConversationHistory']),
	options: [
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			description: 'Only messages from this moment on',
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description: 'Only messages up to this moment',
		},
	],
};

/** `from` / `to` in epoch milliseconds, as WOZTELL's package sends them (`Date.parse(…)`). */
export async function sendHistoryRange(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
) {
	memberOf(this);
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	const range: IDataObject = {};
	for (const [name, displayName] of [
		['from', 'From'],
		['to', 'To'],
	]) {
		if (filters[name] === undefined || filters[name] === '') continue;
		const milliseconds = toEpochMilliseconds(filters[name]);
		if (milliseconds === undefined) {
			refuseToSend(
				this,
				`${displayName} must be a date and time`,
				'Pick a date, or give an ISO date (2024-01-31T00:00:00Z) or UNIX seconds.',
			);
		}
		range[name] = Math.floor(milliseconds);
	}
	if (range.from !== undefined && range.to !== undefined && Number(range.from) >= Number(range.to))
		refuseToSend(this, 'From must be before To');
	return withGraphQl(request, { channelId: await credentialChannel(this), ...range });
}

/**
 * `conversationHistory` takes the member ID; WOZTELL's packages look a WhatsApp number's up first
 * with `getMemberIdQuery`, and so does the node.
 */
export async function sendHistoryMember(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
) {
	const identity = memberOf(this);
	if ('memberId' in identity) return withGraphQl(request, { memberId: identity.memberId });
	const data = await openApiRequest.call(
		this,
		MEMBER_ID_OF_NUMBER,
		{ channelId: await credentialChannel(this), externalId: identity.whatsappNumber },
		{ scope: 'member:read', bounds: itemRetryBounds(this), itemIndex: this.getItemIndex() },
	);
	const member = (data.apiViewer as IDataObject | undefined)?.member as IDataObject | null;
	if (!member?._id) memberNotFound(this, identity);
	return withGraphQl(request, { memberId: String(member._id) });
}
