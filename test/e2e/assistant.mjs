// The WhatsApp AI assistant example (examples/whatsapp-ai-assistant.json), published in a real
// n8n and driven as customers drive it: the sandbox delivers signed inbound messages, the scripted
// OpenAI-compatible double (openaiDouble.mjs) plays the model, and what reaches the sandbox's Bot
// API is what the customers got. The double's model answers each message by quoting it and the
// earlier user messages it was given (the agent's memory), hands a customer who asks for a person
// over with the example's tool, and fails with HTTP 500 when a message asks it to.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PACKAGE_NAME, repoRoot } from '../../scripts/n8n-install.mjs';
import { isFinishedExecution, waitFor } from '../../scripts/n8n-process.mjs';

export const ASSISTANT_EXAMPLE = 'whatsapp-ai-assistant.json';
const MINUTE_MS = 60_000;
const TOOL_TYPE = `${PACKAGE_NAME}.woztellWhatsAppCloudTool`;
const MEMORY_TYPE = '@n8n/n8n-nodes-langchain.memoryBufferWindow';
const MODEL_TYPE = '@n8n/n8n-nodes-langchain.lmChatOpenAi';
const HAND_OVER_TEXT = 'I am handing you over to a colleague, who will answer here shortly.';
const APOLOGY = "Sorry, I can't answer right now. A colleague will get back to you here soon.";
/** A message holding this makes the scripted model fail. */
const MODEL_FAILS = 'model-down';

/** The text of a Responses API input entry: a string, or parts of type input_text. */
const textOf = (content) =>
	typeof content === 'string' ? content : (content ?? []).map((part) => part.text ?? '').join('');

/**
 * The scripted model: the last user message is the customer's; earlier user messages come from
 * the agent's memory. Asked for a person, it calls the hand-over tool once, then says so.
 */
export function assistantModel(body) {
	const input = body.input ?? [];
	const said = input.filter((entry) => entry.role === 'user').map((entry) => textOf(entry.content));
	const last = said.at(-1) ?? '';
	if (last.includes(MODEL_FAILS)) return { status: 500 };
	if (/\b(person|human|colleague)\b/i.test(last)) {
		if (input.some((entry) => entry.type === 'function_call_output'))
			return { text: HAND_OVER_TEXT };
		const tool = (body.tools ?? []).find((candidate) => candidate.name.startsWith('Hand_Over'));
		assert.ok(tool, `no hand-over tool among ${(body.tools ?? []).map((t) => t.name)}`);
		return { call: { name: tool.name, arguments: {} } };
	}
	const earlier = said.slice(0, -1);
	return {
		text: `About "${last}": noted. ${earlier.length ? `You told me before: ${earlier.map((text) => `"${text}"`).join(', ')}.` : 'This is the first thing you told me.'}`,
	};
}

/**
 * The example as a user sets it up: the sandbox credential on every WOZTELL node and tool, the
 * double's on the model; in queue mode (`memory` given) n8n's Postgres Chat Memory with the same
 * key replaces Simple Memory, which n8n keeps in each process.
 */
export function assistantWorkflow({ id, woztellCredentials, openAiCredentials, memory }) {
	const workflow = JSON.parse(
		fs.readFileSync(path.join(repoRoot, 'examples', ASSISTANT_EXAMPLE), 'utf8'),
	);
	const nodes = workflow.nodes.map((node) => {
		if (node.type.startsWith(`${PACKAGE_NAME}.`))
			return { ...node, credentials: woztellCredentials };
		if (node.type === MODEL_TYPE) return { ...node, credentials: openAiCredentials };
		if (node.type === MEMORY_TYPE && memory) {
			return {
				...node,
				type: '@n8n/n8n-nodes-langchain.memoryPostgresChat',
				parameters: { ...node.parameters, tableName: 'woztell_assistant_memory' },
				credentials: { postgres: memory },
			};
		}
		return node;
	});
	assert.ok(
		nodes.filter((node) => node.type === TOOL_TYPE).length >= 4,
		`${ASSISTANT_EXAMPLE} lost its tools`,
	);
	return { ...workflow, id, nodes };
}

/** A signed inbound text from a sandbox member, as WOZTELL delivers it. */
function inboundText(sandbox, member, text, timestamp = Date.now()) {
	return {
		from: member.externalId,
		to: sandbox.state.wabaInfo.phoneNumber,
		timestamp,
		type: 'TEXT',
		data: { text },
		member: member._id,
		channel: sandbox.state.identity.channelId,
		app: sandbox.state.identity.appId,
		memberExtraData: {},
	};
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Publishes the imported assistant workflow `id` at `n8nUrl` and proves it; returns the
 * event → answer seconds of the 20 customers who wrote at once. `double` is the model double.
 */
export async function assistantAnswers({ rest, sandbox, double, id, n8nUrl, log }) {
	sandbox.reset();
	double.script(assistantModel);
	const { nodes } = await rest.publish(id);
	const { webhookId } = nodes.find((node) =>
		node.type.endsWith('.woztellWhatsAppCloudMessageTrigger'),
	);
	const url = `${n8nUrl}/webhook/${webhookId}/webhook`;
	const members = sandbox.state.members;
	const textsTo = (member) =>
		sandbox.state.sentResponses
			.filter((sent) => sent.memberId === member._id)
			.flatMap((sent) => sent.response.map((entry) => entry.text));
	const deliver = async (member, text, timestamp) => {
		const event = inboundText(sandbox, member, text, timestamp);
		const { delivery } = await sandbox.admin.deliverWebhook({ url, event });
		assert.equal(delivery.status, 200, delivery.body);
		return event;
	};
	/** Waits for a customer's nth answer and returns it. */
	const answer = async (member, count = 1) =>
		(
			await waitFor(
				`answer ${count} to ${member.externalId}`,
				() => textsTo(member).length >= count && textsTo(member),
				2 * MINUTE_MS,
			)
		)[count - 1];
	const settled = async () => {
		await waitFor(
			'every execution to finish',
			async () => (await rest.executionsOf(id)).every(isFinishedExecution),
			2 * MINUTE_MS,
		);
		await sleep(1000);
	};

	try {
		await waitFor(
			'the webhook to be registered',
			async () =>
				(await sandbox.admin.deliverWebhook({ url, signature: 'none' })).delivery.status !== 404,
			30_000,
		);

		// Memory: the second message is answered with the first in memory; another customer's holds neither.
		const [ada, bo] = [members[1], members[2]];
		await deliver(ada, 'My name is Ada and I ordered a red lamp.');
		await waitFor('the model to be asked', () => double.requests.length > 0, MINUTE_MS);
		assert.deepEqual(double.requests[0].body.tools.map((tool) => tool.name).sort(), [
			'Hand_Over_to_a_Person',
			'Look_Up_the_Customer',
			'Read_the_Conversation',
			'Send_a_Template',
		]);
		assert.equal(
			await answer(ada),
			'About "My name is Ada and I ordered a red lamp.": noted. This is the first thing you told me.',
		);
		await deliver(ada, 'Where is my lamp?');
		const second = await answer(ada, 2);
		assert.match(second, /You told me before: "My name is Ada and I ordered a red lamp\."/);
		await deliver(bo, 'Where is my lamp?');
		assert.equal(
			await answer(bo),
			'About "Where is my lamp?": noted. This is the first thing you told me.',
		);

		// The same event delivered twice, then replayed byte for byte: one answer.
		const cy = members[3];
		const event = await deliver(cy, 'Do you ship to Macau?');
		await answer(cy);
		await settled();
		await deliver(cy, event.data.text, event.timestamp);
		const { delivery: replayed } = await sandbox.admin.deliverWebhook({ url, replay: true });
		assert.equal(replayed.status, 200, replayed.body);
		await settled();
		assert.equal(textsTo(cy).length, 1, `${cy.externalId} got ${textsTo(cy).length} answers`);
		// Past Remove Duplicates once: the model was asked about it once.
		const asked = double.requests.filter((request) =>
			(request.body.input ?? []).some(
				(entry) => entry.role === 'user' && textOf(entry.content) === 'Do you ship to Macau?',
			),
		);
		assert.equal(asked.length, 1, `the agent ran ${asked.length} times for one message`);

		// 20 customers at once: each exactly one answer, their own.
		const crowd = members.slice(10, 30);
		const sentAt = new Map();
		await Promise.all(
			crowd.map(async (member, index) => {
				sentAt.set(member._id, Date.now());
				await deliver(member, `Order question ${index + 1}`);
			}),
		);
		await waitFor(
			'an answer to each of the 20 customers',
			() => crowd.every((member) => textsTo(member).length >= 1),
			3 * MINUTE_MS,
		);
		await settled();
		const seconds = [];
		for (const [index, member] of crowd.entries()) {
			assert.deepEqual(textsTo(member), [
				`About "Order question ${index + 1}": noted. This is the first thing you told me.`,
			]);
			const reply = sandbox.requests.find(
				(request) => request.path === '/sendResponses' && request.body.memberId === member._id,
			);
			seconds.push((reply.receivedAt - sentAt.get(member._id)) / 1000);
		}

		// Asking for a person: the hand-over tool redirects the member, who gets the hand-over text.
		const di = members[4];
		await deliver(di, 'Can I talk to a person please?');
		assert.equal(await answer(di), HAND_OVER_TEXT);
		const redirects = sandbox.state.redirects.filter((redirect) => redirect.member === di._id);
		assert.equal(redirects.length, 1, JSON.stringify(sandbox.state.redirects));
		assert.equal(redirects[0].redirect.nodeCompositeId, 'TJRgXhTjGRPynfxq');

		// The model failing: the customer gets the apology, once.
		const ed = members[5];
		await deliver(ed, `Hello? (${MODEL_FAILS})`);
		assert.equal(await answer(ed), APOLOGY);
		await settled();
		assert.equal(textsTo(ed).length, 1);

		const figures = { median: median(seconds), worst: Math.max(...seconds) };
		log(
			`assistant: event → answer over 20 customers at once: median ${figures.median.toFixed(1)} s, worst ${figures.worst.toFixed(1)} s`,
		);
		return figures;
	} finally {
		await rest.call('POST', `/workflows/${id}/deactivate`, {});
	}
}
