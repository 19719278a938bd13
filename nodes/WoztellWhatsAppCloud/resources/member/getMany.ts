import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { credentialChannel, withGraphQl } from '../../shared/openApiOperation';
import { tagsOf, TAGS_HINT } from './tags';

export const getManyFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	displayOptions: showFor('member', ['getMany']),
	options: [
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'e.g. vip, newsletter',
			hint: TAGS_HINT,
			description:
				'Members carrying these tags, by WOZTELL’s IN tag filter (the only one its public material shows). Without it, every member of the channel.',
		},
	],
};

/**
 * `members(channelId, tagFilters)`: WOZTELL's package sends `tagFilters: [{ operator: 'IN', tags }]`;
 * no public source shows another operator.
 */
export async function sendMembersFilter(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
) {
	const { tags } = this.getNodeParameter('filters', {}) as { tags?: unknown };
	const wanted = tagsOf(tags);
	return withGraphQl(request, {
		channelId: await credentialChannel(this),
		...(wanted.length ? { tagFilters: [{ operator: 'IN', tags: wanted }] } : {}),
	});
}
