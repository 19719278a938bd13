'use strict';
// What the sandbox's Open API knows of the account: members of the channel (the webhook's
// customer first), a conversation with that customer, and two chatbot trees with their nodes.
// Field names are those WOZTELL's own n8n package reads (nodes/Woztell/BaseQueries.ts); values
// are the sandbox's own, as no public page shows a real answer.
const { createHash } = require('node:crypto');

const hex = (seed, length = 24) =>
	createHash('sha256').update(String(seed)).digest('hex').slice(0, length);
/** A node's compositeId, 16 letters and digits like the one a public redirect sample sends. */
const compositeId = (seed) =>
	createHash('sha256')
		.update(`node:${seed}`)
		.digest('base64')
		.replace(/[^A-Za-z0-9]/g, '')
		.slice(0, 16);

/** The customer of the webhook samples (routes/webhook.js): the first member. */
const CUSTOMER = {
	_id: '5ece50f3bf385b25c4e08db5',
	externalId: '85291234567',
	name: 'Chan Tai Man',
};
const MEMBER_COUNT = 250;
const MESSAGE_COUNT = 300;
/** 2025-01-06T00:00:00Z: the conversation's first message; one an hour after that. */
const CONVERSATION_START = Date.UTC(2025, 0, 6);
const HOUR_MS = 60 * 60 * 1000;

const TREES = [
	{ name: 'Customer service', nodes: ['Welcome', 'Main menu', 'Refund', 'Delivery', 'Live chat'] },
	{ name: 'Marketing', nodes: ['Spring sale', 'Opt out'] },
];

function trees() {
	return TREES.map((tree) => {
		const _id = hex(`tree:${tree.name}`);
		return {
			_id,
			name: tree.name,
			nodes: tree.nodes.map((name) => ({
				_id: hex(`node:${tree.name}:${name}`),
				name,
				compositeId: compositeId(`${tree.name}:${name}`),
			})),
		};
	});
}

/** Tags by position: every 5th vip, every 2nd newsletter, every 7th spring_sale. */
function tagsOf(index) {
	return [
		...(index % 5 === 0 ? ['vip'] : []),
		...(index % 2 === 0 ? ['newsletter'] : []),
		...(index % 7 === 0 ? ['spring_sale'] : []),
	];
}

/** One member of the channel; the first is the webhook's customer. Every 10th is in live chat. */
function member(index, channelId, [welcomeTree]) {
	const first = index === 0;
	const name = first ? CUSTOMER.name : `Customer ${index + 1}`;
	const [firstName, lastName] = name.split(' ');
	const createdAt = CONVERSATION_START - (MEMBER_COUNT - index) * HOUR_MS;
	return {
		_id: first ? CUSTOMER._id : hex(`member:${index}`),
		createdAt,
		updatedAt: createdAt,
		channelId,
		platform: 'whatsapp-cloud',
		tags: tagsOf(index),
		meta: {},
		externalId: first ? CUSTOMER.externalId : String(85260000000 + index),
		botMeta: {
			subscribe: true,
			liveChat: index % 10 === 3,
			treeId: welcomeTree._id,
			nodeCompositeId: welcomeTree.nodes[0].compositeId,
		},
		name,
		firstName,
		lastName: lastName ?? '',
		gender: null,
		customLocale: null,
		locale: 'en_US',
		email: null,
	};
}

const LINES = [
	['member', 'Hi, where is my order?'],
	['bot', 'Your order #1042 has shipped and arrives tomorrow.'],
	['member', 'Thanks!'],
	['bot', 'Anything else I can help with?'],
	['member', 'The parcel was damaged, I want a refund.'],
	['bot', 'Sorry to hear that. An agent will look at your refund.'],
];

/** The customer's conversation: MESSAGE_COUNT text messages, one an hour, oldest first. */
function conversation(customer, channelId, businessNumber) {
	return Array.from({ length: MESSAGE_COUNT }, (_, index) => {
		const [from, text] = LINES[index % LINES.length];
		const at = CONVERSATION_START + index * HOUR_MS;
		const messageId = `wamid.history${String(index + 1).padStart(4, '0')}`;
		return {
			_id: hex(`message:${index}`),
			id: messageId,
			messageEvent: {
				from: from === 'member' ? customer.externalId : businessNumber,
				to: from === 'member' ? businessNumber : customer.externalId,
				timestamp: at,
				type: 'TEXT',
				data: { text: `${text} (${index + 1})` },
				messageId,
			},
			createdAt: at,
			updatedAt: at,
			sentAt: at,
			readAt: from === 'bot' ? at + 60_000 : null,
			deliveredAt: from === 'bot' ? at + 1_000 : null,
			deletedAt: null,
			from,
			member: { name: customer.name },
			memberId: customer._id,
			errors: null,
			failedAt: null,
			platform: 'whatsapp-cloud',
			channelId,
			tags: [],
			meta: {},
			etag: hex(`etag:${index}`, 12),
			isMultipleParty: false,
		};
	});
}

/** The Open API's part of a fresh sandbox state. */
function openApiAccount(channelId, businessNumber) {
	const chatbotTrees = trees();
	const members = Array.from({ length: MEMBER_COUNT }, (_, index) =>
		member(index, channelId, chatbotTrees),
	);
	return {
		members,
		/** Messages by member ID, oldest first. */
		conversations: { [members[0]._id]: conversation(members[0], channelId, businessNumber) },
		trees: chatbotTrees,
		/** What POST /redirectMemberToNode was asked, in order (routes/redirect.js). */
		redirects: [],
	};
}

module.exports = { openApiAccount, CUSTOMER, MEMBER_COUNT, MESSAGE_COUNT, hex };
