// The trigger as users run it: the README's trigger example published in a running n8n, polling
// the sandbox on n8n's shortest Poll Times (every minute). Its first poll, at publication, records
// the templates; a change in the sandbox must start exactly one execution, read back through
// n8n's REST API.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { n8nHome } from '../../scripts/n8n-install.mjs';

const require = createRequire(path.join(n8nHome, 'node_modules', 'n8n', 'package.json'));
const { parse } = require('flatted');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const MINUTE_MS = 60_000;

/** Polls `check` every half second until it gives a value, or fails after `timeoutMs`. */
export async function waitFor(what, check, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`gave up after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(500);
	}
}

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

	const { versionId } = (await rest.call('GET', `/workflows/${id}`)).body.data ?? {};
	assert.ok(versionId, `n8n has no workflow ${id}`);
	const published = await rest.call('POST', `/workflows/${id}/activate`, { versionId });
	assert.equal(published.status, 200, JSON.stringify(published.body).slice(0, 500));
	const executions = async () => {
		const filter = encodeURIComponent(JSON.stringify({ workflowId: id }));
		return (await rest.call('GET', `/executions?filter=${filter}`)).body.data.results;
	};
	try {
		// Publication runs the first poll: the baseline, which starts nothing.
		await waitFor('the first poll', () => templateLists() >= 1, 30_000);
		assert.deepEqual(await executions(), []);

		sandbox.admin.template({ name: 'order_update', status: 'APPROVED' });
		sandbox.state.templates.find(({ name }) => name === 'reject_offer').reviewAt = Date.now();
		const changedAt = Date.now();
		const execution = await waitFor(
			'the execution of the change',
			async () =>
				(await executions()).find(({ status }) => status !== 'running' && status !== 'new'),
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
