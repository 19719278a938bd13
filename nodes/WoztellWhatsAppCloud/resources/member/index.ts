import type { INodeProperties } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { memberFields } from '../../shared/memberIdentity';
import { openApiOperation } from '../../shared/openApiOperation';
import { operationSelector } from '../../shared/operations';
import { addTagsFields, sendNumberOfMemberId, sendTagsInput, tagsAdded } from './addTags';
import { requireMember, sendMemberQuery } from './get';
import { getManyFilters, sendMembersFilter } from './getMany';
import { historyFilters, sendHistoryMember, sendHistoryRange } from './getConversationHistory';
import { ADD_MEMBER_TAGS, CONVERSATION_HISTORY, MEMBERS } from './queries';

/** WOZTELL's access-token scopes (doc.woztell.com, Access Token): "read Member list…", "create & update Member". */
const READ = 'member:read';
const WRITE = 'member:write';

export const memberDescription: INodeProperties[] = [
	operationSelector('member', [
		{
			name: 'Add Tags',
			value: 'addTags',
			action: 'Add tags to a member',
			description: 'Tag a customer in WOZTELL, by WhatsApp number or member ID (Open API)',
			...openApiOperation({ scope: WRITE, effect: 'write', prepare: [sendTagsInput] }),
			body: { query: ADD_MEMBER_TAGS },
			lookUps: [sendNumberOfMemberId],
			postReceive: [tagsAdded],
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a member with tags, live chat state and bot position',
			description:
				'Get a customer’s WOZTELL member record: tags, meta, live chat state, the bot tree and node they are at (Open API)',
			...openApiOperation({ scope: READ, effect: 'read', prepare: [sendMemberQuery] }),
			payload: 'data.apiViewer.member',
			postReceive: [requireMember],
		},
		{
			name: 'Get Conversation History',
			value: 'getConversationHistory',
			action: 'Get the conversation history of a member',
			description:
				'Get a customer’s messages with the business, newest first from WOZTELL, output oldest first (Open API)',
			...openApiOperation({ scope: READ, effect: 'read', prepare: [sendHistoryRange] }),
			body: { query: CONVERSATION_HISTORY },
			lookUps: [sendHistoryMember],
			paging: { connection: 'data.apiViewer.conversationHistory', direction: 'backward' },
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many members by tags',
			description: 'List the members of the credential’s channel, by tags (Open API)',
			...openApiOperation({ scope: READ, effect: 'read', prepare: [sendMembersFilter] }),
			body: { query: MEMBERS },
			paging: { connection: 'data.apiViewer.members', direction: 'forward' },
		},
	]),
	...memberFields(showFor('member', ['addTags', 'get', 'getConversationHistory'])),
	...addTagsFields,
];

/** Shown after Return All and Limit (n8n's order in a list). */
export const memberListFields: INodeProperties[] = [getManyFilters, historyFilters];
