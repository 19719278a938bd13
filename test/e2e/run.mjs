#!/usr/bin/env node
// `npm run test:e2e`: the packed package in a real n8n (n8n@2.41.1, cached by
// scripts/n8n-install.mjs), driven headlessly against the in-process WOZTELL sandbox.
//
//  1. build, `npm pack`, install the tarball into a throwaway <user folder>/.n8n/nodes the way
//     n8n's community package installer does (extract, drop dev/peer deps, npm install);
//  2. import the "WOZTELL Sandbox" credential (+ one with a bad token) and test/e2e/workflows/*;
//  3. `n8n start` once: the node type is loaded, and the credential test endpoint answers
//     OK for the good token and WOZTELL's refusal for the bad one;
//  4. `n8n execute --id` for every workflow; assert output items and what the sandbox received;
//  5. the node as an AI agent's tool: agent workflows against a scripted model (agent.mjs).
// Last line: `e2e: N passed, N failed`. If n8n cannot be installed, the suite fails.
//
// Flags: --no-build (use dist/ as is), --keep (keep the throwaway folder), --only=<substring>,
// --n8n <version> (another cached n8n, e.g. 1.123.81), --queue (queue mode instead: queue.mjs).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
	ensureN8n,
	N8N_VERSION,
	node24,
	option,
	PACKAGE_NAME,
	repoRoot,
} from '../../scripts/n8n-install.mjs';
import {
	CREDENTIAL_TYPE,
	credentialImport,
	freePort,
	n8nEnv,
	restClient,
	runN8n,
	runN8nOrThrow,
	SANDBOX_CREDENTIAL_ID,
	SANDBOX_CREDENTIAL_NAME,
	sandboxCredentialData,
	startN8n,
} from '../../scripts/n8n-process.mjs';
import { cases, exampleCases, like } from './cases.mjs';
import { runQueueSuite } from './queue.mjs';
import {
	publishedMenuAnswers,
	publishedRefundRedirects,
	publishedTriggerDeliversOnce,
	publishedWebhookReplies,
} from './trigger.mjs';
import { prepareAgentSuite, TOOL_TYPE } from './agent.mjs';
import { approvalWorkflows, runApprovalSuite } from './approval.mjs';
import { ASSISTANT_EXAMPLE, assistantAnswers, assistantWorkflow } from './assistant.mjs';

const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const n8nVersion = option(argv, 'n8n') ?? N8N_VERSION;
const workflowsDir = path.join(repoRoot, 'test', 'e2e', 'workflows');
const examplesDir = path.join(repoRoot, 'examples');
const NODE_TYPE = `${PACKAGE_NAME}.woztellWhatsAppCloud`;
const TRIGGER_TYPE = `${PACKAGE_NAME}.woztellWhatsAppCloudTrigger`;
const MESSAGE_TRIGGER_TYPE = `${PACKAGE_NAME}.woztellWhatsAppCloudMessageTrigger`;
const BAD_CREDENTIAL_ID = 'wozBadTokenCrd01';
const BAD_CREDENTIAL_NAME = 'WOZTELL Sandbox (bad token)';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (msg) => process.stdout.write(`[e2e ${elapsed()}] ${msg}\n`);
const results = [];

function record(title, error, ms) {
	results.push({ title, error });
	const time = ms === undefined ? '' : ` (${(ms / 1000).toFixed(1)} s)`;
	if (error)
		process.stdout.write(
			`  ✗ ${title}${time}\n${String(error.stack || error).replace(/^/gm, '      ')}\n`,
		);
	else process.stdout.write(`  ✓ ${title}${time}\n`);
}

async function test(title, fn) {
	const t = Date.now();
	try {
		await fn();
		record(title, undefined, Date.now() - t);
	} catch (error) {
		record(title, error, Date.now() - t);
	}
}

function finish(extraFailure) {
	if (extraFailure) record(extraFailure.title, extraFailure.error);
	const passed = results.filter((r) => !r.error).length;
	const failed = results.length - passed;
	log(`done in ${elapsed()}`);
	process.stdout.write(`e2e: ${passed} passed, ${failed} failed\n`);
	process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

function exec(command, args, { cwd = repoRoot, env = process.env } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0
				? resolve(stdout)
				: reject(
						new Error(
							`${path.basename(command)} ${args.join(' ')} exited ${code}\n${stdout}\n${stderr}`,
						),
					),
		);
	});
}

/** n8n prints the run's JSON after its log lines: the last top-level `{`…`}` block. */
function parseRunOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.lastIndexOf('{');
	if (start === -1) return undefined;
	const end = lines.indexOf('}', start);
	if (end === -1) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n'));
	} catch {
		return undefined;
	}
}

/** Install a tarball the way n8n's CommunityPackagesService.downloadPackage does. */
async function installLikeN8n(tarball, nodesDir, env) {
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.mkdirSync(packageDir, { recursive: true });
	await exec('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const pkgPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(
		fs.readFileSync(pkgPath, 'utf8'),
	);
	fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
	await exec(
		node24(),
		[
			npmCli(),
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: packageDir, env },
	);
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify(
			{ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: pkg.version } },
			null,
			2,
		),
	);
	return { packageDir, pkg };
}

function npmCli() {
	for (const c of [
		process.env.npm_execpath,
		'/usr/lib/node_modules/npm/bin/npm-cli.js',
		'/usr/local/lib/node_modules/npm/bin/npm-cli.js',
	]) {
		if (c && c.endsWith('.js') && fs.existsSync(c)) return c;
	}
	for (const d of (process.env.PATH || '').split(path.delimiter)) {
		const p = path.join(d, 'npm');
		if (fs.existsSync(p) && fs.realpathSync(p).endsWith('.js')) return fs.realpathSync(p);
	}
	throw new Error('npm CLI not found');
}

/** Resources the built node offers: each needs at least one workflow here. */
function resourcesOfBuiltNode() {
	const { WoztellWhatsAppCloud } = require(
		path.join(repoRoot, 'dist', 'nodes', 'WoztellWhatsAppCloud', 'WoztellWhatsAppCloud.node.js'),
	);
	const resource = new WoztellWhatsAppCloud().description.properties.find(
		(p) => p.name === 'resource',
	);
	return resource.options.map((o) => o.value);
}

async function main() {
	// 0. n8n itself: a missing install is a failure, never a skip.
	let n8n;
	try {
		n8n = await ensureN8n({ version: n8nVersion });
	} catch (error) {
		return record(`n8n@${n8nVersion} is installed (scripts/n8n-install.mjs)`, error);
	}
	const node = node24();
	const toolEnv = {
		...process.env,
		PATH: `${path.dirname(node)}${path.delimiter}${path.join(repoRoot, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
	};

	// 1. Build and pack.
	if (!flag('no-build')) {
		log('building (n8n-node build)…');
		await exec(path.join(repoRoot, 'node_modules', '.bin', 'n8n-node'), ['build'], {
			env: toolEnv,
		});
	}
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'woztell-e2e-'));
	const userFolder = path.join(work, 'user');
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const packOut = await exec(node, [npmCli(), 'pack', '--json', `--pack-destination=${work}`], {
		env: toolEnv,
	});
	const [packed] = JSON.parse(packOut.slice(packOut.indexOf('[')));
	const tarball = path.join(work, packed.filename);
	log(
		`packed ${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} kB`,
	);

	const { pkg } = await installLikeN8n(tarball, nodesDir, toolEnv);
	log(`installed into ${path.join(nodesDir, 'node_modules', PACKAGE_NAME)}`);

	// 2. Sandbox in this process, on a free port; nothing else is exposed.
	const { startSandbox } = require(path.join(repoRoot, 'test', 'sandbox', 'server.js'));
	const sandbox = await startSandbox({ port: 0 });
	const cleanup = [() => sandbox.close()];
	// The node as an AI agent's tool: a scripted OpenAI-compatible double, also on loopback.
	const agents = await prepareAgentSuite();
	cleanup.push(() => agents.close());

	try {
		if (flag('queue')) {
			const publishedExample = (kind) => exampleCases.find((c) => c.published === kind).example;
			await runQueueSuite({
				n8nBin: n8n.n8nBin,
				tarball,
				work,
				sandbox,
				toolEnv,
				installLikeN8n,
				runnableExample,
				triggerExample: publishedExample('poll'),
				webhookExample: publishedExample('webhook'),
				approvalWorkflows: approvalWorkflows(runnableExample, { agent: false }),
				agents,
				test,
				log,
			});
			return;
		}
		const env = n8nEnv({
			userFolder,
			port: await freePort(),
			brokerPort: await freePort(),
			extra: { N8N_COMMUNITY_PACKAGES_ENABLED: 'true' },
		});
		const importDir = path.join(work, 'import');
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
						id: BAD_CREDENTIAL_ID,
						name: BAD_CREDENTIAL_NAME,
						data: sandboxCredentialData(sandbox.baseUrl, { accessToken: 'not-a-valid-token' }),
					},
				]).concat(agents.credential),
			),
		);
		const selected = cases.filter(
			(c) => !only || c.workflow.includes(only) || c.title.includes(only),
		);
		const workflowFiles = fs.readdirSync(workflowsDir).filter((f) => f.endsWith('.json'));
		for (const f of workflowFiles)
			fs.copyFileSync(path.join(workflowsDir, f), path.join(importDir, 'workflows', f));
		// The README's examples, as a user imports them and then picks the sandbox credential.
		const exampleFiles = fs.readdirSync(examplesDir).filter((f) => f.endsWith('.json'));
		for (const f of exampleFiles) {
			const exampleCase = exampleCases.find((c) => c.example === f);
			if (!exampleCase?.agent && !['approval', 'assistant'].includes(exampleCase?.published)) {
				fs.writeFileSync(
					path.join(importDir, 'workflows', `example-${f}`),
					JSON.stringify(runnableExample(f)),
				);
			}
		}
		// The approval example and its variants, started through a webhook (approval.mjs).
		// The human review step (a HitlTool) exists from n8n 2.x on: the agent cases run on the default n8n.
		const approvals = approvalWorkflows(runnableExample, { agent: n8nVersion === N8N_VERSION });
		// The AI assistant example, with the model double's credential (n8n 2.x's AI Agent 3.1).
		const assistant = assistantWorkflow({
			id: 'wozAssistant0001',
			woztellCredentials: {
				[CREDENTIAL_TYPE]: { id: SANDBOX_CREDENTIAL_ID, name: SANDBOX_CREDENTIAL_NAME },
			},
			openAiCredentials: agents.openAiCredentials,
		});
		const assistants = n8nVersion === N8N_VERSION ? [assistant] : [];
		for (const workflow of [...agents.workflows, ...Object.values(approvals), ...assistants]) {
			fs.writeFileSync(
				path.join(importDir, 'workflows', `published-${workflow.id}.json`),
				JSON.stringify(workflow),
			);
		}

		log('importing credentials and workflows…');
		await runN8nOrThrow(
			['import:credentials', `--input=${path.join(importDir, 'credentials.json')}`],
			{ env, bin: n8n.n8nBin },
		);
		await runN8nOrThrow(
			['import:workflow', '--separate', `--input=${path.join(importDir, 'workflows')}`],
			{ env, bin: n8n.n8nBin },
		);

		// Static checks that need no n8n run.
		await test('every workflow file has a case, and every case a workflow file', () => {
			assert.deepEqual(workflowFiles.slice().sort(), cases.map((c) => c.workflow).sort());
		});
		await test('every example under examples/ has a case', () => {
			assert.deepEqual(exampleFiles.slice().sort(), exampleCases.map((c) => c.example).sort());
		});
		await test('every resource of the built node is exercised by a workflow', () => {
			const used = new Set();
			for (const f of workflowFiles) {
				const wf = JSON.parse(fs.readFileSync(path.join(workflowsDir, f), 'utf8'));
				for (const n of wf.nodes) if (n.type === NODE_TYPE) used.add(n.parameters.resource);
			}
			const missing = resourcesOfBuiltNode().filter((r) => !used.has(r));
			assert.deepEqual(missing, [], `resources without an e2e workflow: ${missing.join(', ')}`);
		});

		// 3. n8n start: node loaded from the installed package, credential test endpoint, and the
		// published examples (with --only, those it names alone).
		const selectedPublished = exampleCases.filter(
			(c) => c.published && (!only || c.example.includes(only) || c.title.includes(only)),
		);
		if (!only || selectedPublished.length) {
			log('starting n8n for the credential test…');
			let server;
			await test('n8n start loads the installed package and answers ready', async () => {
				server = await startN8n({
					env,
					bin: n8n.n8nBin,
					logFile: path.join(work, 'n8n-start.log'),
				});
			});
			if (server) {
				try {
					const rest = restClient(server.url);
					await rest.ownerSession();
					if (!only)
						await test(`node types ${NODE_TYPE}, ${TRIGGER_TYPE}, ${MESSAGE_TRIGGER_TYPE}, ${TOOL_TYPE} and credential ${CREDENTIAL_TYPE} are known to n8n`, async () => {
							const nodes = (await rest.call('GET', '/types/nodes.json')).body;
							const ours = nodes.find((t) => t.name === NODE_TYPE);
							assert.ok(ours, `${NODE_TYPE} not in /types/nodes.json`);
							assert.equal(ours.displayName, 'WOZTELL WhatsApp Cloud');
							const trigger = nodes.find((t) => t.name === TRIGGER_TYPE);
							assert.equal(trigger?.displayName, 'WOZTELL WhatsApp Cloud Trigger');
							assert.equal(trigger.polling, true);
							const messageTrigger = nodes.find((t) => t.name === MESSAGE_TRIGGER_TYPE);
							assert.equal(messageTrigger?.displayName, 'WOZTELL WhatsApp Cloud Message Trigger');
							assert.equal(messageTrigger.webhooks?.[0]?.httpMethod, 'POST');
							// n8n 2.x makes the AI agent tool of a community node with no setting (no N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE).
							assert.equal(
								nodes.find((t) => t.name === TOOL_TYPE)?.displayName,
								'WOZTELL WhatsApp Cloud Tool',
							);
							// And, from Message → Send and Wait, the AI Agent's human review step (n8n 2.x's
							// tool-generation/hitl-tools; n8n 1.x makes none).
							const review = nodes.find((t) => t.name === `${NODE_TYPE}HitlTool`);
							if (n8nVersion === N8N_VERSION) {
								assert.equal(review?.displayName, 'WOZTELL WhatsApp Cloud');
								assert.deepEqual(review.codex?.subcategories?.Tools, ['Human in the Loop']);
							} else assert.equal(review, undefined);
							const creds = (await rest.call('GET', '/types/credentials.json')).body;
							assert.ok(
								creds.some((c) => c.name === CREDENTIAL_TYPE),
								`${CREDENTIAL_TYPE} not in /types/credentials.json`,
							);
							const installed = JSON.parse(
								fs.readFileSync(
									path.join(nodesDir, 'node_modules', PACKAGE_NAME, 'package.json'),
									'utf8',
								),
							);
							assert.equal(installed.version, pkg.version);
						});
					// What the editor sends on "Test": the stored credential with secrets blanked, plus what
					// the user changed in the form (`changes`); n8n fills the blanked secrets back in.
					const testStored = async (id, { changes = {}, fault } = {}) => {
						const stored = await rest.call('GET', `/credentials/${id}?includeData=true`);
						assert.equal(stored.status, 200, JSON.stringify(stored.body));
						const { name, type, data } = stored.body.data;
						sandbox.reset();
						if (fault) sandbox.failNext(fault);
						const answer = await rest.call('POST', '/credentials/test', {
							credentials: { id, name, type, data: { ...data, ...changes } },
						});
						assert.equal(answer.status, 200, JSON.stringify(answer.body));
						return answer.body.data;
					};
					const REFUSED = /^WOZTELL refused the access token or the channel ID\./;
					const NOT_WOZTELL = /^The Base URL does not answer as WOZTELL's Public API/;
					const htmlPage = (status) => ({
						status,
						raw: '<html><body>Not Found</body></html>',
						headers: { 'Content-Type': 'text/html' },
					});
					const OK = { status: 'OK', message: /^Connection successful!$/ };
					const refused = (message) => ({ status: 'Error', message });
					for (const [title, id, options, expected] of only
						? []
						: [
								['the good token is accepted', SANDBOX_CREDENTIAL_ID, {}, OK],
								['a bad token is refused (401)', BAD_CREDENTIAL_ID, {}, refused(REFUSED)],
								[
									'an unknown channel is refused (404 from WOZTELL)',
									SANDBOX_CREDENTIAL_ID,
									{ changes: { channelId: 'ffffffffffffffffffffffff' } },
									refused(REFUSED),
								],
								[
									'ok: 0 with HTTP 200 is refused',
									SANDBOX_CREDENTIAL_ID,
									{ fault: { status: 200, body: { ok: 0, error: 'Channel suspended' } } },
									refused(REFUSED),
								],
								[
									'a wrong Base URL answering 404 with an HTML page is refused',
									SANDBOX_CREDENTIAL_ID,
									{ fault: htmlPage(404) },
									refused(NOT_WOZTELL),
								],
								[
									'a web page answering 200 is refused',
									SANDBOX_CREDENTIAL_ID,
									{ fault: htmlPage(200) },
									refused(NOT_WOZTELL),
								],
							]) {
						await test(`credential test (GET /waba-info): ${title}`, async () => {
							const result = await testStored(id, options);
							assert.equal(result.status, expected.status, JSON.stringify(result));
							assert.match(result.message, expected.message);
							like(sandbox.requests[0], { method: 'GET', path: '/waba-info' });
						});
					}
					for (const c of selectedPublished) {
						if (c.published === 'assistant') {
							if (n8nVersion !== N8N_VERSION) {
								log(`examples/${ASSISTANT_EXAMPLE}: not run on n8n ${n8nVersion} (AI Agent 3.1)`);
								continue;
							}
							await test(`examples/${c.example}: ${c.title}`, async () => {
								await assistantAnswers({
									rest,
									sandbox,
									double: agents.double,
									id: assistant.id,
									n8nUrl: server.url,
									log,
								});
							});
							continue;
						}
						if (c.published === 'approval') {
							await runApprovalSuite({
								rest,
								sandbox,
								n8nUrl: server.url,
								workflows: approvals,
								double: agents.double,
								test,
								log,
							});
							continue;
						}
						await test(`examples/${c.example}: ${c.title}`, async () => {
							const { id } = runnableExample(c.example);
							const webhookProof = {
								webhook: publishedWebhookReplies,
								refundWebhook: publishedRefundRedirects,
							}[c.published];
							if (webhookProof) {
								await webhookProof({ rest, sandbox, id, n8nUrl: server.url });
								return;
							}
							if (c.published === 'menu') {
								const answered = await publishedMenuAnswers({
									rest,
									sandbox,
									id,
									n8nUrl: server.url,
								});
								log(`menu: ${answered} customer messages, each one execution and one answer`);
								return;
							}
							const seconds = await publishedTriggerDeliversOnce({ rest, sandbox, id });
							log(
								`trigger: the change reached a finished execution ${seconds.toFixed(1)} s after it was made in the sandbox`,
							);
						});
					}
				} finally {
					await server.stop();
				}
			}
		}

		// 4. Every workflow and example, headless.
		const selectedExamples = exampleCases.filter(
			(c) =>
				!c.published && !c.agent && (!only || c.example.includes(only) || c.title.includes(only)),
		);
		log(
			`running ${selected.length} workflows and ${selectedExamples.length} examples with n8n execute…`,
		);
		for (const c of [...selected, ...selectedExamples]) {
			const wf = c.example
				? runnableExample(c.example)
				: JSON.parse(fs.readFileSync(path.join(workflowsDir, c.workflow), 'utf8'));
			sandbox.reset();
			c.seed?.(sandbox.state);
			const t = Date.now();
			let outcome;
			try {
				// A port free now: other n8n processes on this machine may have taken the last one.
				env.N8N_RUNNERS_BROKER_PORT = String(await freePort());
				const result = await runN8n(['execute', `--id=${wf.id}`, '--rawOutput'], {
					env,
					bin: n8n.n8nBin,
				});
				const run = parseRunOutput(result.stdout);
				// n8n 1.123.81 on Node 24 dies of SIGSEGV while exiting in about 1 run in 5, after printing
				// its whole run (README: Compatibility): the exit code it meant is the run's outcome.
				const crashedOnExit = result.signal === 'SIGSEGV' && run !== undefined;
				if (crashedOnExit)
					log(`n8n execute crashed on exit (SIGSEGV) after printing its run of ${wf.id}`);
				const code = crashedOnExit ? Number(Boolean(run.data?.resultData?.error)) : result.code;
				outcome = {
					code,
					signal: result.signal,
					stdout: result.stdout,
					stderr: result.stderr,
					result: run,
				};
				const runData = run?.data?.resultData?.runData ?? {};
				const api = {
					...outcome,
					requests: sandbox.requests,
					requestsTo: (p) => sandbox.requests.filter((r) => r.path === p),
					state: () => sandbox.state,
					items(nodeName) {
						const runs = runData[nodeName];
						assert.ok(
							runs,
							`node "${nodeName}" did not run; n8n exit ${result.code}\n${result.stdout.slice(-1500)}\n${result.stderr.slice(-1500)}`,
						);
						return runs
							.flatMap((r) => r.data?.main?.[0] ?? [])
							.map((i) => (i.error ? { ...i.json, error: i.error } : i.json));
					},
				};
				if (result.code !== 0 && !/error-/.test(c.workflow ?? '') && !run) {
					throw new Error(
						`n8n execute exited ${result.code}\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`,
					);
				}
				c.check(api);
				record(`${c.workflow ?? `examples/${c.example}`}: ${c.title}`, undefined, Date.now() - t);
			} catch (error) {
				if (outcome && !error.message.includes('n8n execute exited')) {
					error.message += `\n  n8n exit ${outcome.code ?? outcome.signal}; sandbox got: ${sandbox.requests.map((r) => `${r.method} ${r.path}`).join(', ') || 'nothing'}`;
				}
				record(`${c.workflow ?? `examples/${c.example}`}: ${c.title}`, error, Date.now() - t);
			}
		}

		// 5. The node as an AI agent's tool, and the agent example (agent.mjs): its workflows use
		// n8n 2.x's AI Agent 3.1 and OpenAI Chat Model 1.3, so they run on the default n8n only.
		if (n8nVersion === N8N_VERSION) {
			log('running the AI agent cases with n8n execute…');
			await agents.run({ env, sandbox, test, parseRunOutput, only });
		} else {
			log(`AI agent cases: not run on n8n ${n8nVersion} (they are proven on n8n ${N8N_VERSION})`);
		}
	} finally {
		for (const fn of cleanup) await fn();
		if (flag('keep') || results.some((r) => r.error)) log(`throwaway folder kept: ${work}`);
		else fs.rmSync(work, { recursive: true, force: true });
	}
}

/**
 * An example workflow with an ID and the sandbox credential on its WOZTELL nodes. `n8n execute`
 * cannot start at a Schedule Trigger, so that trigger becomes a Manual Trigger of the same name:
 * what "Execute workflow" in the editor does with it.
 */
function runnableExample(file) {
	const workflow = JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8'));
	// n8n's workflow IDs are 16 characters: one per example file, whatever its name.
	const id = `wozExample${createHash('sha256').update(file).digest('hex').slice(0, 6)}`;
	const credentials = {
		[CREDENTIAL_TYPE]: { id: SANDBOX_CREDENTIAL_ID, name: SANDBOX_CREDENTIAL_NAME },
	};
	const nodes = workflow.nodes.map((node) => {
		if ([NODE_TYPE, TRIGGER_TYPE, MESSAGE_TRIGGER_TYPE].includes(node.type))
			return { ...node, credentials };
		if (node.type === 'n8n-nodes-base.scheduleTrigger') {
			return { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
		}
		return node;
	});
	return { ...workflow, id, nodes };
}

main().then(
	() => finish(),
	(error) => finish({ title: 'e2e runner', error }),
);
