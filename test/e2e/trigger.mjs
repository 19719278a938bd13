// The triggers as users run them, published in a running n8n and read back through n8n's REST API:
// - the polling trigger's example on n8n's shortest Poll Times (every minute): its first poll, at
//   publication, records the templates; a change in the sandbox must start exactly one execution;
// - the Message Trigger's example: the sandbox delivers the channel's webhook events to n8n's
//   production URL as WOZTELL does; a signed one is answered through the Bot API, a forged or
//   unsigned one gets 401 and starts nothing.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { n8nHome } from '../../scripts/n8n-install.mjs';
import { isFinishedExecution, waitFor } from '../../scripts/n8n-process.mjs';

const require = createRequire(path.join(n8nHome, 'node_modules', 'n8n', 'package.json'));
const { parse } = require('flatted');

const MINUTE_MS = 60_000;

function seedTemplate(state, name, status) {
	state.templates.push({
		id: String(1748340935544900 + state.templates.length),
		name,
		language: 'en_US',
		category: 'MARKETING',
		status,
		rejected_reason: 'NONE',
		quality_score: 'UNKNOWN',
		components: [{ type: 'BODY', text: `Hello from ${name}` }],
		createdAt: state.templates.length,
		editedAt: [],
	});
}

/**
 * Publishes the imported workflow `id` (the trigger example, with the sandbox credential) and
 * checks one change is delivered once. Returns the seconds from the change to the finished execution.
 */
export async function publishedTriggerDeliversOnce({ rest, sandbox, id }) {
	sandbox.reset();
	seedTemplate(sandbox.state, 'order_update', 'PENDING');
	seedTemplate(sandbox.state, 'reject_offer', 'PENDING');
	const templateLists = () =>
		sandbox.requests.filter((request) => request.path === '/whatsapp-message-templates').length;

	await rest.publish(id);
	const executions = () => rest.executionsOf(id);
	try {
		// Publication runs the first poll: the baseline, which starts nothing.
		await waitFor('the first poll', () => templateLists() >= 1, 30_000);
		assert.deepEqual(await executions(), []);

		sandbox.admin.template({ name: 'order_update', status: 'APPROVED' });
		sandbox.state.templates.find(({ name }) => name === 'reject_offer').reviewAt = Date.now();
		const changedAt = Date.now();
		const execution = await waitFor(
			'the execution of the change',
			async () => (await executions()).find(isFinishedExecution),
			2 * MINUTE_MS,
		);
		const seconds = (Date.now() - changedAt) / 1000;
		assert.equal(execution.status, 'success', JSON.stringify(execution));
		assert.equal(execution.mode, 'trigger');

		const detail = (await rest.call('GET', `/executions/${execution.id}`)).body.data;
		const runData = parse(detail.data).resultData.runData;
		const texts = runData['Chat Message'][0].data.main[0].map((item) => item.json.text);
		assert.deepEqual(texts, [
			'📣 Template order_update (en_US) is now APPROVED (was PENDING)',
			'📣 Template reject_offer (en_US) is now REJECTED (was PENDING). Reason: INVALID_FORMAT',
		]);

		// The next poll finds nothing new: still one execution.
		const listsSoFar = templateLists();
		await waitFor('the next poll', () => templateLists() > listsSoFar, 2 * MINUTE_MS);
		await sleep(3_000);
		assert.equal((await executions()).length, 1, 'the change was delivered more than once');
		return seconds;
	} finally {
		await rest.call('POST', `/workflows/${id}/deactivate`, {});
	}
}

/**
 * Publishes the imported workflow `id` (the auto-reply example, with the sandbox credential) on the
 * n8n at `n8nUrl`; forged and unsigned events must get 401 and start nothing, a signed body that is
 * not an event 400, a signed customer message `{"received":true}` and exactly one execution whose
 * reply reaches the Bot API. Returns that execution.
 */
/**
 * Publishes the imported workflow `id` that starts at a Message Trigger and waits until n8n takes
 * its webhook; resolves with the production URL.
 */
async function publishWebhookWorkflow({ rest, sandbox, id, n8nUrl }) {
	const { nodes } = await rest.publish(id);
	const { webhookId } = nodes.find((node) =>
		node.type.endsWith('.woztellWhatsAppCloudMessageTrigger'),
	);
	const url = `${n8nUrl}/webhook/${webhookId}/webhook`;
	// n8n registers a just-published workflow's webhook shortly after answering the publish.
	await waitFor(
		'the webhook to be registered',
		async () =>
			(await sandbox.admin.deliverWebhook({ url, signature: 'none' })).delivery.status !== 404,
		30_000,
	);
	return url;
}

export async function publishedWebhookReplies({ rest, sandbox, id, n8nUrl }) {
	sandbox.reset();
	const executions = () => rest.executionsOf(id);
	try {
		const url = await publishWebhookWorkflow({ rest, sandbox, id, n8nUrl });
		for (const signature of ['forged', 'none']) {
			const { delivery } = await sandbox.admin.deliverWebhook({
				url,
				signature,
				text: 'Refund me',
			});
			assert.equal(delivery.status, 401, `${signature}: ${delivery.body}`);
		}
		// A signed body that is not one JSON object: refused, nothing started.
		const notAnEvent = await sandbox.admin.deliverWebhook({ url, body: '[{"type":"TEXT"}]' });
		assert.equal(notAnEvent.delivery.status, 400, notAnEvent.delivery.body);
		const { delivery } = await sandbox.admin.deliverWebhook({ url, text: 'Where is my order?' });
		assert.equal(delivery.status, 200, delivery.body);
		assert.deepEqual(JSON.parse(delivery.body), { received: true });
		const execution = await waitFor(
			'the execution of the customer message',
			async () => (await executions()).find(isFinishedExecution),
			MINUTE_MS,
		);
		assert.equal(execution.status, 'success', JSON.stringify(execution));
		assert.equal(execution.mode, 'webhook');
		const member = sandbox.state.webhookDeliveries.at(-1).event.member;
		assert.deepEqual(
			sandbox.state.sentResponses.map(({ memberId, response }) => ({ memberId, response })),
			[
				{
					memberId: member,
					response: [
						{
							type: 'TEXT',
							text: 'Thanks for your message "Where is my order?". An agent will answer shortly.',
						},
					],
				},
			],
		);
		await sleep(2_000);
		assert.equal((await executions()).length, 1, 'a refused event started an execution');
		return execution;
	} finally {
		await rest.call('POST', `/workflows/${id}/deactivate`, {});
	}
}

/**
 * Publishes the imported workflow `id` (the refund example, with the sandbox credential): a
 * customer message without "refund" starts an execution that tags and redirects nobody; one with
 * it tags the sender `refund` through the Open API and moves them to the sandbox tree's Refund
 * node through the Bot API, once. Returns the second execution.
 */
export async function publishedRefundRedirects({ rest, sandbox, id, n8nUrl }) {
	sandbox.reset();
	const executions = () => rest.executionsOf(id);
	const customer = sandbox.state.members[0];
	const [tree] = sandbox.state.trees;
	const refundNode = tree.nodes.find(({ name }) => name === 'Refund');
	const inbound = (text, messageId) => ({
		from: customer.externalId,
		to: sandbox.state.wabaInfo.phoneNumber,
		timestamp: Date.now(),
		type: 'TEXT',
		data: { text },
		messageId,
		member: customer._id,
		channel: sandbox.state.identity.channelId,
		app: sandbox.state.identity.appId,
	});
	const finished = async (count) =>
		await waitFor(
			`execution ${count} to finish`,
			async () => {
				const done = (await executions()).filter(isFinishedExecution);
				return done.length >= count ? done : undefined;
			},
			MINUTE_MS,
		);
	try {
		const url = await publishWebhookWorkflow({ rest, sandbox, id, n8nUrl });
		const { delivery: other } = await sandbox.admin.deliverWebhook({
			url,
			event: inbound('Where is my order?', 'wamid.order1'),
		});
		assert.equal(other.status, 200, other.body);
		const [first] = await finished(1);
		assert.equal(first.status, 'success', JSON.stringify(first));
		assert.deepEqual(sandbox.state.redirects, []);
		assert.equal(customer.tags.includes('refund'), false);

		const text = 'The parcel came damaged, I want a REFUND please';
		const { delivery } = await sandbox.admin.deliverWebhook({
			url,
			event: inbound(text, 'wamid.refund1'),
		});
		assert.equal(delivery.status, 200, delivery.body);
		const done = await finished(2);
		const execution = done.find(({ id: executionId }) => executionId !== first.id);
		assert.equal(execution.status, 'success', JSON.stringify(execution));
		assert.equal(execution.mode, 'webhook');
		assert.ok(customer.tags.includes('refund'), `tags: ${customer.tags}`);
		const tagging = sandbox.requests.filter(
			(request) => request.api === 'openApi' && /addMemberTags/.test(request.body?.query ?? ''),
		);
		assert.equal(tagging.length, 1);
		assert.deepEqual(tagging[0].body.variables, {
			input: { channel: customer.channelId, externalId: customer.externalId, tags: ['refund'] },
		});
		assert.deepEqual(sandbox.state.redirects, [
			{
				channelId: customer.channelId,
				memberId: undefined,
				recipientId: customer.externalId,
				redirect: {
					tree: tree._id,
					nodeCompositeId: refundNode.compositeId,
					runPreAction: true,
					sendResponse: true,
					runPostAction: true,
				},
				meta: { customerMessage: text, messageId: 'wamid.refund1' },
				member: customer._id,
				node: 'Refund',
			},
		]);
		assert.equal(customer.botMeta.nodeCompositeId, refundNode.compositeId);
		await sleep(2_000);
		assert.equal((await executions()).length, 2, 'a message started more than one execution');
		return execution;
	} finally {
		await rest.call('POST', `/workflows/${id}/deactivate`, {});
	}
}

/**
 * Publishes the menu example (`id`) on the n8n at `n8nUrl` and plays a customer through it: each
 * delivery is one execution whose Message Trigger item carries what the customer sent (text, a
 * list reply, a button reply, a location, an image) and whose answer reaches the Bot API.
 * Returns how many executions it checked.
 */
export async function publishedMenuAnswers({ rest, sandbox, id, n8nUrl }) {
	sandbox.reset();
	const { nodes } = await rest.publish(id);
	const { webhookId } = nodes.find((node) =>
		node.type.endsWith('.woztellWhatsAppCloudMessageTrigger'),
	);
	const url = `${n8nUrl}/webhook/${webhookId}/webhook`;
	const menu = (entry) => entry.type === 'WHATSAPP_LIST' && entry.action.button === 'Menu';
	const customer = [
		{ send: { text: 'Hi' }, received: { messageType: 'TEXT', text: 'Hi' }, answer: menu },
		{
			send: { sample: 'listReply' },
			received: { reply: { id: 'opening_hours', title: 'Opening hours' } },
			answer: (entry) => entry.type === 'TEXT' && /open Monday/.test(entry.text),
		},
		{
			send: { sample: 'listReply', data: { payload: 'find_a_shop', text: 'Find a shop' } },
			received: { reply: { id: 'find_a_shop', title: 'Find a shop' } },
			answer: (entry) => entry.type === 'LOCATION' && entry.latitude === 22.2783,
		},
		{
			send: { sample: 'buttonReply', data: { payload: 'talk_to_us', text: 'Talk to us' } },
			received: { reply: { id: 'talk_to_us', title: 'Talk to us' } },
			answer: (entry) => entry.type === 'TEXT' && /agent/.test(entry.text),
		},
		{
			send: { sample: 'location' },
			received: {
				messageType: 'LOCATION',
				location: {
					latitude: 22.2783,
					longitude: 114.1747,
					name: 'Sandbox Coffee',
					address: 'Central',
				},
			},
			answer: menu,
		},
		{
			send: { sample: 'image' },
			received: {
				messageType: 'IMAGE',
				media: [
					{
						type: 'IMAGE',
						waMediaId: null,
						fileId: '6662bd2f4c0c1c00123a9f01',
						caption: 'My receipt',
					},
				],
			},
			answer: menu,
		},
	];
	try {
		await waitFor(
			'the webhook to be registered',
			async () =>
				(await sandbox.admin.deliverWebhook({ url, signature: 'none' })).delivery.status !== 404,
			30_000,
		);
		for (const [index, step] of customer.entries()) {
			const { delivery } = await sandbox.admin.deliverWebhook({ url, ...step.send });
			assert.equal(delivery.status, 200, delivery.body);
			const execution = await waitFor(
				`the execution of delivery ${index + 1}`,
				async () => {
					const finished = (await rest.executionsOf(id)).filter(isFinishedExecution);
					return finished.length > index && finished.sort((a, b) => b.id - a.id)[0];
				},
				MINUTE_MS,
			);
			assert.equal(execution.status, 'success', JSON.stringify(execution));
			const detail = (await rest.call('GET', `/executions/${execution.id}`)).body.data;
			const runData = parse(detail.data).resultData.runData;
			const [item] = runData['Customer Wrote'][0].data.main[0].map(({ json }) => json);
			for (const [key, value] of Object.entries(step.received))
				assert.deepEqual(item[key], value, `delivery ${index + 1}: ${key}`);
			const sent = sandbox.state.sentResponses;
			assert.equal(sent.length, index + 1, `delivery ${index + 1} was answered once`);
			const [answer] = sent[index].response;
			assert.ok(step.answer(answer), `delivery ${index + 1} answered ${JSON.stringify(answer)}`);
		}
		return customer.length;
	} finally {
		await rest.call('POST', `/workflows/${id}/deactivate`, {});
	}
}
