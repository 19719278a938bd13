#!/usr/bin/env node
// `npm run dev`: a real n8n with this node loaded and hot-reloaded, the WOZTELL sandbox beside it,
// and a ready-made "WOZTELL Sandbox" credential. Ctrl+C stops everything.
//
//   npm run dev               sandbox + n8n + `tsc --watch` (what `n8n-node dev --external-n8n`
//                             runs, without its full-screen panel, which needs a TTY and would
//                             re-link the repo root: see linkPackage)
//   npm run dev -- --smoke    start, prove the node and credential are loaded, stop (for CI/checks)
//
// Env: N8N_PORT (5678), WOZTELL_SANDBOX_PORT (4010), WOZTELL_N8N_HOME (n8n cache folder),
//      WOZTELL_DEV_FOLDER (n8n user folder, default <repo>/.n8n-dev, git-ignored).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureN8n, node24, PACKAGE_NAME, repoRoot } from './n8n-install.mjs';
import {
	CREDENTIAL_TYPE,
	credentialImport,
	n8nEnv,
	OWNER,
	portInUse,
	restClient,
	runN8nOrThrow,
	SANDBOX_CREDENTIAL_ID,
	SANDBOX_CREDENTIAL_NAME,
	sandboxCredentialData,
	startN8n,
	waitFor,
} from './n8n-process.mjs';

const require = createRequire(import.meta.url);
const args = new Set(process.argv.slice(2));
const smoke = args.has('--smoke');

const NODE_TYPE = 'CUSTOM.woztellWhatsAppCloud';
const TRIGGER_TYPE = 'CUSTOM.woztellWhatsAppCloudTrigger';
const MESSAGE_TRIGGER_TYPE = 'CUSTOM.woztellWhatsAppCloudMessageTrigger';
const AUTO_REPLY_ID = 'wozDevAutoReply1';
const port = Number(process.env.N8N_PORT || 5678);
const sandboxPort = Number(process.env.WOZTELL_SANDBOX_PORT || 4010);
const userFolder = path.resolve(process.env.WOZTELL_DEV_FOLDER || path.join(repoRoot, '.n8n-dev'));
const n8nFolder = path.join(userFolder, '.n8n');
const logFile = path.join(userFolder, 'n8n.log');
const started = Date.now();
const say = (msg) => process.stdout.write(`[dev ${secs()}] ${msg}\n`);
const secs = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const cleanups = [];
let stopping = false;
async function shutdown(code = 0) {
	if (stopping) return;
	stopping = true;
	say('stopping…');
	for (const cleanup of cleanups.reverse()) {
		try {
			await cleanup();
		} catch (e) {
			say(`cleanup: ${e.message}`);
		}
	}
	process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
// `npm run` may die on SIGTERM without passing it on: never leave n8n running as an orphan.
const parent = process.ppid;
setInterval(() => {
	if (process.ppid !== parent) shutdown(0);
}, 1000).unref();
process.on('SIGTERM', () => shutdown(0));

function spawnTool(command, commandArgs, { prefix, env = process.env } = {}) {
	const child = spawn(command, commandArgs, {
		cwd: repoRoot,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	{
		for (const stream of [child.stdout, child.stderr]) {
			let buffer = '';
			stream.on('data', (d) => {
				buffer += d;
				const lines = buffer.split('\n');
				buffer = lines.pop();
				for (const line of lines)
					if (line.trim())
						process.stdout.write(`${prefix} ${line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')}\n`);
			});
		}
	}
	return child;
}

function runTool(command, commandArgs, env) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, commandArgs, { cwd: repoRoot, env, stdio: 'inherit' });
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0
				? resolve()
				: reject(new Error(`${path.basename(command)} ${commandArgs.join(' ')} exited ${code}`)),
		);
	});
}

/**
 * Link the build into n8n's custom extensions folder, like `n8n-node dev` does, but point the
 * link at dist/ rather than the repository root: n8n globs every file under the custom folder
 * for *.node.js, and through a link to the root that walk crosses node_modules (1 GB, about a
 * minute for every n8n command). n8n loads it as custom nodes (type prefix CUSTOM.) and, with
 * N8N_DEV_RELOAD, watches the link's real path (dist/) and reloads when tsc rewrites it.
 */
/** A workflow's WOZTELL nodes as n8n loads the linked package (CUSTOM.*), with the sandbox credential. */
function asLinkedPackage(workflow) {
	const credentials = {
		[CREDENTIAL_TYPE]: { id: SANDBOX_CREDENTIAL_ID, name: SANDBOX_CREDENTIAL_NAME },
	};
	for (const node of workflow.nodes) {
		if (!node.type.startsWith(`${PACKAGE_NAME}.`)) continue;
		node.type = node.type.replace(`${PACKAGE_NAME}.`, 'CUSTOM.');
		node.credentials = credentials;
	}
	return workflow;
}

function linkPackage() {
	const customModules = path.join(n8nFolder, 'custom', 'node_modules');
	fs.mkdirSync(customModules, { recursive: true });
	const link = path.join(customModules, PACKAGE_NAME);
	const target = path.join(repoRoot, 'dist');
	try {
		const stat = fs.lstatSync(link);
		if (stat.isSymbolicLink() && fs.realpathSync(link) === fs.realpathSync(target)) return link;
		fs.rmSync(link, { recursive: true, force: true });
	} catch {
		/* not there yet */
	}
	fs.symlinkSync(target, link, 'dir');
	return link;
}

async function main() {
	say(`n8n user folder: ${userFolder}`);
	const { n8nHome } = await ensureN8n();
	const node = node24();
	const toolEnv = {
		...process.env,
		PATH: `${path.dirname(node)}${path.delimiter}${path.join(repoRoot, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
	};

	say('building the package (n8n-node build)…');
	await runTool(path.join(repoRoot, 'node_modules', '.bin', 'n8n-node'), ['build'], toolEnv);

	fs.mkdirSync(userFolder, { recursive: true });
	const link = linkPackage();
	say(`linked ${link} → ${path.join(repoRoot, 'dist')}`);

	// The sandbox, in this process: every request it answers is echoed below.
	if (await portInUse(sandboxPort))
		throw new Error(
			`Port ${sandboxPort} is busy: is \`npm run sandbox\` running? Stop it or set WOZTELL_SANDBOX_PORT.`,
		);
	const { startSandbox } = require(path.join(repoRoot, 'test', 'sandbox', 'server.js'));
	// Meta's review, simulated: a template created here is PENDING for 5 s, then APPROVED (or REJECTED
	// when its name contains "reject"), for the trigger example to report.
	const sandbox = await startSandbox({ port: sandboxPort, templateReviewMs: 5_000 });
	// Templates and flows to find on the first Get Many, pick from lists and watch with the trigger.
	require(path.join(repoRoot, 'test', 'sandbox', 'seed.js')).seed(sandbox.state);
	cleanups.push(() => sandbox.close());
	let seenRequests = 0;
	let seenDeliveries = 0;
	const { eventSummary } = require(path.join(repoRoot, 'test', 'sandbox', 'routes', 'webhook.js'));
	const echo = setInterval(() => {
		for (const { url, status, event } of sandbox.state.webhookDeliveries.slice(seenDeliveries)) {
			say(`sandbox → customer ${eventSummary(event)} to ${url}: HTTP ${status}`);
		}
		seenDeliveries = sandbox.state.webhookDeliveries.length;
		for (const request of sandbox.requests.slice(seenRequests)) {
			const query = new URLSearchParams(request.query).toString();
			say(
				`sandbox ← ${request.method} ${request.path}${query && `?${query}`}${sentSummary(request)}`,
			);
		}
		seenRequests = sandbox.requests.length;
	}, 200);
	cleanups.push(() => clearInterval(echo));
	say(`WOZTELL sandbox on ${sandbox.baseUrl}`);

	const env = n8nEnv({
		userFolder,
		port,
		brokerPort: Number(process.env.N8N_RUNNERS_BROKER_PORT || 5679),
		extra: { N8N_DEV_RELOAD: 'true', N8N_COMMUNITY_PACKAGES_ENABLED: 'true' },
	});

	// The credential, re-imported on every start so it always points at this sandbox.
	const importFolder = path.join(userFolder, 'import');
	fs.mkdirSync(importFolder, { recursive: true });
	const credentialFile = path.join(importFolder, 'credentials.json');
	fs.writeFileSync(
		credentialFile,
		JSON.stringify(
			credentialImport([
				{
					id: SANDBOX_CREDENTIAL_ID,
					name: SANDBOX_CREDENTIAL_NAME,
					data: sandboxCredentialData(sandbox.baseUrl),
				},
			]),
			null,
			2,
		),
	);
	const firstRun = !fs.existsSync(path.join(n8nFolder, 'database.sqlite'));
	say(`importing the "${SANDBOX_CREDENTIAL_NAME}" credential…`);
	await runN8nOrThrow(['import:credentials', `--input=${credentialFile}`], { env });
	if (firstRun) {
		// The e2e workflows double as examples, once: later starts keep your edits.
		const workflows = path.join(repoRoot, 'test', 'e2e', 'workflows');
		const examples = path.join(importFolder, 'workflows');
		fs.rmSync(examples, { recursive: true, force: true });
		fs.mkdirSync(examples, { recursive: true });
		for (const f of fs
			.readdirSync(workflows)
			.filter((f) => f.endsWith('.json') && !f.startsWith('error-'))) {
			const wf = JSON.parse(fs.readFileSync(path.join(workflows, f), 'utf8'));
			wf.name = wf.name.replace(/^E2E /, 'Example: ');
			fs.writeFileSync(path.join(examples, f), JSON.stringify(asLinkedPackage(wf)));
		}
		// The README's trigger examples: the alert reacts to templates made in the sandbox (publish
		// it), the auto-reply to customer messages the sandbox delivers (published below).
		for (const [file, id, name] of [
			['template-status-alert.json', 'wozDevTriggerEx1', 'template status alert (publish me)'],
			['whatsapp-auto-reply.json', AUTO_REPLY_ID, 'WhatsApp auto-reply'],
			['refund-approval-over-whatsapp.json', 'wozDevApprovalEx', 'refund approval over WhatsApp'],
		]) {
			const example = JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples', file), 'utf8'));
			example.id = id;
			example.name = `Example: ${name}`;
			fs.writeFileSync(path.join(examples, file), JSON.stringify(asLinkedPackage(example)));
		}
		say('importing example workflows (first start only)…');
		await runN8nOrThrow(['import:workflow', '--separate', `--input=${examples}`], { env });
	}

	say(`starting n8n (${path.join(n8nHome, 'node_modules', 'n8n')}) on port ${port}…`);
	let reloads = 0;
	const n8n = await startN8n({
		env,
		logFile,
		onLine: (line) => {
			if (/reload/i.test(line)) reloads++;
			if (!smoke) process.stdout.write(`[n8n] ${line}\n`);
		},
	});
	cleanups.push(() => n8n.stop());
	n8n.exitPromise.then((exit) => {
		if (!stopping) {
			say(`n8n exited (${exit.code ?? exit.signal}); see ${logFile}`);
			shutdown(1);
		}
	});
	say(`n8n ready after ${secs()}`);

	// Owner account, so the editor opens on a logged-in-able instance; prove what n8n loaded.
	const rest = restClient(n8n.url);
	await rest.ownerSession();
	const nodeTypes = (await rest.call('GET', '/types/nodes.json')).body;
	const ours = (Array.isArray(nodeTypes) ? nodeTypes : []).find((t) => t.name === NODE_TYPE);
	const credentials = await rest.call('GET', '/credentials');
	const credential = (credentials.body?.data ?? []).find((c) => c.id === SANDBOX_CREDENTIAL_ID);
	for (const type of [NODE_TYPE, TRIGGER_TYPE, MESSAGE_TRIGGER_TYPE]) {
		if (!nodeTypes.some?.((t) => t.name === type))
			throw new Error(`n8n did not load ${type}; see ${logFile}`);
	}
	if (!credential)
		throw new Error(
			`credential "${SANDBOX_CREDENTIAL_NAME}" missing in n8n: ${JSON.stringify(credentials.body).slice(0, 300)}`,
		);
	// What the editor's "Test" button sends: the stored credential, secrets blanked.
	const stored = await rest.call('GET', `/credentials/${SANDBOX_CREDENTIAL_ID}?includeData=true`);
	const { name, type, data } = stored.body.data;
	const test = await rest.call('POST', '/credentials/test', {
		credentials: { id: SANDBOX_CREDENTIAL_ID, name, type, data },
	});
	const status = test.body?.data ?? test.body;
	if (status?.status !== 'OK')
		throw new Error(
			`credential test of "${SANDBOX_CREDENTIAL_NAME}" failed: ${JSON.stringify(status)}`,
		);
	say(
		`loaded "${ours.displayName}" (${NODE_TYPE}) and its trigger (${TRIGGER_TYPE}); credential "${SANDBOX_CREDENTIAL_NAME}" tests OK`,
	);

	const customerWrites = await publishAutoReply(rest, n8n.url, sandbox);
	if (smoke) {
		await customerWrites.andIsAnswered();
		say(`smoke check passed in ${secs()}`);
		return shutdown(0);
	}

	const child = spawnTool(
		path.join(repoRoot, 'node_modules', '.bin', 'tsc'),
		['--watch', '--preserveWatchOutput', '--pretty', 'false'],
		{ prefix: '[tsc]', env: toolEnv },
	);
	cleanups.push(() => child.kill('SIGTERM'));

	const lines = [
		'',
		'─'.repeat(72),
		` n8n is running with WOZTELL WhatsApp Cloud loaded (ready in ${secs()}).`,
		'',
		` 1. Open   http://localhost:${port}`,
		` 2. Log in ${OWNER.email}  /  ${OWNER.password}`,
		` 3. Open a workflow named "Example: …", or add a node: search "WOZTELL".`,
		`    Credential "${SANDBOX_CREDENTIAL_NAME}" is ready and points at the sandbox.`,
		' 4. Click "Execute workflow". The sandbox echoes each request here.',
		' 5. Trigger: publish "Example: template status alert", then create a template with the',
		'    WOZTELL node (name it reject_… to see a rejection): 5 s later it is reviewed, and the',
		'    next poll (every minute) starts the alert. Change more by hand, e.g.:',
		`    curl -X POST ${sandboxOrigin(sandbox)}/sandbox/phoneNumber -d '{"quality_rating":"RED"}'`,
		' 6. A customer writes: "Example: WhatsApp auto-reply" is published; send it a message',
		"    signed like WOZTELL's (its reply shows here as POST /sendResponses):",
		`    ${customerWrites.command}`,
		' 7. Approval: execute "Example: refund approval over WhatsApp"; it sends the manager the',
		'    question with buttons and waits. The manager taps Approve (the published auto-reply',
		"    workflow's Message Trigger receives the tap and resumes the run):",
		`    ${customerWrites.tapCommand}`,
		'',
		` Sandbox   ${sandbox.baseUrl} (in memory; reset on restart)`,
		` Hot reload: edit nodes/ or credentials/; tsc rebuilds dist/, n8n reloads the node.`,
		` Logs      ${logFile}`,
		' Ctrl+C stops n8n, the sandbox and the watcher.',
		'─'.repeat(72),
		'',
	];
	process.stdout.write(lines.join('\n'));
}

/** A send as one line: who it went to, then each message, e.g. ` to 85291234567: LIST "Hi" …`. */
function sentSummary({ path: requestPath, body }) {
	if (requestPath !== '/sendResponses' || !Array.isArray(body?.response)) return '';
	const { summaryOf } = require(
		path.join(repoRoot, 'test', 'sandbox', 'routes', 'responseShapes.js'),
	);
	const summary = (entry) => {
		try {
			return summaryOf(entry);
		} catch {
			// A malformed entry, which the sandbox refused: its type is enough.
			return String(entry?.type);
		}
	};
	return ` to ${body.recipientId ?? body.memberId}: ${body.response.map(summary).join(' · ')}`;
}

const sandboxOrigin = (sandbox) => sandbox.baseUrl.replace(/\/v1\.2\/api$/, '');

/**
 * Publishes the auto-reply example (its Message Trigger listens on n8n's production URL) and gives
 * the command that makes the sandbox deliver a signed customer message to it; `andIsAnswered`
 * delivers one and waits for the reply to reach the sandbox's Bot API.
 */
async function publishAutoReply(rest, n8nUrl, sandbox) {
	const { data: workflow } = (await rest.call('GET', `/workflows/${AUTO_REPLY_ID}`)).body;
	if (!workflow) {
		if (smoke) throw new Error(`the auto-reply example is missing: delete ${userFolder}`);
		return {
			command: `(the auto-reply example came after this n8n folder was made: delete ${userFolder} to get it)`,
			tapCommand: '(likewise)',
		};
	}
	if (!workflow.active) await rest.publish(AUTO_REPLY_ID);
	const { webhookId } = workflow.nodes.find((node) => node.type === MESSAGE_TRIGGER_TYPE);
	const delivery = {
		url: `${n8nUrl}/webhook/${webhookId}/webhook`,
		text: 'Hi, is my order ready?',
	};
	const tap = { url: delivery.url, title: '✓ Approve' };
	return {
		command: `curl -X POST ${sandboxOrigin(sandbox)}/sandbox/deliverWebhook -d '${JSON.stringify(delivery)}'`,
		tapCommand: `curl -X POST ${sandboxOrigin(sandbox)}/sandbox/tapButton -d '${JSON.stringify(tap)}'`,
		async andIsAnswered() {
			const sentBefore = sandbox.state.sentResponses.length;
			// n8n registers a just-published workflow's webhook shortly after answering the publish.
			const answer = await waitFor(
				"the Message Trigger's webhook",
				async () => {
					const { delivery: answered } = await sandbox.admin.deliverWebhook(delivery);
					return answered.status !== 404 && answered;
				},
				10_000,
			);
			if (answer.status !== 200)
				throw new Error(`the Message Trigger answered ${answer.status}: ${answer.body}`);
			await waitFor(
				'the reply to the customer message',
				() => sandbox.state.sentResponses.length > sentBefore,
				30_000,
			);
			const [reply] = sandbox.state.sentResponses.at(-1).response;
			say(`a customer message reached the Message Trigger and was answered: "${reply.text}"`);
		},
	};
}

main().catch(async (e) => {
	say(`FAILED: ${e.message}`);
	await shutdown(1);
});
