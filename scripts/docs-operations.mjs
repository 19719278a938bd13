#!/usr/bin/env node
// `npm run docs:operations`: rewrites the Operations table of README.md from the built node
// (dist/, so run `npm run build` first): one row per resource/operation pair, in the node's order,
// with the WOZTELL endpoint from the operation's routing. The Notes column is kept from the
// current README; a new operation starts with its description. `--check` only reports drift.
// test/readme.test.ts asserts the same table against the TypeScript source.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readmePath = path.join(repoRoot, 'README.md');
const nodeFile = path.join(
	repoRoot,
	'dist/nodes/WoztellWhatsAppCloud/WoztellWhatsAppCloud.node.js',
);
const HEADER = '| Resource | Operation | WOZTELL endpoint | Notes |';
const check = process.argv.includes('--check');

if (!fs.existsSync(nodeFile)) {
	console.error('docs:operations: dist/ is missing, run `npm run build` first');
	process.exit(1);
}
const { WoztellWhatsAppCloud } = createRequire(import.meta.url)(nodeFile);
const { properties } = new WoztellWhatsAppCloud().description;

const readme = fs.readFileSync(readmePath, 'utf8');
const lines = readme.split('\n');
const start = lines.indexOf(HEADER);
if (start < 0) throw new Error(`README.md has no line "${HEADER}"`);
let end = start + 2;
while (end < lines.length && lines[end].startsWith('|')) end++;

const notesOf = new Map();
for (const row of lines.slice(start + 2, end)) {
	const pair = /\(`(\w+)` \/ `(\w+)`\)/.exec(row);
	const cells = row.split(' | ');
	if (pair) notesOf.set(`${pair[1]}/${pair[2]}`, cells.slice(3).join(' | ').replace(/ \|$/, ''));
}

const rows = [];
for (const resource of properties.find((property) => property.name === 'resource').options) {
	const selector = properties.find(
		(property) =>
			property.name === 'operation' &&
			property.displayOptions?.show?.resource?.includes(resource.value),
	);
	for (const operation of selector.options) {
		const { method, url } = operation.routing.request;
		const key = `${resource.value}/${operation.value}`;
		const notes = notesOf.get(key) ?? `${operation.description}.`;
		rows.push(
			`| ${resource.name} | ${operation.name} (\`${resource.value}\` / \`${operation.value}\`) | \`${method} ${url}\` | ${notes} |`,
		);
	}
}

const updated = [...lines.slice(0, start + 2), ...rows, ...lines.slice(end)].join('\n');
if (updated === readme) {
	console.log(`docs:operations: README.md lists the ${rows.length} operations`);
} else if (check) {
	console.error('docs:operations: README.md is out of date, run `npm run docs:operations`');
	process.exit(1);
} else {
	fs.writeFileSync(readmePath, updated);
	console.log(`docs:operations: README.md updated (${rows.length} operations)`);
}
