/**
 * The Open API (GraphQL) documents of the Member operations. Every value is a variable: nothing
 * the user gives is ever written into a document. Unless said otherwise, each is the document of
 * WOZTELL's own n8n package (GitHub Woztell/n8n-nodes-woztell-sanuker, nodes/Woztell/BaseQueries.ts;
 * the same text in its Dify plugin Woztell/dify-woztell-sanuker, tools/*.py).
 */

/** The fields BaseQueries.ts `getMemberInfoQuery` reads of a member. */
const MEMBER_FIELDS = `
      _id
      createdAt
      updatedAt
      channelId
      platform
      tags
      meta
      externalId
      botMeta {
        subscribe
        liveChat
        treeId
        nodeCompositeId
        tree {
          name
        }
        node {
          name
        }
      }
      name
      firstName
      lastName
      gender
      customLocale
      locale
      email`;

/** `getMemberInfoQuery`: a member by channel and WhatsApp number (`externalId`, digits only). */
export const MEMBER_BY_NUMBER = `query getMemberInfo($channelId: ID, $externalId: ID) {
  apiViewer {
    member(channelId: $channelId, externalId: $externalId) {${MEMBER_FIELDS}
    }
  }
}`;

/**
 * A member by member ID. No WOZTELL package or page shows this query: WOZTELL's access-token page
 * describes member:read as "read Member list by externalId or memberId", and a third-party list
 * of the `member` query's variables names "memberId, externalId, and channelId". The argument's
 * name and type (ID, as channelId and externalId) are read from there (README, Known limits).
 */
export const MEMBER_BY_ID = `query getMemberById($memberId: ID) {
  apiViewer {
    member(memberId: $memberId) {${MEMBER_FIELDS}
    }
  }
}`;

/** `getMembersQuery`: members of a channel by tags, 100 a page at most (IntMax100). */
export const MEMBERS = `query getMembers(
  $first: IntMax100
  $channelId: String
  $tagFilters: [TagFilter]
  $after: String
) {
  apiViewer {
    members(first: $first, channelId: $channelId, tagFilters: $tagFilters, after: $after) {
      edges {
        node {
          _id
          externalId
          name
          tags
        }
      }
      pageInfo {
        hasNextPage
        totalCount
        endCursor
      }
    }
  }
}`;

/** `getMemberIdQuery`: the member ID of a WhatsApp number, before reading its conversation. */
export const MEMBER_ID_OF_NUMBER = `query getMemberId($channelId: ID, $externalId: ID) {
  apiViewer {
    member(channelId: $channelId, externalId: $externalId) {
      _id
    }
  }
}`;

/** The WhatsApp number of a member ID (see MEMBER_BY_ID), before tagging by member ID. */
export const NUMBER_OF_MEMBER_ID = `query getMemberExternalId($memberId: ID) {
  apiViewer {
    member(memberId: $memberId) {
      _id
      externalId
    }
  }
}`;

/** `addMemberTags`: input `{ channel, externalId, tags }` (the key is `channel`, not channelId). */
export const ADD_MEMBER_TAGS = `mutation AddMemberTags($input: ModifyMemberTagsInput!) {
  addMemberTags(input: $input) {
    err_code
    member {
      _id
      externalId
    }
    memberId
    ok
  }
}`;

/**
 * `getConversationHistoryQuery`: a member's messages, paged backwards (`last` ≤ 100, `before`),
 * within `from`–`to` (epoch milliseconds: the package sends `Date.parse(…)`).
 */
export const CONVERSATION_HISTORY = `query getConversationHistory(
  $channelId: String
  $memberId: String
  $last: IntMax100
  $before: String
  $from: Long
  $to: Long
) {
  apiViewer {
    conversationHistory(
      channelId: $channelId
      memberId: $memberId
      last: $last
      before: $before
      from: $from
      to: $to
    ) {
      edges {
        node {
          _id
          messageEvent
          id
          createdAt
          updatedAt
          sentAt
          readAt
          deliveredAt
          deletedAt
          from
          member {
            name
          }
          memberId
          errors
          failedAt
          platform
          channelId
          tags
          meta
          etag
          isMultipleParty
        }
      }
      pageInfo {
        hasPreviousPage
        startCursor
      }
    }
  }
}`;
