#!/usr/bin/env node
// `npm run bench`: what an item costs in this node beside the engine's floor (a minimal
// declarative node), n8n's HTTP Request node and `fetch`, all side by side in one run against the
// same sandbox on loopback. Each run is timed twice: wall time, and the CPU time of this process
// (the sandbox's share is the same for every contender), which other work on the machine does not
// inflate. Ratios are of CPU time, taken round by round (contenders' order rotated every round,
// garbage collected before each run), given as the median with the range over rounds, beside the
// machine's load and the expressions n8n evaluates per item, a count no load changes.
//
//   npm run bench                       every part
//   npm run bench -- --rounds=15        more rounds (default 9)
//   npm run bench -- --profile          also: CPU profile of this node's two operations, top frames
//   npm run bench -- --only=body        only the scenarios whose title holds this
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { require } from './tsLoader.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const option = (name, fallback) =>
	Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = option('rounds', 9);
const ITEMS = option('items', 1000);
const profileOnly = process.argv.includes('--profile-child');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);

const { runNode, sandboxCredentials } = require('../engine/harness.ts');
const { createPoller } = require('../engine/poller.ts');
const { sentCounts, startSandbox, templateVersion } = require('../sandbox');
const { MinimalCreateNode, MinimalGetNode, MinimalSendNode } = require('./minimalNodes.js');
const { DirectoryLoader } = require('n8n-core');
const { Expression } = require('n8n-workflow');
const {
	WoztellWhatsAppCloudApi,
} = require('../../credentials/WoztellWhatsAppCloudApi.credentials.ts');

const collectGarbage = globalThis.gc ?? (() => {});
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const range = (values) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
const load = () =>
	os
		.loadavg()
		.map((value) => value.toFixed(2))
		.join(' ');

function declarative(node) {
	DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
	return node;
}

/** n8n's HTTP Request node, from the n8n install that `npm run dev` and the e2e suite cache. */
function httpRequestNode() {
	const cache = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
	const file = path.join(
		cache,
		'n8n-nodes-woztell-whatsapp-cloud/n8n-2.41.1/node_modules/n8n-nodes-base/dist/nodes/HttpRequest/V3/HttpRequestV3.node.js',
	);
	if (!existsSync(file)) return undefined;
	const { HttpRequestV3 } = require(file);
	return new HttpRequestV3({
		name: 'httpRequest',
		displayName: 'HTTP Request',
		group: ['output'],
		description: '',
		defaultVersion: 4.2,
	});
}

const sandbox = await startSandbox();
const credentials = sandboxCredentials(sandbox);
const { phoneNumberId, wabaId } = sandbox.state.identity;
/** The template every body-heavy contender creates, one per item. */
const COMPONENTS = [
	{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#1234'] } },
	{
		type: 'BODY',
		text: 'Hello {{1}}, your order {{2}} ships today.',
		example: { body_text: [['Ada', '#1234']] },
	},
	{ type: 'FOOTER', text: 'Sandbox Business' },
	{
		type: 'BUTTONS',
		buttons: [
			{ type: 'QUICK_REPLY', text: 'Thanks' },
			{
				type: 'URL',
				text: 'Track',
				url: 'https://example.com/track/{{1}}',
				example: ['https://example.com/track/1234'],
			},
		],
	},
];
const TEMPLATE = { wabaId, language: 'en_US', category: 'UTILITY' };
/** Every contender gets the same items; the HTTP Request node takes its body from them. */
const items = Array.from({ length: ITEMS }, (_, index) => ({
	index,
	template: { ...TEMPLATE, components: COMPONENTS },
}));
const httpRequest = httpRequestNode();
const authenticated = (request) => new WoztellWhatsAppCloudApi().authenticate(credentials, request);
/** The HTTP Request node with the WOZTELL credential as its predefined credential type. */
const runHttpRequestNode = (parameters) =>
	runNode(
		{
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'woztellWhatsAppCloudApi',
			options: {},
			...parameters,
		},
		{
			credentials,
			items,
			nodeType: httpRequest,
			node: { type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2 },
		},
	);

const templateNameOf = "={{ 'order_update_' + $json.index }}";

const recipientOf = '={{ String(85290000000 + $json.index) }}';
const TEXT = 'Hello, your order has shipped.';

/**
 * Send Text as a user builds it with n8n's HTTP Request node: the Bot API's URL, its token in a
 * header (the WOZTELL credential signs Public API requests, not the Bot API's), the body from the item.
 */
const httpRequestSend = (options = {}) => ({
	authentication: 'none',
	method: 'POST',
	url: `${sandbox.botApiUrl}/sendResponses`,
	sendHeaders: true,
	headerParameters: {
		parameters: [{ name: 'Authorization', value: `Bearer ${credentials.botApiToken}` }],
	},
	sendBody: true,
	specifyBody: 'json',
	jsonBody: `={{ JSON.stringify({ channelId: '${credentials.channelId}', recipientId: String(85290000000 + $json.index), response: [{ type: 'TEXT', text: '${TEXT}' }] }) }}`,
	options,
});

const scenarios = {
	'GET: business profile get': {
		'this node': () =>
			runNode(
				{ resource: 'businessProfile', operation: 'get', phoneNumberId },
				{ credentials, items },
			),
		'minimal declarative node': () =>
			runNode(
				{ phoneNumberId },
				{ credentials, items, nodeType: declarative(new MinimalGetNode()) },
			),
		...(httpRequest && {
			"n8n's HTTP Request node": () =>
				runHttpRequestNode({
					method: 'GET',
					url: `${sandbox.baseUrl}/whatsapp-business-profile`,
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'phoneNumberId', value: phoneNumberId }] },
				}),
		}),
		fetch: async () => {
			const { headers, qs } = await authenticated({ qs: { phoneNumberId }, headers: {} });
			const url = `${sandbox.baseUrl}/whatsapp-business-profile?${new URLSearchParams(qs)}`;
			await Promise.all(
				items.map(() => fetch(url, { headers }).then((response) => response.json())),
			);
		},
	},
	'body: template create with the builder': {
		'this node': () =>
			runNode(
				{
					resource: 'template',
					operation: 'create',
					wabaId,
					templateName: templateNameOf,
					language: 'en_US',
					category: 'UTILITY',
					componentsInput: 'builder',
					headerFormat: 'TEXT',
					headerText: 'Order {{1}}',
					headerExample: '#1234',
					bodyText: 'Hello {{1}}, your order {{2}} ships today.',
					bodyExamples: ['Ada', '#1234'],
					footerText: 'Sandbox Business',
					buttons: {
						button: [
							{ type: 'QUICK_REPLY', text: 'Thanks' },
							{
								type: 'URL',
								text: 'Track',
								url: 'https://example.com/track/{{1}}',
								urlExample: 'https://example.com/track/1234',
							},
						],
					},
				},
				{ credentials, items },
			),
		'minimal declarative node': () =>
			runNode(
				{
					name: templateNameOf,
					wabaId,
					language: 'en_US',
					category: 'UTILITY',
					components: COMPONENTS,
				},
				{ credentials, items, nodeType: declarative(new MinimalCreateNode()) },
			),
		...(httpRequest && {
			// The body comes from the item: n8n would read "{{1}}" in an expression's text as an expression.
			"n8n's HTTP Request node": () =>
				runHttpRequestNode({
					method: 'PUT',
					url: `${sandbox.baseUrl}/whatsapp-message-template`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody:
						"={{ JSON.stringify({ ...$json.template, name: 'order_update_' + $json.index }) }}",
				}),
		}),
		fetch: async () => {
			const { headers, qs } = await authenticated({
				qs: {},
				headers: { 'Content-Type': 'application/json' },
			});
			const url = `${sandbox.baseUrl}/whatsapp-message-template?${new URLSearchParams(qs)}`;
			await Promise.all(
				items.map(({ index }) =>
					fetch(url, {
						method: 'PUT',
						headers,
						body: JSON.stringify({
							wabaId,
							name: `order_update_${index}`,
							language: 'en_US',
							category: 'UTILITY',
							components: COMPONENTS,
						}),
					}).then((response) => response.json()),
				),
			);
		},
	},
	'send: message send text (Bot API)': {
		'this node': () =>
			runNode(
				{ resource: 'message', operation: 'sendText', recipient: recipientOf, text: TEXT },
				{ credentials, items },
			),
		'minimal declarative node': () =>
			runNode(
				{
					recipientId: recipientOf,
					channelId: credentials.channelId,
					response: [{ type: 'TEXT', text: TEXT }],
				},
				{ credentials, items, nodeType: declarative(new MinimalSendNode()) },
			),
		...(httpRequest && {
			"n8n's HTTP Request node": () => runHttpRequestNode(httpRequestSend()),
		}),
	},
};

/** One run of a contender on a fresh sandbox: its wall and CPU time, after checking it did the whole job. */
async function timeRun(name, run) {
	sandbox.reset();
	sandbox.state.templateCreationsPerHour = Infinity;
	collectGarbage();
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const outcome = await run();
	const wall = performance.now() - started;
	const { user, system } = process.cpuUsage(cpuBefore);
	if (outcome?.error) throw new Error(`${name}: ${outcome.error.message}`);
	if (outcome && outcome.items.length !== ITEMS)
		throw new Error(`${name}: ${outcome.items.length} items`);
	if (sandbox.requests.length !== ITEMS)
		throw new Error(`${name}: ${sandbox.requests.length} requests`);
	return { wall, cpu: (user + system) / 1000 };
}

/**
 * How many expressions n8n evaluates per item for a contender: what an item costs most in n8n's
 * engine (each builds the expression's data proxy), and a count that no machine load changes.
 */
async function expressionsPerItem(name, run) {
	const evaluate = Expression.prototype.resolveSimpleParameterValue;
	let evaluations = 0;
	Expression.prototype.resolveSimpleParameterValue = function (...args) {
		evaluations++;
		return evaluate.apply(this, args);
	};
	try {
		await timeRun(name, run);
	} finally {
		Expression.prototype.resolveSimpleParameterValue = evaluate;
	}
	return evaluations / ITEMS;
}

async function measure(title, contenders) {
	const names = Object.keys(contenders);
	const walls = Object.fromEntries(names.map((name) => [name, []]));
	const cpus = Object.fromEntries(names.map((name) => [name, []]));
	const evaluations = {};
	for (const name of names) evaluations[name] = await expressionsPerItem(name, contenders[name]); // also the warm-up
	for (let round = 0; round < ROUNDS; round++) {
		const order = names.map((_, index) => names[(index + round) % names.length]);
		for (const name of order) {
			const { wall, cpu } = await timeRun(name, contenders[name]);
			walls[name].push(wall / ITEMS);
			cpus[name].push(cpu / ITEMS);
		}
	}
	const lines = [`${title}: ${ITEMS} items → ${ITEMS} requests, ${ROUNDS} rounds`];
	for (const name of names) {
		const expressions = name === 'fetch' ? '' : `, ${evaluations[name]} expression evaluations`;
		lines.push(
			`  ${name.padEnd(26)} CPU ${median(cpus[name]).toFixed(2)} ms/item (${range(cpus[name])}), wall ${median(walls[name]).toFixed(2)} ms/item (${range(walls[name])})${expressions}`,
		);
	}
	for (const other of names.filter((name) => name !== 'this node' && name !== 'fetch')) {
		const ratios = cpus['this node'].map((value, round) => value / cpus[other][round]);
		lines.push(
			`  this node / ${other}, CPU: ${median(ratios).toFixed(2)}x (rounds ${range(ratios)})`,
		);
	}
	if (!httpRequest)
		lines.push(
			"  n8n's HTTP Request node: not measured (`npm run dev` or `npm run test:e2e` caches n8n)",
		);
	return lines;
}

const CAMPAIGN = { sends: 2000, cap: 200, failEvery: 50, rounds: 3 };

/**
 * Issue 23's campaign: 2,000 sends through the sandbox capped at 200 accepted a second, every
 * 50th request a transient 503 (2%) and one recipient refused for good, Continue On Fail on; this
 * node and n8n's HTTP Request node each set up as a user would (Batching 200 / 1000 ms; the HTTP
 * Request node also with Retry On Fail, 3 tries). What reached the customers, and how fast.
 */
async function measureCampaign() {
	const phones = Array.from({ length: CAMPAIGN.sends }, (_, index) => String(85290000000 + index));
	const refused = phones[1234];
	const campaignItems = phones.map((_, index) => ({ index }));
	const batching = { batch: { batchSize: CAMPAIGN.cap, batchInterval: 1000 } };
	const node = { continueOnFail: true };
	const contenders = {
		'this node': () =>
			runNode(
				{
					resource: 'message',
					operation: 'sendText',
					recipient: recipientOf,
					text: TEXT,
					requestOptions: { batching },
				},
				{ credentials, items: campaignItems, node },
			),
		...(httpRequest && {
			"n8n's HTTP Request node": () =>
				runNode(httpRequestSend({ batching }), {
					credentials,
					items: campaignItems,
					nodeType: httpRequest,
					node: {
						...node,
						type: 'n8n-nodes-base.httpRequest',
						typeVersion: 4.2,
						retryOnFail: true,
						maxTries: 3,
					},
				}),
		}),
	};
	const figures = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
	for (let round = 0; round < CAMPAIGN.rounds; round++) {
		for (const [name, run] of Object.entries(contenders)) {
			sandbox.reset();
			sandbox.admin.botApiBehaviour({
				ratePerSecond: CAMPAIGN.cap,
				failEvery: CAMPAIGN.failEvery,
				refuse: [refused],
			});
			const started = performance.now();
			await run();
			const seconds = (performance.now() - started) / 1000;
			const counts = sentCounts(sandbox.state);
			const accepted = [...counts.values()].reduce((sum, count) => sum + count, 0);
			figures[name].push({
				accepted,
				duplicates: accepted - counts.size,
				lost: phones.filter((phone) => phone !== refused && !counts.has(phone)).length,
				seconds,
				goodput: accepted / seconds / CAMPAIGN.cap,
				requests: sandbox.requests.filter((request) => request.api === 'bot').length,
			});
		}
	}
	const lines = [
		`Campaign: ${CAMPAIGN.sends} sends, sandbox capped at ${CAMPAIGN.cap} accepted/s, every ${CAMPAIGN.failEvery}th request a 503, 1 recipient refused, Continue On Fail, Batching ${CAMPAIGN.cap}/1000 ms; ${CAMPAIGN.rounds} rounds, median (range)`,
	];
	const show = (runs, key, digits = 0) => {
		const values = runs.map((run) => run[key]);
		return `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
	};
	for (const [name, runs] of Object.entries(figures)) {
		lines.push(
			`  ${name.padEnd(24)} accepted ${show(runs, 'accepted')}, duplicates ${show(runs, 'duplicates')}, lost ${show(runs, 'lost')}, ` +
				`${show(runs, 'seconds', 1)} s against the ideal ${CAMPAIGN.sends / CAMPAIGN.cap} s: goodput / cap ${show(runs, 'goodput', 2)}, Bot API requests ${show(runs, 'requests')}`,
		);
	}
	if (!httpRequest) lines.push("  n8n's HTTP Request node: not measured (n8n not cached)");
	return lines;
}

/** The trigger's poll over 10,000 template versions, after its baseline: wall time, CPU, memory. */
async function measureTriggerPoll() {
	sandbox.reset();
	for (let index = 0; index < 10_000; index++) {
		sandbox.state.templates.push(
			templateVersion(`campaign_template_${String(index).padStart(5, '0')}`),
		);
	}
	const trigger = createPoller({
		credentials,
		parameters: { events: ['templateStatusChanged'], wabaId },
	});
	await trigger.poll();
	const walls = [];
	const cpus = [];
	const heaps = [];
	for (let poll = 0; poll < 5; poll++) {
		collectGarbage();
		const heapBefore = process.memoryUsage().heapUsed;
		const cpuBefore = process.cpuUsage();
		const started = performance.now();
		const requestsBefore = sandbox.requests.length;
		const { items: emitted, error } = await trigger.poll();
		if (error || emitted)
			throw new Error(`trigger poll: ${error?.message ?? `${emitted.length} items`}`);
		walls.push(performance.now() - started);
		const cpu = process.cpuUsage(cpuBefore);
		cpus.push((cpu.user + cpu.system) / 1000);
		heaps.push((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);
		if (sandbox.requests.length - requestsBefore !== 100)
			throw new Error('trigger poll: not 100 requests');
	}
	const snapshot = Buffer.byteLength(JSON.stringify(trigger.staticData()));
	return [
		`Trigger poll over 10,000 template versions (100 requests, no change): ${median(walls).toFixed(0)} ms wall (${range(walls.map((value) => value / 1000))} s), ` +
			`${median(cpus).toFixed(0)} ms CPU of this process (sandbox included), heap +${median(heaps).toFixed(0)} MiB before GC; static data ${(snapshot / 1024).toFixed(0)} KiB`,
	];
}

/** Return All in a process of its own, so that earlier rounds leave nothing on its heap. */
function measureReturnAll() {
	const child = spawnSync(
		process.execPath,
		['--expose-gc', path.join(root, 'test/bench/returnAll.mjs')],
		{
			cwd: root,
			encoding: 'utf8',
		},
	);
	if (child.status !== 0) throw new Error(`returnAll.mjs: ${child.stderr}`);
	const result = JSON.parse(child.stdout);
	const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
	return [
		`Return All over 10,000 templates (fresh process): ${result.items} items in ${result.requests} requests; ` +
			`${result.ms.toFixed(0)} ms against ${result.rawMs.toFixed(0)} ms of raw fetch paging (${(result.ms / result.rawMs).toFixed(2)}x); ` +
			`JSON received ${mib(result.jsonBytes)}, heap above the start at its peak ${mib(result.peakHeapAbove)} (${(result.peakHeapAbove / result.jsonBytes).toFixed(1)}x the JSON)`,
	];
}

function coldLoadAndPackage() {
	const cold = spawnSync(
		process.execPath,
		[
			'-e',
			`const started = performance.now();
			require('./dist/nodes/WoztellWhatsAppCloud/WoztellWhatsAppCloud.node.js');
			require('./dist/nodes/WoztellWhatsAppCloudTrigger/WoztellWhatsAppCloudTrigger.node.js');
			require('./dist/credentials/WoztellWhatsAppCloudApi.credentials.js');
			process.stdout.write(String(performance.now() - started));`,
		],
		{ cwd: root, encoding: 'utf8' },
	);
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: root,
			encoding: 'utf8',
		}),
	);
	return [
		`Cold load of both nodes and the credential from dist: ${Number(cold.stdout).toFixed(0)} ms`,
		`npm pack: ${(pack.size / 1024).toFixed(1)} kB packed, ${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked, ${pack.entryCount} files`,
	];
}

/** This node's two operations under `--cpu-prof`, in a child process; the top frames by self time. */
function profile() {
	const directory = mkdtempSync(path.join(os.tmpdir(), 'woztell-profile-'));
	const child = spawnSync(
		process.execPath,
		[
			'--expose-gc',
			'--cpu-prof',
			`--cpu-prof-dir=${directory}`,
			fileURLToPath(import.meta.url),
			'--profile-child',
			`--rounds=${ROUNDS}`,
		],
		{ cwd: root, encoding: 'utf8' },
	);
	if (child.status !== 0) throw new Error(`profile: ${child.stderr}`);
	const [file] = readdirSync(directory);
	const { nodes, samples, timeDeltas } = JSON.parse(
		readFileSync(path.join(directory, file), 'utf8'),
	);
	const frameOf = new Map(nodes.map(({ id, callFrame }) => [id, callFrame]));
	const selfTime = new Map();
	let total = 0;
	samples.forEach((id, index) => {
		const { functionName, url, lineNumber } = frameOf.get(id);
		const where = url.replace(/^.*node_modules\//, '').replace(`file://${root}/`, '');
		const key = `${functionName || '(anonymous)'} ${where}${url ? `:${lineNumber + 1}` : ''}`;
		selfTime.set(key, (selfTime.get(key) ?? 0) + timeDeltas[index]);
		total += timeDeltas[index];
	});
	const top = [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 15);
	return [
		`CPU profile of this node's two operations (${ROUNDS} runs of ${ITEMS} items each, sandbox in the same process), top frames by self time:`,
		...top.map(
			([key, micros]) =>
				`  ${(micros / 1000).toFixed(0).padStart(6)} ms ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}`,
		),
	];
}

if (profileOnly) {
	for (const [title, scenario] of Object.entries(scenarios)) {
		if (only && !title.includes(only)) continue;
		for (let round = 0; round < ROUNDS; round++) await timeRun('this node', scenario['this node']);
	}
	await sandbox.close();
} else {
	const lines = [
		`Machine: ${os.cpus().length} cores, load average ${load()} (1, 5, 15 min) at the start; Node ${process.version}`,
	];
	for (const [title, contenders] of Object.entries(scenarios)) {
		if (!only || title.includes(only)) lines.push(...(await measure(title, contenders)));
	}
	if (!only || 'campaign'.includes(only)) lines.push(...(await measureCampaign()));
	if (!only) lines.push(...(await measureTriggerPoll()));
	await sandbox.close();
	if (!only) lines.push(...measureReturnAll(), ...coldLoadAndPackage());
	if (process.argv.includes('--profile')) lines.push(...profile());
	lines.push(`Load average at the end: ${load()}`);
	process.stdout.write(`${lines.join('\n')}\n`);
}
