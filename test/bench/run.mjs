#!/usr/bin/env node
// `npm run bench`: ratios measured side by side in one run against the same sandbox on loopback.
import { createRequire } from 'node:module';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
process.env.N8N_LOG_LEVEL = 'silent';

// Load the TypeScript engine harness the way jest does: transpiled on the fly.
const ts = require('typescript');
require.extensions['.ts'] = (module, filename) => {
	const source = readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
		},
		fileName: filename,
	});
	module._compile(outputText, filename);
};
// `./X.node` must find X.node.ts before the codex file X.node.json.
const Module = require('node:module');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
	if (request.startsWith('.') && parent?.filename?.endsWith('.ts')) {
		const candidate = path.resolve(path.dirname(parent.filename), `${request}.ts`);
		if (existsSync(candidate)) return candidate;
	}
	return resolveFilename.call(this, request, parent, ...rest);
};

const { runNode, sandboxCredentials } = require('../engine/harness.ts');
const { startSandbox } = require('../sandbox');
const { MinimalNode } = require('./minimalNode.js');
const { DirectoryLoader } = require('n8n-core');

const ITEMS = 1000;
const ROUNDS = 5;
const TEMPLATES = 10_000;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

async function timed(run) {
	const started = performance.now();
	await run();
	return performance.now() - started;
}

/** n8n's HTTP Request node, from the n8n install `npm run dev` caches, when it is there. */
function httpRequestNode() {
	const cache = process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache');
	const file = path.join(
		cache,
		'n8n-nodes-woztell-whatsapp-cloud/n8n-2.41.1/node_modules/n8n-nodes-base/dist/nodes/HttpRequest/V3/HttpRequestV3.node.js',
	);
	if (!existsSync(file)) return undefined;
	try {
		const { HttpRequestV3 } = require(file);
		return new HttpRequestV3({
			name: 'httpRequest',
			displayName: 'HTTP Request',
			group: ['output'],
			description: '',
			defaultVersion: 4.2,
		});
	} catch {
		return undefined;
	}
}

const sandbox = await startSandbox();
const credentials = sandboxCredentials(sandbox);
const phoneNumberId = sandbox.state.identity.phoneNumberId;
const items = Array.from({ length: ITEMS }, (_, index) => ({ index }));

const minimal = new MinimalNode();
DirectoryLoader.applyDeclarativeNodeOptionParameters(minimal);
const httpRequest = httpRequestNode();

// To see what the description's size costs: the same node with only the fields of its resource.
const {
	WoztellWhatsAppCloud,
} = require('../../nodes/WoztellWhatsAppCloud/WoztellWhatsAppCloud.node.ts');
const trimmed = new WoztellWhatsAppCloud();
trimmed.description = {
	...trimmed.description,
	properties: trimmed.description.properties.filter(
		(property) =>
			!property.displayOptions?.show?.resource ||
			property.displayOptions.show.resource.includes('businessProfile'),
	),
};
DirectoryLoader.applyDeclarativeNodeOptionParameters(trimmed);

const contenders = {
	'this node (business profile get)': () =>
		runNode(
			{ resource: 'businessProfile', operation: 'get', phoneNumberId },
			{ credentials, items },
		),
	'same, description cut to its resource': () =>
		runNode(
			{ resource: 'businessProfile', operation: 'get', phoneNumberId },
			{ credentials, items, nodeType: trimmed },
		),
	'minimal declarative node': () =>
		runNode({ phoneNumberId }, { credentials, items, nodeType: minimal }),
	...(httpRequest && {
		"n8n's HTTP Request node": () =>
			runNode(
				{
					method: 'GET',
					url: `${sandbox.baseUrl}/whatsapp-business-profile`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'woztellWhatsAppCloudApi',
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'phoneNumberId', value: phoneNumberId }] },
					options: {},
				},
				{
					credentials,
					items,
					nodeType: httpRequest,
					node: { type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2 },
				},
			),
	}),
	'fetch (undici) directly, same concurrency': async () => {
		const { headers, qs } =
			await new (require('../../credentials/WoztellWhatsAppCloudApi.credentials.ts').WoztellWhatsAppCloudApi)().authenticate(
				credentials,
				{ qs: { phoneNumberId }, headers: {} },
			);
		const url = `${sandbox.baseUrl}/whatsapp-business-profile?${new URLSearchParams(qs)}`;
		await Promise.all(items.map(() => fetch(url, { headers }).then((response) => response.json())));
	},
};

const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
for (const run of Object.values(contenders)) await run(); // warm-up
for (let round = 0; round < ROUNDS; round++) {
	for (const [name, run] of Object.entries(contenders)) {
		sandbox.reset();
		const result = await timed(async () => {
			const outcome = await run();
			if (outcome?.error) throw new Error(`${name}: ${outcome.error.message}`);
			if (outcome && outcome.items.length !== ITEMS)
				throw new Error(`${name}: ${outcome.items.length} items`);
		});
		if (sandbox.requests.length !== ITEMS)
			throw new Error(`${name}: ${sandbox.requests.length} requests`);
		times[name].push(result);
	}
}
const ours = median(times['this node (business profile get)']);
const floor = median(times['minimal declarative node']);
const lines = [`${ITEMS} items → ${ITEMS} requests, median of ${ROUNDS} rounds:`];
for (const [name, values] of Object.entries(times)) {
	const value = median(values);
	lines.push(
		`  ${name.padEnd(42)} ${ms(value).padStart(8)}  ${(value / ITEMS).toFixed(2)} ms/item  ours / this = ${(ours / value).toFixed(2)}x`,
	);
}
if (!httpRequest)
	lines.push("  n8n's HTTP Request node: not measured (run `npm run dev` once to cache n8n)");
lines.push(`  ratio ours / minimal node: ${(ours / floor).toFixed(2)}x`);

// Return All over 10,000 templates.
sandbox.reset();
for (let index = 0; index < TEMPLATES; index++) {
	sandbox.state.templates.push({
		id: String(1748340935544000 + index),
		name: `template_${String(index).padStart(5, '0')}`,
		language: 'en_US',
		category: 'UTILITY',
		status: 'APPROVED',
		rejected_reason: 'NONE',
		quality_score: 'GREEN',
		components: [{ type: 'BODY', text: `Template ${index}` }],
		createdAt: index,
		editedAt: [],
	});
}
const wabaId = sandbox.state.identity.wabaId;
let peakHeap = 0;
const sampler = setInterval(
	() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)),
	5,
);
const heapBefore = process.memoryUsage().heapUsed;
let templates;
const returnAll = await timed(async () => {
	({ items: templates } = await runNode(
		{ resource: 'template', operation: 'getMany', wabaId, returnAll: true },
		{ credentials },
	));
});
clearInterval(sampler);
const templateRequests = sandbox.requests.length;
const raw = await timed(async () => {
	const { qs, headers } =
		await new (require('../../credentials/WoztellWhatsAppCloudApi.credentials.ts').WoztellWhatsAppCloudApi)().authenticate(
			credentials,
			{ qs: { wabaId, first: 100 }, headers: {} },
		);
	let after;
	do {
		const query = new URLSearchParams({ ...qs, ...(after ? { after } : {}) });
		const body = await (
			await fetch(`${sandbox.baseUrl}/whatsapp-message-templates?${query}`, { headers })
		).json();
		after = body.paging?.hasNext ? body.paging.cursors.after : undefined;
	} while (after);
});
lines.push(
	`Return All over ${TEMPLATES} templates: ${templates.length} items in ${templateRequests} requests, ${ms(returnAll)}; raw fetch paging ${ms(raw)} (${(returnAll / raw).toFixed(2)}x); peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB (${((peakHeap - heapBefore) / 2 ** 20).toFixed(0)} MiB above the start)`,
);
await sandbox.close();

// Cold load and package size.
const cold = spawnSync(
	process.execPath,
	[
		'-e',
		`
	const started = performance.now();
	require('./dist/nodes/WoztellWhatsAppCloud/WoztellWhatsAppCloud.node.js');
	require('./dist/credentials/WoztellWhatsAppCloudApi.credentials.js');
	process.stdout.write(String(performance.now() - started));
`,
	],
	{ cwd: root, encoding: 'utf8' },
);
lines.push(
	existsSync(path.join(root, 'dist'))
		? `Cold load of every dist node and credential: ${Number(cold.stdout).toFixed(0)} ms`
		: 'Cold load: run `npm run build` first',
);
const [pack] = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
	}),
);
lines.push(
	`npm pack: ${(pack.size / 1024).toFixed(1)} kB packed, ${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked, ${pack.entryCount} files`,
);

process.stdout.write(`${lines.join('\n')}\n`);
