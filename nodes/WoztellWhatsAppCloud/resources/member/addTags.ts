import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { openApiRequest } from '../../../shared/openApi';
import { showFor } from '../../shared/descriptions';
import { memberOf } from '../../shared/memberIdentity';
import { credentialChannel, memberNotFound, withGraphQl } from '../../shared/openApiOperation';
import { itemRetryBounds } from '../../shared/retryOptions';
import { refuseToSend } from '../../shared/validate';
import { NUMBER_OF_MEMBER_ID } from './queries';
import { tagsOf, TAGS_HINT } from './tags';

export const addTagsFields: INodeProperties[] = [
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. refund, vip',
		hint: TAGS_HINT,
		description: 'The tags to add to the member; tags the member already has stay',
		displayOptions: showFor('member', ['addTags']),
	},
];

/** The mutation's input as WOZTELL's package sends it: `{ channel, externalId, tags }`. */
export async function sendTagsInput(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const identity = memberOf(this);
	const tags = tagsOf(this.getNodeParameter('tags', ''));
	if (!tags.length) refuseToSend(this, 'Tags must hold at least one tag');
	const channel = await credentialChannel(this);
	const externalId = 'whatsappNumber' in identity ? identity.whatsappNumber : undefined;
	return withGraphQl(request, { input: { channel, ...(externalId ? { externalId } : {}), tags } });
}

/**
 * The mutation names the member by WhatsApp number only (its input's `externalId`): a member ID
 * is first looked up for its number.
 */
export async function sendNumberOfMemberId(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
) {
	const identity = memberOf(this);
	if (!('memberId' in identity)) return request;
	const data = await openApiRequest.call(this, NUMBER_OF_MEMBER_ID, identity, {
		scope: 'member:read',
		bounds: itemRetryBounds(this),
		itemIndex: this.getItemIndex(),
	});
	const member = (data.apiViewer as IDataObject | undefined)?.member as IDataObject | null;
	if (!member?.externalId) memberNotFound(this, identity);
	const input = (request.body as IDataObject).variables as IDataObject;
	return withGraphQl(request, {
		input: { ...(input.input as IDataObject), externalId: String(member.externalId) },
	});
}

/**
 * `addMemberTags` answers `{ ok, err_code, memberId, member }`; no public page says what `ok`
 * and `err_code` hold. Read defensively: `ok` 0 or false is a refusal with `err_code` as its
 * reason; any other answer without `errors[]` is success. The item adds the tags sent.
 */
export async function tagsAdded(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = ((response.body as IDataObject).data ?? {}) as IDataObject;
	const answer = (data.addMemberTags ?? {}) as IDataObject;
	if (answer.ok === 0 || answer.ok === false) {
		const reason = answer.err_code ? String(answer.err_code) : 'no reason given';
		const error = new NodeApiError(this.getNode(), answer as JsonObject, {
			message: `WOZTELL did not add the tags: ${reason}`,
			description:
				'Check the member (WhatsApp number or member ID) and that the credential’s Open API Token has the member:write scope.',
			itemIndex: this.getItemIndex(),
		});
		error.context.failure = { status: 400 };
		throw error;
	}
	return [
		{
			json: { ...answer, tagsAdded: tagsOf(this.getNodeParameter('tags', '')) },
			pairedItem: { item: this.getItemIndex() },
		},
	];
}
