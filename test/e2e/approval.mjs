// Message → Send and Wait for Approval in a running n8n, as users run it: the refund approval
// example (its Manual Trigger started through a production webhook, so that its run is saved,
// waits and resumes on n8n's server, on a worker in queue mode) and a published Message Trigger of
// the channel. The sandbox sends the manager's taps to the trigger's production URL, signed as
// WOZTELL signs them; the trigger resumes the waiting execution through n8n's signed resume URL.
// Also: the wait limit (n8n's WaitTracker), the Web Links fallback opened like a browser, and the
// node as the AI Agent's human review step (its HitlTool) approving and declining a tool call.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { n8nHome, PACKAGE_NAME } from '../../scripts/n8n-install.mjs';
import {
	CREDENTIAL_TYPE,
	isFinishedExecution,
	SANDBOX_CREDENTIAL_ID,
	SANDBOX_CREDENTIAL_NAME,
	waitFor,
} from '../../scripts/n8n-process.mjs';
import { agentWorkflow, TOOLS, toolName } from './agent.mjs';
import { FINAL_TEXT_PREFIX } from './openaiDouble.mjs';
import { startedByWebhook, webhookPathOf } from './webhookStart.mjs';

const { parse } = createRequire(path.join(n8nHome, 'node_modules', 'n8n', 'package.json'))(
	'flatted',
);

export const APPROVAL_EXAMPLE = 'refund-approval-over-whatsapp.json';
const MANAGER = '85291234567';
const CUSTOMER = '85298765432';
const ASK = 'Ask the Manager';
const APPROVED_TEXT = 'Refund approved: €240 for order 1042 is on its way back to you.';
const declinedText = (when) =>
	`About your refund for order 1042: a colleague will call you ${when}.`;
const MINUTE_MS = 60_000;
const TRIGGER_WEBHOOK_ID = '0a8c5a52-3f0e-4d2b-9a51-7c2d1e6b4f10';
const credentials = {
	[CREDENTIAL_TYPE]: { id: SANDBOX_CREDENTIAL_ID, name: SANDBOX_CREDENTIAL_NAME },
};
const HITL_TYPE = `${PACKAGE_NAME}.woztellWhatsAppCloudHitlTool`;
const ABOUT = 'Open 9 to 5, Monday to Friday';
/** The model's call of the gated tool: its own arguments, and none for the human review. */
const profileCall = {
	name: toolName(TOOLS.profile),
	arguments: { toolParameters: { about: ABOUT }, hitlParameters: {} },
};

/** The channel's Message Trigger, published: customer messages and the bot's own, kept as items. */
function triggerWorkflow() {
	return {
		id: 'wozApprovalTrig01',
		name: 'e2e approval: the channel’s Message Trigger',
		nodes: [
			{
				id: 'message-trigger',
				name: 'Channel Webhook',
				type: `${PACKAGE_NAME}.woztellWhatsAppCloudMessageTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: TRIGGER_WEBHOOK_ID,
				parameters: { events: ['inboundMessage', 'outboundMessage'] },
				credentials,
			},
			{
				id: 'keep',
				name: 'Keep',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: { 'Channel Webhook': { main: [[{ node: 'Keep', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** AI Agent → Update Business Profile, gated by the node's human review (n8n's HitlTool of it). */
function humanReviewWorkflow(id = 'wozApprovalAgent1', reviewParameters = {}) {
	const workflow = agentWorkflow(
		id,
		'Set our About text to say we are open 9 to 5, Monday to Friday.',
		TOOLS.profile,
	);
	const review = {
		id: 'human-review',
		name: 'Human Review',
		type: HITL_TYPE,
		typeVersion: 1,
		position: [360, 440],
		// n8n's default message writes the tool's input as "[object Object]" (n8n 2.41.1): README.
		parameters: {
			recipient: MANAGER,
			message:
				'=The agent wants to run {{ $tool.name }} with {{ JSON.stringify($tool.parameters) }}',
			...reviewParameters,
		},
		credentials,
	};
	return {
		...workflow,
		name: 'e2e approval: the AI Agent’s human review on WhatsApp',
		nodes: [...workflow.nodes, review],
		connections: {
			...workflow.connections,
			[TOOLS.profile.name]: { ai_tool: [[{ node: review.name, type: 'ai_tool', index: 0 }]] },
			[review.name]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
	};
}

/**
 * The suite's workflows, to import: the example as users import it (with the sandbox credential),
 * two variants of it (a one-minute wait limit; Web Links), the channel's Message Trigger and,
 * with `agent`, the human review.
 */
export function approvalWorkflows(runnableExample, { agent = true } = {}) {
	const example = runnableExample(APPROVAL_EXAMPLE);
	const variant = (id, name, parameters) => ({
		...example,
		id,
		name: `${example.name} (${name})`,
		nodes: example.nodes.map((node) =>
			node.name === ASK ? { ...node, parameters: { ...node.parameters, ...parameters } } : node,
		),
	});
	return {
		buttons: startedByWebhook(example),
		timeout: startedByWebhook(
			variant('wozApprovalTime01', 'waits one minute', {
				waitOptions: { limitWaitTime: { values: { amount: 1, unit: 'minutes' } } },
			}),
		),
		links: startedByWebhook(variant('wozApprovalLink01', 'Web Links', { answerWith: 'links' })),
		trigger: triggerWorkflow(),
		...(agent
			? {
					agent: startedByWebhook(humanReviewWorkflow()),
					agentTimeout: startedByWebhook(
						humanReviewWorkflow('wozApprovalAgTime', {
							waitOptions: { limitWaitTime: { values: { amount: 1, unit: 'minutes' } } },
						}),
					),
				}
			: {}),
	};
}

/** Polls `check` every 50 ms: the figures below are measured with it. */
async function soon(what, check, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`gave up after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(50);
	}
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Runs the suite against the n8n at `n8nUrl` whose REST API `rest` serves; `workflows` are
 * approvalWorkflows(), imported. `onResumed(executionId, requests)` checks, in queue mode, where
 * the resumed execution ran. `double` is the scripted model of the agent cases (agent.mjs).
 */
export async function runApprovalSuite({
	rest,
	sandbox,
	n8nUrl,
	workflows,
	test,
	log,
	double,
	onResumed = async () => {},
}) {
	sandbox.reset();
	const published = Object.values(workflows);
	for (const workflow of published) await rest.publish(workflow.id);
	const triggerUrl = `${n8nUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
	const figures = [];
	try {
		await waitFor(
			'the Message Trigger’s webhook to be registered',
			async () =>
				(await sandbox.admin.deliverWebhook({ url: triggerUrl, signature: 'none' })).delivery
					.status !== 404,
			30_000,
		);
		const triggerRuns = async () => (await rest.executionsOf(workflows.trigger.id)).length;

		/** Starts a run of `workflow`; resolves once it waits, with the message it sent. */
		async function ask(workflow) {
			const before = new Set((await rest.executionsOf(workflow.id)).map(({ id }) => id));
			const sentBefore = sandbox.state.sentResponses.length;
			const response = await fetch(`${n8nUrl}/webhook/${webhookPathOf(workflow.id)}`, {
				method: 'POST',
			});
			assert.equal(response.status, 200, await response.text());
			const execution = await waitFor(
				'the run to wait for its answer',
				async () =>
					(await rest.executionsOf(workflow.id)).find(
						({ id, status }) => !before.has(id) && status === 'waiting',
					),
				MINUTE_MS,
			);
			const sent = sandbox.state.sentResponses.slice(sentBefore);
			assert.equal(sent.length, 1, `the run sent ${sent.length} messages before waiting`);
			return { executionId: execution.id, sent: sent[0] };
		}
		const statusOf = async (workflow, executionId) =>
			(await rest.executionsOf(workflow.id)).find(({ id }) => id === executionId);
		async function runDataOf(executionId) {
			const detail = (await rest.call('GET', `/executions/${executionId}`)).body.data;
			return parse(detail.data).resultData.runData;
		}
		const outputOf = (runData, node) =>
			runData[node]?.[0]?.data?.main?.[0]?.map((item) => item.json);
		const textsTo = (recipientId) =>
			sandbox.state.sentResponses
				.filter((sent) => sent.recipientId === recipientId)
				.map(({ response }) => response[0].text);

		/** Taps, then measures the time to the workflow's next message and to the finished execution. */
		async function tapAndFinish(workflow, executionId, input, what, followUp) {
			const sentBefore = sandbox.state.sentResponses.length;
			const tappedAt = Date.now();
			const { delivery } = await sandbox.admin.tapButton({ url: triggerUrl, ...input });
			assert.equal(delivery.status, 200, delivery.body);
			assert.deepEqual(JSON.parse(delivery.body), { received: true, answer: 'resumed' });
			await soon(
				'the message after the answer',
				() => sandbox.state.sentResponses.slice(sentBefore).some(followUp),
				MINUTE_MS,
			);
			const toMessage = Date.now() - tappedAt;
			const execution = await soon(
				'the resumed execution to finish',
				async () => {
					const found = await statusOf(workflow, executionId);
					return found && isFinishedExecution(found) && found;
				},
				MINUTE_MS,
			);
			const toFinished = Date.now() - tappedAt;
			assert.equal(execution.status, 'success', JSON.stringify(execution));
			figures.push({ what, toMessage, toFinished });
			log(
				`approval (${what}): tap → the workflow's next message ${seconds(toMessage)}, → execution finished ${seconds(toFinished)}`,
			);
			await onResumed(executionId, sandbox.requests);
			return await runDataOf(executionId);
		}

		// The one-minute waits start first: n8n's WaitTracker ends them while the other cases run.
		let timeoutRun;
		let agentTimeoutRun;
		await test('approval: the one-minute wait is asked and waits', async () => {
			timeoutRun = await ask(workflows.timeout);
			if (workflows.agentTimeout) {
				double.script(profileCall);
				agentTimeoutRun = await ask(workflows.agentTimeout);
			}
		});

		await test(`approval: examples/${APPROVAL_EXAMPLE}: the manager taps Approve → the run resumes, the customer is told; the Message Trigger starts nothing`, async () => {
			const { executionId, sent } = await ask(workflows.buttons);
			assert.equal(sent.recipientId, MANAGER);
			const [question] = sent.response;
			assert.equal(question.type, 'WHATSAPP_REPLY_BUTTONS');
			assert.equal(question.body.text, 'Refund €240 for order 1042?');
			assert.deepEqual(
				question.action.buttons.map(({ reply }) => reply.title),
				['✓ Approve', '✗ Decline'],
			);
			for (const { reply } of question.action.buttons) {
				assert.match(reply.payload, /^n8n-wait:[\w-]+$/);
				assert.ok(reply.payload.length <= 256, `a button ID of ${reply.payload.length} characters`);
			}
			const runData = await tapAndFinish(
				workflows.buttons,
				executionId,
				{ title: '✓ Approve' },
				'approved',
				(message) => message.response[0].text === APPROVED_TEXT,
			);
			const [answer] = outputOf(runData, ASK);
			assert.equal(answer.approved, true);
			assert.equal(answer.answeredBy, MANAGER);
			assert.equal(answer.answeredWith, 'button');
			assert.equal(answer.timedOut, false);
			assert.ok(runData['Refund Approved'] && !runData['Refund Declined']);
			assert.deepEqual(textsTo(CUSTOMER), [APPROVED_TEXT]);
			assert.equal(await triggerRuns(), 0, 'the tap started the Message Trigger’s workflow');
		});

		await test('approval: the manager taps Decline → the run resumes declined', async () => {
			const { executionId } = await ask(workflows.buttons);
			const runData = await tapAndFinish(
				workflows.buttons,
				executionId,
				{ title: '✗ Decline' },
				'declined',
				(message) => message.response[0].text === declinedText('today'),
			);
			assert.equal(outputOf(runData, ASK)[0].approved, false);
			assert.ok(runData['Refund Declined'] && !runData['Refund Approved']);
			assert.equal(await triggerRuns(), 0);
		});

		await test('approval: a forged tap and a tap from another number resume nothing; the manager’s tap does; a second tap, the other button and a replay resume nothing', async () => {
			const { executionId } = await ask(workflows.buttons);
			const [approve] = sandbox.state.sentResponses.at(-1).response[0].action.buttons;
			const forged = `${approve.reply.payload.slice(0, 60)}${approve.reply.payload[60] === 'A' ? 'B' : 'A'}${approve.reply.payload.slice(61)}`;
			for (const input of [{ payload: forged }, { from: '85290000000' }]) {
				const { delivery } = await sandbox.admin.tapButton({ url: triggerUrl, ...input });
				assert.equal(delivery.status, 200, delivery.body);
				assert.deepEqual(JSON.parse(delivery.body), { received: true, answer: 'refused' });
			}
			await sleep(2_000);
			assert.equal((await statusOf(workflows.buttons, executionId)).status, 'waiting');
			await tapAndFinish(
				workflows.buttons,
				executionId,
				{ title: '✓ Approve' },
				'approved after refused taps',
				(message) => message.response[0].text === APPROVED_TEXT,
			);
			for (const input of [{ title: '✓ Approve' }, { title: '✗ Decline' }, { replay: true }]) {
				const { delivery } = await sandbox.admin.tapButton({ url: triggerUrl, ...input });
				assert.equal(delivery.status, 200, delivery.body);
				assert.deepEqual(JSON.parse(delivery.body), { received: true, answer: 'notWaiting' });
			}
			await sleep(2_000);
			assert.deepEqual(textsTo(CUSTOMER).filter((text) => text === APPROVED_TEXT).length, 2);
			assert.equal(await triggerRuns(), 0);
		});

		await test('approval: WOZTELL’s echo of the question reaches the Message Trigger’s workflow without the buttons’ IDs', async () => {
			const { executionId } = await ask(workflows.buttons);
			const { delivery } = await sandbox.admin.echoLastSent({ url: triggerUrl });
			assert.equal(delivery.status, 200, delivery.body);
			const [echo] = await waitFor(
				'the echo’s execution',
				async () => {
					const runs = (await rest.executionsOf(workflows.trigger.id)).filter(isFinishedExecution);
					return runs.length && runs;
				},
				MINUTE_MS,
			);
			const seen = JSON.stringify(await runDataOf(echo.id));
			assert.ok(seen.includes('Refund €240 for order 1042?'), 'the echo carries the question');
			assert.ok(!seen.includes('n8n-wait:'), 'an answer button’s ID reached the workflow');
			await tapAndFinish(
				workflows.buttons,
				executionId,
				{ title: '✗ Decline' },
				'declined after an echo',
				(message) => message.response[0].text === declinedText('today'),
			);
		});

		await test('approval: Web Links (no Message Trigger needed): the manager opens the Approve link → the run resumes', async () => {
			const { executionId, sent } = await ask(workflows.links);
			const [question] = sent.response;
			assert.equal(question.type, 'TEXT');
			const links = [...question.text.matchAll(/: (http\S+)/g)].map(([, url]) => url);
			assert.equal(links.length, 2, question.text);
			for (const link of links)
				assert.match(
					link,
					/\/webhook-waiting\/\d+\/[\w-]+\?approved=(true|false)&q=[\w-]+&exp=\d+&signature=[0-9a-f]{64}$/,
				);
			const browser = { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' };
			const preview = await fetch(links[0], { headers: { 'user-agent': 'WhatsApp/2.24.1 A' } });
			assert.equal(await preview.text(), '');
			const openedAt = Date.now();
			const opened = await fetch(links[0], { headers: browser });
			assert.equal(opened.status, 200);
			assert.match(await opened.text(), /Your answer is recorded: Approved/);
			const execution = await soon(
				'the resumed execution to finish',
				async () => {
					const found = await statusOf(workflows.links, executionId);
					return found && isFinishedExecution(found) && found;
				},
				MINUTE_MS,
			);
			assert.equal(execution.status, 'success');
			log(`approval (link): opened → execution finished ${seconds(Date.now() - openedAt)}`);
			const [answer] = outputOf(await runDataOf(executionId), ASK);
			assert.equal(answer.approved, true);
			assert.equal(answer.answeredWith, 'link');
			const again = await fetch(links[1], { headers: browser });
			assert.match(await again.text(), /No action required|No longer open/i);
		});

		if (workflows.agent) {
			for (const [title, button, approved] of [
				['approves: the tool runs and its result reaches the model', '✓ Approve', true],
				['declines: the tool does not run and the model is told', '✗ Decline', false],
			]) {
				await test(`approval: the AI Agent’s human review on WhatsApp (${HITL_TYPE}): the manager ${title}`, async () => {
					const aboutBefore = 'Closed for renovation';
					sandbox.state.businessProfile.about = aboutBefore;
					const requestsBefore = sandbox.requests.length;
					const profileUpdates = () =>
						sandbox.requests
							.slice(requestsBefore)
							.filter((r) => r.path === '/whatsapp-business-profile' && r.method === 'PATCH');
					double.script(profileCall);
					const { executionId, sent } = await ask(workflows.agent);
					assert.equal(sent.recipientId, MANAGER);
					const [question] = sent.response;
					assert.equal(
						question.body.text,
						`The agent wants to run Update_Business_Profile with {"about":"${ABOUT}"}`,
					);
					assert.equal(profileUpdates().length, 0, 'the tool ran before the answer');
					const tappedAt = Date.now();
					const { delivery } = await sandbox.admin.tapButton({ url: triggerUrl, title: button });
					assert.deepEqual(JSON.parse(delivery.body), { received: true, answer: 'resumed' });
					const execution = await soon(
						'the agent to finish',
						async () => {
							const found = await statusOf(workflows.agent, executionId);
							return found && isFinishedExecution(found) && found;
						},
						2 * MINUTE_MS,
					);
					log(
						`approval (AI Agent human review, ${approved ? 'approved' : 'declined'}): tap → agent finished ${seconds(Date.now() - tappedAt)}`,
					);
					assert.equal(execution.status, 'success', JSON.stringify(execution));
					const runData = await runDataOf(executionId);
					const answer = runData['AI Agent'].at(-1).data.main[0][0].json.output;
					assert.ok(answer.startsWith(FINAL_TEXT_PREFIX), answer);
					const patches = profileUpdates();
					if (approved) {
						assert.equal(patches.length, 1);
						assert.equal(sandbox.state.businessProfile.about, ABOUT);
						assert.match(answer, /"success":true/);
					} else {
						assert.equal(patches.length, 0);
						assert.equal(sandbox.state.businessProfile.about, aboutBefore);
						assert.match(answer, /User rejected the tool call/);
					}
				});
			}
		}

		await test('approval: the one-minute wait ends at its limit → the run goes on with timedOut true; a tap after it resumes nothing', async () => {
			assert.ok(timeoutRun, 'the one-minute wait was not asked');
			const execution = await waitFor(
				'n8n to end the one-minute wait',
				async () => {
					const found = await statusOf(workflows.timeout, timeoutRun.executionId);
					return found && isFinishedExecution(found) && found;
				},
				3 * MINUTE_MS,
			);
			assert.equal(execution.status, 'success');
			const runData = await runDataOf(timeoutRun.executionId);
			const [answer] = outputOf(runData, ASK);
			assert.deepEqual(
				{ approved: answer.approved, timedOut: answer.timedOut, answeredBy: answer.answeredBy },
				{ approved: false, timedOut: true, answeredBy: null },
			);
			assert.ok(runData['Refund Declined'] && !runData['Refund Approved']);
			assert.ok(textsTo(CUSTOMER).includes(declinedText('tomorrow')));
			const [approve] = timeoutRun.sent.response[0].action.buttons;
			const { delivery } = await sandbox.admin.tapButton({
				url: triggerUrl,
				payload: approve.reply.payload,
			});
			assert.deepEqual(JSON.parse(delivery.body), { received: true, answer: 'notWaiting' });
		});

		if (agentTimeoutRun) {
			await test('approval: the AI Agent’s human review that nobody answers ends at its limit, and the model is told the call was rejected', async () => {
				const execution = await waitFor(
					'n8n to end the human review’s one-minute wait',
					async () => {
						const found = await statusOf(workflows.agentTimeout, agentTimeoutRun.executionId);
						return found && isFinishedExecution(found) && found;
					},
					3 * MINUTE_MS,
				);
				assert.equal(execution.status, 'success', JSON.stringify(execution));
				const runData = await runDataOf(agentTimeoutRun.executionId);
				const answer = runData['AI Agent'].at(-1).data.main[0][0].json.output;
				assert.match(answer, /User rejected the tool call/);
				assert.ok(!runData[TOOLS.profile.name], 'the gated tool ran');
			});
		}
	} finally {
		for (const workflow of published)
			await rest.call('POST', `/workflows/${workflow.id}/deactivate`, {});
	}
	return figures;
}
