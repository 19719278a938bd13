// What each workflow under test/e2e/workflows/ must produce in real n8n, and what the sandbox
// must have received. `run` gives: items(node) (output JSON of a node), requests (sandbox
// records, in order), requestsTo(path), code (n8n's exit code), result (n8n's run data).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { identity } = require('../sandbox/state.js');
const { sentCounts } = require('../sandbox/routes/botApi.js');
/** The recipient the sandbox refuses for good in the Retry On Fail case. */
const RETRY_REFUSED = '85290000011';
const SIGNED = {
	'x-woztell-payload':
		'{"app":"699802d69a73fc555f1c6bc4","appIntegration":"696327325430a1cbd131dfdf","channel":"696327315430a1f98231dfde"}',
};

/** Every key of `expected` equals (deeply) the same key of `actual`. */
export function like(actual, expected, where = 'value') {
	assert.ok(actual !== undefined && actual !== null, `${where} is ${actual}`);
	for (const [key, value] of Object.entries(expected)) {
		if (value && typeof value === 'object' && !Array.isArray(value))
			like(actual[key], value, `${where}.${key}`);
		else assert.deepEqual(actual[key], value, `${where}.${key}`);
	}
}

export const cases = [
	{
		workflow: 'account.json',
		title: 'account → getInfo returns the WABA of the credential’s channel',
		check(run) {
			assert.equal(run.code, 0);
			const [item, ...rest] = run.items('Get WABA Info');
			assert.equal(rest.length, 0);
			like(item, {
				wabaId: '422126422872292',
				phoneNumberId: identity.phoneNumberId,
				name: 'Sandbox Business',
			});
			const [request] = run.requests;
			like(request, {
				method: 'GET',
				path: '/waba-info',
				query: { accessToken: identity.accessToken, channelId: identity.channelId },
			});
			assert.equal(run.requests.length, 1);
		},
	},
	{
		workflow: 'analytics.json',
		title:
			'analytics → getConversationAnalytics sends UNIX seconds and the signed context, one item per data point',
		check(run) {
			assert.equal(run.code, 0);
			const items = run.items('Get Conversation Analytics');
			assert.deepEqual(
				items.map((i) => i.start),
				[1704067200, 1704153600, 1704240000],
			);
			const [request] = run.requests;
			like(request, {
				method: 'GET',
				path: '/conversation-analytics',
				query: {
					from: '1704067200',
					to: '1704326400',
					granularity: 'DAILY',
					metric_types: '["COST","CONVERSATION"]',
				},
				headers: SIGNED,
			});
			assert.match(
				request.headers['x-woztell-signedcontext'],
				/^1RJ7rKRTHbOBoY95AgtXF5WT2578gy9\+b4ekBp727cQ=\./,
			);
		},
	},
	{
		workflow: 'businessProfile.json',
		title: 'businessProfile → get returns the profile without the envelope',
		check(run) {
			assert.equal(run.code, 0);
			const items = run.items('Get Business Profile');
			assert.equal(items.length, 1);
			like(items[0], {
				about: 'Hello from the sandbox',
				vertical: 'PROF_SERVICES',
				websites: ['https://woztell.com/'],
			});
			assert.equal(items[0].ok, undefined);
			like(run.requests[0], {
				method: 'GET',
				path: '/whatsapp-business-profile',
				query: { phoneNumberId: identity.phoneNumberId },
			});
		},
	},
	{
		workflow: 'catalog.json',
		title: 'catalog → getMany (Return All) gives one item per catalog',
		check(run) {
			assert.equal(run.code, 0);
			assert.deepEqual(
				run.items('Get Catalogs').map((c) => c.name),
				['test_products', 'empty_catalog'],
			);
			like(run.requests[0], { method: 'GET', path: '/catalogs', headers: SIGNED });
		},
	},
	{
		workflow: 'message.json',
		title: 'message → sendText goes to the Bot API with its token, as a TEXT response',
		check(run) {
			assert.equal(run.code, 0);
			const [request] = run.requestsTo('/sendResponses');
			like(request, {
				method: 'POST',
				body: {
					channelId: identity.channelId,
					recipientId: '85291234567',
					response: [{ type: 'TEXT', text: 'Your order has shipped' }],
				},
			});
			assert.equal(run.state().sentResponses.length, 1);
		},
	},
	{
		workflow: 'message-types.json',
		title:
			'message → every message type, one node each, reaches the Bot API as its response entry (the reaction to the message the first node sent)',
		// The published flow `npm run dev`'s sandbox has too (seed.js), where this is an example.
		seed(state) {
			state.flows.push({
				id: '885692686603001',
				name: 'Appointment booking',
				categories: ['APPOINTMENT_BOOKING'],
				status: 'PUBLISHED',
				validation_errors: [],
			});
		},
		check(run) {
			assert.equal(run.code, 0);
			const sent = run.state().sentResponses;
			assert.deepEqual(
				sent.map(({ recipientId, response }) => [recipientId, response.map((entry) => entry.type)]),
				[
					'FILE',
					'REACTION',
					'LOCATION',
					'LOCATION_REQUEST',
					'CONTACT',
					'WHATSAPP_REPLY_BUTTONS',
					'WHATSAPP_LIST',
					'WHATSAPP_CTA_URL',
					'WHATSAPP_FLOW',
				].map((type) => ['85291234567', [type]]),
			);
			const [media, reaction, location, , contacts, buttons, list, ctaUrl, flow] = sent.map(
				({ response }) => response[0],
			);
			like(media, { url: 'https://shop.example/invoice-A-1.pdf', filename: 'invoice-A-1.pdf' });
			assert.deepEqual(reaction, {
				type: 'REACTION',
				message_id: sent[0].messageIds[0],
				emoji: '👍',
			});
			like(location, { latitude: 22.2783, longitude: 114.1747 });
			assert.equal(contacts.contacts[0].name.formatted_name, 'Sandbox Support');
			like(buttons, { header: { type: 'image', image: { id: '5770270532993662' } } });
			assert.deepEqual(buttons.action.buttons, [
				{ type: 'reply', reply: { payload: 'track_order', title: 'Track order' } },
				{ type: 'reply', reply: { payload: 'talk_to_us', title: 'Talk to us' } },
			]);
			assert.deepEqual(
				list.action.sections.map((section) => [
					section.title,
					section.rows.map((row) => row.payload),
				]),
				[
					['Shops', ['opening_hours']],
					['Help', ['talk_to_us']],
				],
			);
			like(ctaUrl, { action: { parameters: { url: 'https://shop.example/track/A-1' } } });
			like(flow, {
				action: {
					parameters: {
						flow_id: '885692686603001',
						mode: 'published',
						flow_action_payload: { screen: 'WELCOME', data: { order: 'A-1' } },
					},
				},
			});
			for (const node of ['Send Media', 'Send Buttons', 'Send Flow']) {
				like(run.items(node)[0], { recipientId: '85291234567', attempts: 1 });
				assert.match(run.items(node)[0].messageIds[0], /^wamid\./);
			}
		},
	},
	{
		workflow: 'message-retry-on-fail.json',
		title:
			'message → sendText with Retry On Fail (3 tries) and a refused recipient: the run fails on it, nobody gets two',
		seed(state) {
			state.botApiBehaviour = { ...state.botApiBehaviour, refuse: [RETRY_REFUSED] };
		},
		check(run) {
			assert.equal(run.code, 1);
			const error = run.result?.data?.resultData?.error;
			assert.match(error?.message ?? run.stdout, new RegExp(`Recipient ${RETRY_REFUSED} cannot`));
			const counts = sentCounts(run.state());
			assert.equal(counts.size, 29);
			assert.ok(
				[...counts.values()].every((count) => count === 1),
				'a customer got two',
			);
			assert.equal(counts.has(RETRY_REFUSED), false);
			// n8n ran the node three times; only the refused item was asked of WOZTELL again.
			const sends = run.requestsTo('/sendResponses');
			assert.equal(sends.filter((r) => r.body.recipientId === RETRY_REFUSED).length, 3);
			assert.equal(sends.length, 32);
		},
	},
	{
		workflow: 'member-chatbot.json',
		title:
			'member → getMany / get / getConversationHistory / addTags (Open API, variables only), then chatbot → redirectMember (Bot API)',
		check(run) {
			assert.equal(run.code, 0);
			const openApi = run.requests.filter((request) => request.api === 'openApi');
			for (const request of openApi) {
				like(request, {
					method: 'POST',
					headers: { authorization: `Bearer ${identity.openApiToken}` },
				});
				assert.equal(request.headers['x-woztell-signedcontext'], undefined);
			}
			const vip = run.items('Get VIP Members');
			assert.equal(vip.length, 3);
			assert.ok(vip.every((member) => member.tags.includes('vip')));
			const [customer] = run.items('Get Customer');
			like(customer, { _id: '5ece50f3bf385b25c4e08db5', botMeta: { liveChat: false } });
			const history = run.items('Last 20 Messages');
			assert.equal(history.length, 20);
			assert.match(history[0].messageEvent.data.text, /\(281\)$/);
			assert.match(history[19].messageEvent.data.text, /\(300\)$/);
			const tagging = openApi.find((request) => /addMemberTags/.test(request.body.query));
			assert.doesNotMatch(tagging.body.query, /late/);
			like(tagging.body.variables, {
				input: { externalId: '85291234567', tags: ['delivery', '"late" parcel'] },
			});
			like(run.items('Tag Delivery')[0], { ok: 1, tagsAdded: ['delivery', '"late" parcel'] });
			const [redirect, ...more] = run.requestsTo('/redirectMemberToNode');
			assert.equal(more.length, 0);
			like(redirect, {
				method: 'POST',
				headers: { authorization: `Bearer ${identity.botApiToken}` },
				body: {
					channelId: identity.channelId,
					recipientId: '85291234567',
					redirect: { nodeCompositeId: 'pcLVb57OHsGSJmtd', sendResponse: false },
					meta: { orderId: '#1042' },
				},
			});
			like(run.items('To Delivery Node')[0], {
				recipientId: '85291234567',
				nodeCompositeId: 'pcLVb57OHsGSJmtd',
				attempts: 1,
			});
			assert.equal(run.state().redirects.length, 1);
		},
	},
	{
		workflow: 'media.json',
		title: 'media → upload sends the URL and type, returns the media ID',
		check(run) {
			assert.equal(run.code, 0);
			const [item] = run.items('Upload Brochure');
			like(item, { mediaId: run.state().media[0]?.mediaId, fileType: 'file' });
			const [request] = run.requestsTo('/media-id');
			like(request, {
				method: 'PUT',
				body: {
					url: 'https://example.com/brochure.pdf',
					type: 'file',
					phoneNumberId: identity.phoneNumberId,
				},
			});
			assert.equal(run.state().media.length, 1);
		},
	},
	{
		workflow: 'phoneNumber.json',
		title:
			'phoneNumber → getDisplayNameStatus uses the channel’s phone number and the signed context',
		check(run) {
			assert.equal(run.code, 0);
			const [item] = run.items('Get Display Name Status');
			like(item, {
				verified_name: 'Sandbox Business',
				quality_rating: 'GREEN',
				messaging_limit_tier: 'TIER_1K',
			});
			const status = run.requestsTo('/whatsapp-displayname-status');
			assert.equal(status.length, 1);
			like(status[0], { method: 'GET', headers: SIGNED });
		},
	},
	{
		workflow: 'product.json',
		title: 'product → getMany with Limit 30 follows the cursor and stops at 30',
		check(run) {
			assert.equal(run.code, 0);
			const items = run.items('Get Products');
			assert.equal(items.length, 30);
			assert.equal(items[0].retailer_id, 'sku-001');
			assert.equal(items[29].retailer_id, 'sku-030');
			const pages = run.requestsTo('/products');
			assert.ok(pages.length >= 1);
			for (const page of pages)
				like(page, { method: 'GET', query: { catalogId: '1234577510532066' }, headers: SIGNED });
		},
	},
	{
		workflow: 'chain-profile.json',
		title: 'chain: update the profile, read it back, then account info and display name status',
		check(run) {
			assert.equal(run.code, 0);
			assert.deepEqual(run.items('Update Business Profile'), [{ success: true }]);
			like(run.items('Get Business Profile')[0], {
				about: 'Open 9 to 5',
				vertical: 'RETAIL',
				websites: ['https://woztell.com/blog/'],
				address: 'Sandbox Building',
			});
			like(run.items('Get WABA Info')[0], { wabaId: '422126422872292' });
			like(run.items('Get Display Name Status')[0], { verified_name: 'Sandbox Business' });
			// GET /waba-info first: the phone number ID is the credential channel's, looked up once; a
			// long-lived process (a queue worker) that looked it up in the last 5 minutes asks nothing.
			const calls = run.requests.map((r) => `${r.method} ${r.path}`);
			const lookup =
				run.longLivedProcess && calls[0] !== 'GET /waba-info' ? [] : ['GET /waba-info'];
			assert.deepEqual(calls, [
				...lookup,
				'PATCH /whatsapp-business-profile',
				'GET /whatsapp-business-profile',
				'GET /waba-info',
				'GET /whatsapp-displayname-status',
			]);
			const [patch] = run.requestsTo('/whatsapp-business-profile');
			like(patch, {
				body: {
					phoneNumberId: identity.phoneNumberId,
					profile: { messaging_product: 'whatsapp', about: 'Open 9 to 5', vertical: 'RETAIL' },
				},
			});
		},
	},
	{
		workflow: 'expression-catalog-products.json',
		title: 'expressions: a Set node maps each catalog ID into product → getMany’s catalog',
		check(run) {
			assert.equal(run.code, 0);
			assert.deepEqual(
				run.items('Map Catalog').map((i) => [i.catalog, i.label]),
				[
					['1234577510532066', 'TEST_PRODUCTS'],
					['1234577510532067', 'EMPTY_CATALOG'],
				],
			);
			const products = run.items('Get Products');
			assert.equal(products.length, 60);
			// n8n sends the items' requests at once: the two catalogs' pages may arrive in any order.
			assert.deepEqual(
				[...new Set(run.requestsTo('/products').map((r) => r.query.catalogId))].sort(),
				['1234577510532066', '1234577510532067'],
			);
		},
	},
	{
		workflow: 'continue-on-fail.json',
		title: 'Continue On Fail: the failing item carries WOZTELL’s error, the others their profiles',
		check(run) {
			assert.equal(run.code, 0);
			const items = run.items('Get Business Profile');
			assert.equal(items.length, 3);
			assert.equal(items[0].about, 'Hello from the sandbox');
			assert.match(JSON.stringify(items[1].error ?? items[1]), /Phone number 999 not found/);
			assert.equal(items[2].about, 'Hello from the sandbox');
			// n8n sends the items' requests at once: they may arrive in any order.
			assert.deepEqual(
				run
					.requestsTo('/whatsapp-business-profile')
					.map((r) => r.query.phoneNumberId)
					.sort(),
				['123124123232', '123124123232', '999'],
			);
		},
	},
	{
		workflow: 'error-bad-token.json',
		title: 'a refused token fails the workflow (exit 1) with WOZTELL’s message',
		check(run) {
			assert.equal(run.code, 1, 'n8n execute must exit 1');
			const error = run.result?.data?.resultData?.error;
			assert.ok(error, `no workflow error in: ${run.stdout.slice(-400)}`);
			assert.match(`${error.message} ${error.description ?? ''}`, /token|401|refused|invalid/i);
			like(run.requests[0], {
				method: 'GET',
				path: '/waba-info',
				query: { accessToken: 'not-a-valid-token' },
			});
		},
	},
	{
		workflow: 'template-chain.json',
		title: 'template chain: create → list → update → delete → list again',
		check(run) {
			assert.equal(run.code, 0);
			const [created] = run.items('Create Template');
			assert.ok(created?.id, `create output: ${JSON.stringify(created)}`);
			const listed = run.items('List Templates');
			assert.deepEqual(
				listed.map((t) => [t.name, t.languages]),
				[['order_update', ['en_US']]],
			);
			assert.deepEqual(run.items('Update Template'), [{ success: true }]);
			assert.deepEqual(run.items('Delete Template'), [{ success: true }]);
			assert.deepEqual(run.items('List Templates After'), [{}]);
			const writes = run.requestsTo('/whatsapp-message-template');
			assert.deepEqual(
				writes.map((r) => r.method),
				['PUT', 'PATCH', 'DELETE'],
			);
			like(writes[0].body, {
				name: 'order_update',
				language: 'en_US',
				category: 'UTILITY',
				components: [{ type: 'BODY', text: 'Your order has shipped' }],
			});
			like(writes[1].body, {
				messageTemplateId: created.id,
				messageTemplateName: 'order_update',
				messageTemplateLanguage: 'en_US',
				components: [{ type: 'BODY', text: 'Your order is on its way' }],
			});
			like(writes[2].body, { name: 'order_update' });
			assert.equal(run.state().templates.length, 0);
		},
	},
	{
		workflow: 'flow-chain.json',
		title: 'flow chain: create, then Flow JSON and get by the ID a Set node keeps (expressions)',
		check(run) {
			assert.equal(run.code, 0);
			const [created] = run.items('Create Flow');
			assert.ok(created?.id, `create output: ${JSON.stringify(created)}`);
			like(run.items('Keep Flow ID')[0], { flow: created.id });
			like(run.requestsTo('/create-flow')[0], {
				method: 'PUT',
				body: { data: { name: 'Feedback', categories: ['SURVEY'] } },
				headers: SIGNED,
			});
			const [upload] = run.requestsTo('/flow-json');
			assert.equal(upload.method, 'PATCH');
			assert.equal(
				JSON.stringify(upload.body).includes(created.id),
				true,
				`flow-json body: ${JSON.stringify(upload.body).slice(0, 300)}`,
			);
			like(run.requestsTo('/flow-detail')[0], { method: 'GET', query: { flowId: created.id } });
			const [flow] = run.items('Get Flow');
			like(flow, { id: created.id, name: 'Feedback' });
			assert.deepEqual(
				run
					.state()
					.flows.find((f) => f.id === created.id)
					.json.screens.map((s) => s.id),
				['QUESTION', 'THANKS'],
			);
		},
	},
	{
		workflow: 'businessEncryption.json',
		title: 'businessEncryption: set the public key, then get it back with its signature status',
		check(run) {
			assert.equal(run.code, 0);
			const [set] = run
				.requestsTo('/whatsapp-business-encryption')
				.filter((r) => r.method === 'POST');
			assert.match(set.body.publicKey, /^-----BEGIN PUBLIC KEY-----/);
			like(set, { headers: SIGNED });
			const [got] = run.items('Get Public Key');
			like(got, {
				business_public_key: set.body.publicKey,
				business_public_key_signature_status: 'VALID',
			});
		},
	},
];

/**
 * The README's example workflows (examples/), each run as a user would after importing it:
 * with `n8n execute`, or, for a trigger, published in a running n8n (trigger.mjs): `published` says
 * whether it polls or receives a webhook.
 */
export const exampleCases = [
	{
		example: 'ai-agent-whatsapp-assistant.json',
		title: 'the chat question becomes a template search by the model, answered from WOZTELL',
		// Needs the scripted model: run by agent.mjs, with the agent cases.
		agent: true,
	},
	{
		example: 'template-status-alert.json',
		title:
			'published, the trigger turns a template approval and a rejection into chat messages, once',
		published: 'poll',
	},
	{
		example: 'whatsapp-menu.json',
		title:
			'published, the menu answers a text with a list, each list or button reply with its answer, a location and an image with the menu again; the trigger maps each',
		published: 'menu',
	},
	{
		example: 'whatsapp-auto-reply.json',
		title:
			'published, a signed customer message is answered through the Bot API, once; forged and unsigned events get 401 and start nothing',
		published: 'webhook',
	},
	{
		example: 'refund-approval-over-whatsapp.json',
		title:
			'published with the channel’s Message Trigger: the manager’s tap resumes the waiting run (approve, decline, forged, other number, late, replayed), the wait limit, Web Links, the AI Agent’s human review',
		// Runs on n8n's server with a Message Trigger: approval.mjs.
		published: 'approval',
	},
	{
		example: 'whatsapp-ai-assistant.json',
		title:
			'published, the AI assistant answers each customer from their own memory, hands over who asks for a person, apologises when the model fails, and answers a message delivered twice once; 20 customers at once each get their own answer',
		// Runs on n8n's server with the model double (assistant.mjs); n8n 2.x's AI Agent 3.1.
		published: 'assistant',
	},
	{
		example: 'refund-requests-to-bot.json',
		title:
			'published, a signed customer message asking for a refund tags the customer (Open API) and moves them to the Refund node (Bot API), once; another message does neither',
		published: 'refundWebhook',
	},
	{
		example: 'daily-template-status-report.json',
		title: 'daily template status report: one CSV row per template language version',
		seed(state) {
			for (const [index, name] of ['order_update', 'welcome'].entries()) {
				state.templates.push({
					id: String(1748340935544100 + index),
					name,
					language: 'en_US',
					category: 'UTILITY',
					status: index ? 'PENDING' : 'APPROVED',
					rejected_reason: 'NONE',
					quality_score: 'GREEN',
					components: [{ type: 'BODY', text: `Hello from ${name}` }],
					createdAt: index,
					editedAt: [],
				});
			}
		},
		check(run) {
			assert.equal(run.code, 0);
			assert.ok(run.requestsTo('/whatsapp-message-templates').length >= 1);
			const rows = run.items('Template Status Row');
			assert.equal(rows.length, 2);
			assert.ok(run.items('Convert to CSV').length >= 1);
		},
	},
	{
		example: 'analytics-summary.json',
		title: 'analytics summary: the week’s data points added up',
		check(run) {
			assert.equal(run.code, 0);
			like(run.requestsTo('/conversation-analytics')[0], { method: 'GET', headers: SIGNED });
			assert.equal(run.items('Summary').length, 1);
		},
	},
	{
		example: 'flow-publish-pipeline.json',
		title: 'flow publish pipeline: create, upload valid JSON, publish, preview',
		check(run) {
			assert.equal(run.code, 0);
			assert.deepEqual(
				run.requests.map((request) => `${request.method} ${request.path}`),
				['PUT /create-flow', 'PATCH /flow-json', 'POST /publish-flow', 'GET /flow-preview'],
			);
			assert.equal(run.state().flows[0].status, 'PUBLISHED');
			assert.ok(run.items('Get Preview')[0].preview_url);
		},
	},
];
