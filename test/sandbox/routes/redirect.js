'use strict';
// Bot API POST /redirectMemberToNode, with the body WOZTELL's own packages send (Dify plugin
// tools/redirect_member_to_node.py): { channelId, recipientId, redirect: { tree, nodeCompositeId,
// runPreAction, sendResponse, runPostAction }, meta }. What it answers is not shown anywhere
// public: the sandbox answers WOZTELL's envelope `{ ok: 1 }`, and refuses as the Public API does.
// It also takes `memberId` (as Send Responses does). The member then sits at that node, as the
// Open API's member query shows.
const { fail } = require('../http');

const FLAGS = ['runPreAction', 'sendResponse', 'runPostAction'];

function redirectMemberToNode({ body }, state) {
	const channelId = body?.channelId;
	if (!channelId) fail(400, 'channelId is required');
	if (channelId !== state.identity.channelId) fail(404, `Channel ${channelId} not found`);
	const { memberId, recipientId, redirect, meta } = body;
	if (!memberId === !recipientId) fail(400, 'Either memberId or recipientId is required');
	const member = state.members.find((candidate) =>
		memberId ? candidate._id === memberId : candidate.externalId === String(recipientId),
	);
	if (!member) fail(404, `Member ${memberId ?? recipientId} not found`);
	if (typeof redirect !== 'object' || redirect === null) fail(400, 'redirect is required');
	const tree = state.trees.find(({ _id }) => _id === redirect.tree);
	if (!tree) fail(404, `Tree ${redirect.tree} not found`);
	const node = tree.nodes.find(({ compositeId }) => compositeId === redirect.nodeCompositeId);
	if (!node) fail(404, `Node ${redirect.nodeCompositeId} not found in tree ${tree.name}`);
	for (const flag of FLAGS) {
		if (redirect[flag] !== undefined && typeof redirect[flag] !== 'boolean')
			fail(400, `redirect.${flag} must be true or false`);
	}
	if (meta !== undefined && (typeof meta !== 'object' || meta === null || Array.isArray(meta)))
		fail(400, 'meta must be an object');
	member.botMeta = { ...member.botMeta, treeId: tree._id, nodeCompositeId: node.compositeId };
	state.redirects.push({
		channelId,
		memberId,
		recipientId,
		redirect,
		meta,
		member: member._id,
		node: node.name,
	});
	return {};
}

module.exports = { redirectMemberToNode };
