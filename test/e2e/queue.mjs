// `npm run test:e2e -- --queue`: the packed package in n8n's queue mode, as teams run it at scale.
// A throwaway PostgreSQL and Redis (scripts/services.mjs), n8n main (webhooks, the poller) and two
// `n8n worker` processes (the executions), each with the package installed in its own user folder.
// Every workflow is started by a Webhook node on main, so its execution is queued; results are read
// through n8n's REST API from the shared Postgres, and the workers' logs say which ran what.
// The sandbox's requests are attributed to the n8n process whose socket sent them (/proc).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../../scripts/n8n-install.mjs';
import {
	CREDENTIAL_TYPE,
	credentialImport,
	freePort,
	n8nEnv,
	restClient,
	runN8nOrThrow,
	SANDBOX_CREDENTIAL_ID,
	SANDBOX_CREDENTIAL_NAME,
	sandboxCredentialData,
	startN8n,
	waitFor,
	isFinishedExecution,
} from '../../scripts/n8n-process.mjs';
import { ensureServicePackages, startPostgres, startRedis } from '../../scripts/services.mjs';
import { cases } from './cases.mjs';
import { publishedTriggerDeliversOnce, publishedWebhookReplies } from './trigger.mjs';
import { runApprovalSuite } from './approval.mjs';
import { ASSISTANT_EXAMPLE, assistantAnswers, assistantWorkflow } from './assistant.mjs';
import { startedByWebhook, webhookPathOf } from './webhookStart.mjs';

const require = createRequire(import.meta.url);
const { identity } = require('../sandbox/state.js');
const { parse } = require('flatted');

const workflowsDir = path.join(repoRoot, 'test', 'e2e', 'workflows');
const NODE_TYPE = 'n8n-nodes-woztell-whatsapp-cloud.woztellWhatsAppCloud';
const BAD_CREDENTIAL = { id: 'wozBadTokenCrd01', name: 'WOZTELL Sandbox (bad token)' };
/** n8n's Postgres credential, for the assistant's Postgres Chat Memory (on the queue's Postgres). */
const POSTGRES_CREDENTIAL = { id: 'wozQueuePostgres', name: 'Queue Postgres', type: 'postgres' };
const OPEN_API_CREDENTIAL = { id: 'wozOpenApiCred01', name: 'WOZTELL Sandbox (Open API)' };
const FAN_OUT = { id: 'wozQueueFanOut01', executions: 200, concurrentRequests: 20 };
const KILLED = {
	id: 'wozQueueKilled01',
	items: 200,
	batchSize: 5,
	batchIntervalMs: 300,
	killAfterRequests: 40,
};
const MINUTE_MS = 60_000;
/** The pid of the process (among `pids`) owning the loopback TCP socket from `localPort` to `remotePort`. */
function socketOwner(localPort, remotePort, pids) {
	const hex = (port) => port.toString(16).toUpperCase().padStart(4, '0');
	const inodes = new Set();
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		if (!fs.existsSync(table)) continue;
		for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
			const columns = line.trim().split(/\s+/);
			if (columns[1]?.endsWith(`:${hex(localPort)}`) && columns[2]?.endsWith(`:${hex(remotePort)}`))
				inodes.add(`socket:[${columns[9]}]`);
		}
	}
	for (const pid of pids) {
		const fdDir = `/proc/${pid}/fd`;
		let fds = [];
		try {
			fds = fs.readdirSync(fdDir);
		} catch {
			continue;
		}
		for (const fd of fds) {
			try {
				if (inodes.has(fs.readlinkSync(path.join(fdDir, fd)))) return pid;
			} catch {
				/* closed meanwhile */
			}
		}
	}
	return undefined;
}

function webhookWorkflow(id, name, steps) {
	const trigger = {
		id: 'trigger',
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodes = [
		trigger,
		...steps.map((step, index) => ({ position: [220 * (index + 1), 0], typeVersion: 1, ...step })),
	];
	const connections = Object.fromEntries(
		nodes
			.slice(0, -1)
			.map((node, index) => [
				node.name,
				{ main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] },
			]),
	);
	return startedByWebhook({
		id,
		name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	});
}

const credentialsOf = ({ id, name }) => ({ [CREDENTIAL_TYPE]: { id, name } });

/** 200 executions, one per webhook call: the display name status via the Open API credential. */
const fanOutWorkflow = webhookWorkflow(FAN_OUT.id, 'Queue: fan-out over the workers', [
	{
		id: 'display-name-status',
		name: 'Get Display Name Status',
		type: NODE_TYPE,
		parameters: { resource: 'phoneNumber', operation: 'getDisplayNameStatus' },
		credentials: credentialsOf(OPEN_API_CREDENTIAL),
	},
]);

/** One execution of 200 profile updates, spaced by Batching so a worker can be killed halfway. */
const killedWorkflow = webhookWorkflow(KILLED.id, 'Queue: 200 items, worker killed halfway', [
	{
		id: 'items',
		name: 'Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			jsCode: `return Array.from({ length: ${KILLED.items} }, (_, i) => ({ json: { item: i } }));`,
		},
	},
	{
		id: 'update-business-profile',
		name: 'Update Business Profile',
		type: NODE_TYPE,
		parameters: {
			resource: 'businessProfile',
			operation: 'update',
			profileFields: { about: '={{ "item " + $json.item }}' },
			requestOptions: {
				batching: { batch: { batchSize: KILLED.batchSize, batchInterval: KILLED.batchIntervalMs } },
			},
		},
		credentials: credentialsOf({ id: SANDBOX_CREDENTIAL_ID, name: SANDBOX_CREDENTIAL_NAME }),
	},
]);

/**
 * Runs the queue-mode suite; `test(title, fn)` records results. `installLikeN8n` and
 * `runnableExample` are the single-process suite's (run.mjs).
 */
export async function runQueueSuite({
	n8nBin,
	tarball,
	work,
	sandbox,
	toolEnv,
	installLikeN8n,
	runnableExample,
	triggerExample,
	webhookExample,
	approvalWorkflows,
	agents,
	test,
	log,
}) {
	const stops = [];
	try {
		ensureServicePackages();
		const postgres = await startPostgres(work);
		stops.push(postgres.stop);
		const redis = await startRedis(work);
		stops.push(redis.stop);
		const shared = {
			EXECUTIONS_MODE: 'queue',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_DATABASE: postgres.database,
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		};
		// n8n's queue-mode set-up: every process builds webhook URLs from the same WEBHOOK_URL, the
		// address main answers at (Send and Wait's resume URLs are built on the worker that asks).
		const mainPort = await freePort();
		shared.WEBHOOK_URL = `http://127.0.0.1:${mainPort}/`;
		const processEnv = async (name, extra = {}, port) => {
			const userFolder = path.join(work, name);
			await installLikeN8n(tarball, path.join(userFolder, '.n8n', 'nodes'), toolEnv);
			return n8nEnv({
				userFolder,
				port: port ?? (await freePort()),
				brokerPort: await freePort(),
				extra: { ...shared, ...extra },
			});
		};
		const mainEnv = await processEnv('main', {}, mainPort);
		const workerEnvs = [];
		for (const name of ['worker-1', 'worker-2']) {
			workerEnvs.push({
				name,
				env: await processEnv(name, {
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
				}),
			});
		}

		const importDir = path.join(work, 'queue-import');
		fs.mkdirSync(path.join(importDir, 'workflows'), { recursive: true });
		fs.writeFileSync(
			path.join(importDir, 'credentials.json'),
			JSON.stringify(
				credentialImport([
					{
						id: SANDBOX_CREDENTIAL_ID,
						name: SANDBOX_CREDENTIAL_NAME,
						data: sandboxCredentialData(sandbox.baseUrl),
					},
					{
						...BAD_CREDENTIAL,
						data: sandboxCredentialData(sandbox.baseUrl, { accessToken: 'not-a-valid-token' }),
					},
					{
						...OPEN_API_CREDENTIAL,
						data: sandboxCredentialData(sandbox.baseUrl, {
							signedContextSource: 'openApi',
							appId: '',
							appIntegrationId: '',
							appIntegrationSecret: '',
							openApiToken: identity.openApiToken,
							environmentId: identity.environmentId,
							openApiUrl: sandbox.openApiUrl,
						}),
					},
				])
					.concat(agents.credential)
					.concat({
						...POSTGRES_CREDENTIAL,
						data: {
							host: '127.0.0.1',
							port: postgres.port,
							database: postgres.database,
							user: postgres.user,
							password: '',
							ssl: 'disable',
						},
					}),
			),
		);
		const caseWorkflows = cases.map((c) =>
			startedByWebhook(JSON.parse(fs.readFileSync(path.join(workflowsDir, c.workflow), 'utf8'))),
		);
		const trigger = runnableExample(triggerExample);
		const autoReply = runnableExample(webhookExample);
		const approvals = Object.values(approvalWorkflows);
		// n8n's Simple Memory lives in one process: across workers the assistant keeps each customer's
		// memory in Postgres Chat Memory, as the example's note tells queue-mode users to.
		const assistant = assistantWorkflow({
			id: 'wozAssistantQueue',
			woztellCredentials: credentialsOf({
				id: SANDBOX_CREDENTIAL_ID,
				name: SANDBOX_CREDENTIAL_NAME,
			}),
			openAiCredentials: agents.openAiCredentials,
			memory: { id: POSTGRES_CREDENTIAL.id, name: POSTGRES_CREDENTIAL.name },
		});
		for (const workflow of [
			assistant,
			...caseWorkflows,
			fanOutWorkflow,
			killedWorkflow,
			trigger,
			autoReply,
			...approvals,
		]) {
			fs.writeFileSync(
				path.join(importDir, 'workflows', `${workflow.id}.json`),
				JSON.stringify(workflow),
			);
		}
		log('queue mode: importing credentials and workflows into Postgres…');
		await runN8nOrThrow(
			['import:credentials', `--input=${path.join(importDir, 'credentials.json')}`],
			{ env: mainEnv, bin: n8nBin },
		);
		await runN8nOrThrow(
			['import:workflow', '--separate', `--input=${path.join(importDir, 'workflows')}`],
			{ env: mainEnv, bin: n8nBin },
		);

		// Which worker ran which execution: n8n's own log line on the worker.
		const ranBy = new Map();
		const startedLines = [];
		log('queue mode: starting n8n main and two workers…');
		const main = await startN8n({
			env: mainEnv,
			bin: n8nBin,
			logFile: path.join(work, 'main.log'),
		});
		stops.unshift(main.stop);
		const workers = [];
		for (const { name, env } of workerEnvs) {
			const worker = await startN8n({
				env,
				bin: n8nBin,
				command: ['worker'],
				logFile: path.join(work, `${name}.log`),
				onLine(line) {
					const started = /Worker started execution (\d+)/.exec(line);
					if (!started) return;
					startedLines.push({ executionId: started[1], worker: name });
					ranBy.set(started[1], name);
				},
			});
			stops.unshift(worker.stop);
			workers.push({ name, ...worker });
		}
		const processNames = new Map([
			[main.child.pid, 'main'],
			...workers.map((w) => [w.child.pid, w.name]),
		]);
		const sandboxPort = Number(new URL(sandbox.baseUrl).port);
		const record = sandbox.requests.push.bind(sandbox.requests);
		sandbox.requests.push = (...requests) => {
			for (const request of requests) {
				const pid = socketOwner(request.remotePort, sandboxPort, [...processNames.keys()]);
				request.process = processNames.get(pid);
			}
			return record(...requests);
		};
		const perProcess = (requests) =>
			Object.fromEntries(
				[...processNames.values()].map((name) => [
					name,
					requests.filter((r) => r.process === name).length,
				]),
			);

		const rest = restClient(main.url);
		await rest.ownerSession();
		const callWebhook = async (id) => {
			const response = await fetch(`${main.url}/webhook/${webhookPathOf(id)}`, { method: 'POST' });
			assert.equal(response.status, 200, await response.text());
		};

		await test('queue mode: main, two workers and the installed package are up on Postgres and Redis', async () => {
			const nodes = (await rest.call('GET', '/types/nodes.json')).body;
			assert.ok(
				nodes.some((t) => t.name === NODE_TYPE),
				`${NODE_TYPE} not known to main`,
			);
			for (const workflow of [...caseWorkflows, fanOutWorkflow, killedWorkflow])
				await rest.publish(workflow.id);
		});

		// Every single-process case again, now queued from a webhook and run by a worker.
		for (const [index, c] of cases.entries()) {
			const { id } = caseWorkflows[index];
			await test(`queue: ${c.workflow}: ${c.title}`, async () => {
				sandbox.reset();
				c.seed?.(sandbox.state);
				await callWebhook(id);
				const execution = await waitFor(
					'the execution',
					async () => (await rest.executionsOf(id)).find(isFinishedExecution),
					2 * MINUTE_MS,
				);
				const detail = (await rest.call('GET', `/executions/${execution.id}`)).body.data;
				const data = parse(detail.data);
				const runData = data.resultData.runData;
				assert.ok(
					ranBy.has(execution.id),
					`execution ${execution.id} not started by a worker (${JSON.stringify(detail.mode)})`,
				);
				c.check({
					longLivedProcess: true,
					code: execution.status === 'success' ? 0 : 1,
					stdout: JSON.stringify(data.resultData.error ?? {}),
					result: { data },
					requests: sandbox.requests,
					requestsTo: (p) => sandbox.requests.filter((r) => r.path === p),
					state: () => sandbox.state,
					items(nodeName) {
						assert.ok(
							runData[nodeName],
							`node "${nodeName}" did not run; status ${execution.status}`,
						);
						return runData[nodeName]
							.flatMap((r) => r.data?.main?.[0] ?? [])
							.map((i) => (i.error ? { ...i.json, error: i.error } : i.json));
					},
				});
				assert.ok(
					sandbox.requests.every((r) => r.process === ranBy.get(execution.id)),
					'a request came from another process than the worker that ran the execution',
				);
			});
		}

		await test(`queue: ${FAN_OUT.executions} webhook calls → ${FAN_OUT.executions} executions over both workers, Open API asked at most once per worker`, async () => {
			sandbox.reset();
			const startedBefore = startedLines.length;
			const queue = Array.from({ length: FAN_OUT.executions }, (_, i) => i);
			await Promise.all(
				Array.from({ length: FAN_OUT.concurrentRequests }, async () => {
					while (queue.shift() !== undefined) await callWebhook(FAN_OUT.id);
				}),
			);
			// Each execution by the ID its worker logged. n8n 2.41.1's execution list cannot be paged
			// through when executions start out of ID order, as they do on two workers: it sorts by
			// start time but pages by ID (`execution.id < :beforeId`), so a later page misses some.
			const executions = await waitFor(
				`${FAN_OUT.executions} finished executions`,
				async () => {
					const ids = new Set(startedLines.slice(startedBefore).map((line) => line.executionId));
					if (ids.size < FAN_OUT.executions) return false;
					const all = await Promise.all(
						[...ids].map(async (id) => (await rest.call('GET', `/executions/${id}`)).body.data),
					);
					return all.every(isFinishedExecution) && all;
				},
				5 * MINUTE_MS,
			);
			assert.equal(executions.length, FAN_OUT.executions);
			assert.ok(executions.every((execution) => execution.workflowId === FAN_OUT.id));
			assert.deepEqual([...new Set(executions.map((e) => e.status))], ['success']);
			const split = { 'worker-1': 0, 'worker-2': 0 };
			for (const execution of executions) split[ranBy.get(execution.id)] += 1;
			log(`fan-out: executions per worker ${JSON.stringify(split)}`);
			assert.equal(
				split['worker-1'] + split['worker-2'],
				FAN_OUT.executions,
				'every execution ran on a worker',
			);
			assert.ok(split['worker-1'] > 0 && split['worker-2'] > 0, 'both workers took part');

			const statusCalls = sandbox.requests.filter((r) => r.path === '/whatsapp-displayname-status');
			assert.equal(statusCalls.length, FAN_OUT.executions);
			for (const call of statusCalls)
				assert.equal(JSON.parse(call.headers['x-woztell-payload']).app, identity.appId);
			const openApi = perProcess(sandbox.requests.filter((r) => r.api === 'openApi'));
			const wabaInfo = perProcess(sandbox.requests.filter((r) => r.path === '/waba-info'));
			log(
				`fan-out: Open API calls per process ${JSON.stringify(openApi)}; GET /waba-info per process ${JSON.stringify(wabaInfo)}`,
			);
			assert.equal(
				sandbox.requests.filter((r) => r.api === 'openApi').length,
				Object.values(openApi).reduce((a, b) => a + b),
				'an Open API call from an unknown process',
			);
			assert.ok(
				Object.values(openApi).reduce((a, b) => a + b) >= 1,
				'the Open API was never asked',
			);
			for (const [name, count] of Object.entries(openApi))
				assert.ok(count <= 1, `${name} asked the Open API ${count} times`);
			for (const [name, count] of Object.entries(wabaInfo))
				assert.ok(count <= 1, `${name} looked the channel up ${count} times`);
			assert.equal(openApi.main + wabaInfo.main, 0, 'main made calls of an execution');
		});

		await test(`queue: examples/${triggerExample} published: polled on main, the change delivered once, by a worker`, async () => {
			const seconds = await publishedTriggerDeliversOnce({ rest, sandbox, id: trigger.id });
			const [execution] = await rest.executionsOf(trigger.id);
			const polls = perProcess(
				sandbox.requests.filter((r) => r.path === '/whatsapp-message-templates'),
			);
			log(
				`trigger: delivered once after ${seconds.toFixed(1)} s, execution ${execution.id} on ${ranBy.get(execution.id)}; template lists per process ${JSON.stringify(polls)}`,
			);
			assert.ok(ranBy.has(execution.id), 'the trigger’s execution did not run on a worker');
			assert.ok(
				polls.main >= 2 && polls['worker-1'] + polls['worker-2'] === 0,
				'the polls did not all run on main',
			);
		});

		// Send and Wait: main receives the tap and resumes the execution, which a worker runs on.
		log('queue mode: Send and Wait for Approval (approval.mjs)…');
		const approvalFigures = await runApprovalSuite({
			rest,
			sandbox,
			n8nUrl: main.url,
			workflows: approvalWorkflows,
			test: (title, fn) => test(`queue: ${title}`, fn),
			log,
			async onResumed(executionId, requests) {
				const runs = startedLines.filter((line) => line.executionId === executionId);
				assert.ok(runs.length >= 2, `execution ${executionId} was not resumed on a worker`);
				const afterTap = requests.filter((r) => r.path === '/sendResponses').at(-1);
				assert.ok(
					afterTap?.process?.startsWith('worker'),
					`the message after the answer came from ${afterTap?.process}`,
				);
			},
		});
		log(`queue mode: Send and Wait figures ${JSON.stringify(approvalFigures)}`);

		await test(`queue: examples/${ASSISTANT_EXAMPLE} published with Postgres Chat Memory: main receives each customer message, workers answer; memory per customer across workers, the hand-over, the apology, a message delivered twice answered once, 20 customers at once`, async () => {
			const executionsBefore = new Set(startedLines.map((line) => line.executionId));
			const figures = await assistantAnswers({
				rest,
				sandbox,
				double: agents.double,
				id: assistant.id,
				n8nUrl: main.url,
				log: (line) => log(`queue ${line}`),
			});
			const ran = startedLines.filter((line) => !executionsBefore.has(line.executionId));
			const workersUsed = new Set(ran.map((line) => line.worker));
			log(
				`queue assistant: ${ran.length} executions on ${[...workersUsed].join(', ')}; ${JSON.stringify(figures)}`,
			);
			assert.equal(
				workersUsed.size,
				2,
				'the assistant’s executions did not spread over both workers',
			);
			assert.equal(
				perProcess(sandbox.requests.filter((r) => r.path === '/sendResponses')).main,
				0,
				'an answer was sent from main',
			);
		});

		await test(`queue: examples/${webhookExample} published: main receives the signed customer message, a worker answers it; forged and unsigned events start nothing`, async () => {
			const execution = await publishedWebhookReplies({
				rest,
				sandbox,
				id: autoReply.id,
				n8nUrl: main.url,
			});
			log(`auto-reply: execution ${execution.id} on ${ranBy.get(execution.id)}`);
			assert.ok(ranBy.has(execution.id), 'the reply did not run on a worker');
			assert.equal(perProcess(sandbox.requests.filter((r) => r.path === '/sendResponses')).main, 0);
		});

		await test(`queue: a worker killed during a ${KILLED.items}-item run: n8n ends it as an error without a re-run, no item sent twice`, async () => {
			sandbox.reset();
			const startedBefore = startedLines.length;
			await callWebhook(KILLED.id);
			const updates = () =>
				sandbox.requests.filter(
					(r) => r.path === '/whatsapp-business-profile' && r.method === 'PATCH',
				);
			await waitFor(
				`${KILLED.killAfterRequests} updates`,
				() => updates().length >= KILLED.killAfterRequests,
				2 * MINUTE_MS,
			);
			const [{ executionId, worker: victim }] = startedLines.slice(startedBefore);
			const sentBeforeKill = updates().length;
			const killedAt = Date.now();
			process.kill(-workers.find((w) => w.name === victim).child.pid, 'SIGKILL');
			log(
				`killed ${victim} (execution ${executionId}) after ${sentBeforeKill} of ${KILLED.items} updates`,
			);
			const execution = await waitFor(
				'the killed execution to end',
				async () =>
					(await rest.executionsOf(KILLED.id)).find(
						(e) => e.id === executionId && isFinishedExecution(e),
					),
				5 * MINUTE_MS,
			);
			const rerun = startedLines
				.slice(startedBefore)
				.filter((line) => line.executionId === executionId && line.worker !== victim);
			// Counted over every process: the last requests the killed worker wrote reach the sandbox
			// after its sockets are gone, so /proc can no longer name their sender.
			const abouts = updates().map((r) => r.body.profile.about);
			const outcome = {
				status: execution.status,
				secondsToEnd: Math.round((Date.now() - killedAt) / 1000),
				rerunBy: rerun.map((line) => line.worker),
				itemsSent: abouts.length,
			};
			log(`killed-worker run: ${JSON.stringify(outcome)}`);
			assert.equal(new Set(abouts).size, abouts.length, 'an item was sent twice');
			assert.ok(sentBeforeKill < KILLED.items, 'the worker was killed after the run had ended');
			// What the README's Scaling section says n8n 2.41.1 does: Bull finds the job stalled, gives
			// up on it (no second attempt) and the execution ends as an error with the items sent so far.
			assert.deepEqual(
				{ status: outcome.status, rerunBy: outcome.rerunBy },
				{ status: 'error', rerunBy: [] },
			);
		});
	} finally {
		for (const stop of stops) await stop();
	}
}
