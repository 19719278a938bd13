// Return All over 10,000 templates (run by run.mjs): the node's time and the heap it needs at its
// peak, beside raw `fetch` paging and the JSON it receives. The measuring process holds nothing
// else: the sandbox answers from this script's first process. Prints one JSON line.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { require } from './tsLoader.mjs';

const TEMPLATES = 10_000;
const { credentialData, identity, startSandbox, templateVersion } = require('../sandbox');
const [, , role, baseUrl] = process.argv;

async function serveAndMeasure() {
	const sandbox = await startSandbox();
	for (let index = 0; index < TEMPLATES; index++) {
		sandbox.state.templates.push(templateVersion(`template_${String(index).padStart(5, '0')}`));
	}
	const child = spawn(
		process.execPath,
		['--expose-gc', fileURLToPath(import.meta.url), '--measure', sandbox.baseUrl],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	const code = await new Promise((resolve) => child.on('exit', resolve));
	await sandbox.close();
	if (code !== 0) throw new Error(`the measuring process exited ${code}`);
	const result = JSON.parse(output);
	const { from, to } = result.nodeRun;
	result.requests = sandbox.requests.filter(
		({ receivedAt }) => receivedAt >= from && receivedAt <= to,
	).length;
	process.stdout.write(JSON.stringify(result));
}

async function measure() {
	const { runNode } = require('../engine/harness.ts');
	const {
		WoztellWhatsAppCloudApi,
	} = require('../../credentials/WoztellWhatsAppCloudApi.credentials.ts');
	const credentials = credentialData(baseUrl);
	const { wabaId } = identity;

	/** Raw paging with fetch: the floor, and the size of the JSON the node receives. */
	async function rawPaging() {
		const request = { qs: { wabaId, first: 100 }, headers: {} };
		const { qs, headers } = await new WoztellWhatsAppCloudApi().authenticate(credentials, request);
		let jsonBytes = 0;
		let after;
		do {
			const query = new URLSearchParams({ ...qs, ...(after ? { after } : {}) });
			const text = await (
				await fetch(`${baseUrl}/whatsapp-message-templates?${query}`, { headers })
			).text();
			jsonBytes += Buffer.byteLength(text);
			const body = JSON.parse(text);
			after = body.paging?.hasNext ? body.paging.cursors.after : undefined;
		} while (after);
		return jsonBytes;
	}

	const parameters = { resource: 'template', operation: 'getMany', wabaId, returnAll: true };
	await runNode({ ...parameters, returnAll: false, limit: 1 }, { credentials }); // loads the engine's code
	await rawPaging();
	const rawStarted = performance.now();
	const jsonBytes = await rawPaging();
	const rawMs = performance.now() - rawStarted;

	globalThis.gc();
	const heapAtStart = process.memoryUsage().heapUsed;
	let peakHeap = heapAtStart;
	const sampler = setInterval(
		() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)),
		2,
	);
	const from = Date.now();
	const started = performance.now();
	const { items } = await runNode(parameters, { credentials });
	const ms = performance.now() - started;
	const to = Date.now();
	peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
	clearInterval(sampler);
	process.stdout.write(
		JSON.stringify({
			items: items.length,
			ms,
			rawMs,
			jsonBytes,
			peakHeapAbove: peakHeap - heapAtStart,
			nodeRun: { from, to },
		}),
	);
}

await (role === '--measure' ? measure() : serveAndMeasure());
