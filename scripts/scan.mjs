#!/usr/bin/env node
// `npm run scan`: the two lint passes of n8n's community package scanner
// (@n8n/scan-community-package, what n8n runs before it verifies a community node), run locally.
//
// `npx @n8n/scan-community-package <name>` works on a *published* version only: it fetches the
// package metadata and provenance attestation from registry.npmjs.org, the attested source from
// codeload.github.com and the tarball with `npm pack <name>@<version>`. Its lint passes are the
// exported `analyzePackage(dir, patterns)`, which needs no network; this script calls it the same
// way `analyzePackageByName` does:
//   1. source:  this repository with SOURCE_FILE_PATTERNS (package.json, nodes/ and credentials/
//               .ts/.js/.json) — the full rule set, as on the provenance-attested checkout;
//   2. tarball: `npm pack` of the current build, unpacked, with ['**/*.js', 'package.json'].
// The provenance check is left to the registry (publish.yml publishes with provenance).
//
// Run after `npm run build` (the tarball holds dist/). Exit code 1 if either pass fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pack from './pack.cjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The scanner makes a temporary folder when it is imported and never removes it: give it one of ours.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'woztell-scan-'));
process.env.TMPDIR = scratch;
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(
	'@n8n/scan-community-package/scanner/scanner.mjs'
);

const { version: scannerVersion } = JSON.parse(
	fs.readFileSync(
		path.join(repoRoot, 'node_modules/@n8n/scan-community-package/package.json'),
		'utf8',
	),
);

let failed = false;
function report(label, result) {
	if (result.passed) {
		console.log(`scan: ${label} passed${result.message ? ` (${result.message})` : ''}`);
		return;
	}
	failed = true;
	console.log(`scan: ${label} FAILED: ${result.message}`);
	if (result.details) console.log(result.details);
}

const packWork = pack.makeWorkDir('woztell-pack-');
try {
	if (!fs.existsSync(path.join(repoRoot, 'dist'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	console.log(`scan: @n8n/scan-community-package ${scannerVersion}`);
	report('source pass', await analyzePackage(repoRoot, SOURCE_FILE_PATTERNS));

	const packed = pack.packAndExtract(repoRoot, packWork.dir);
	const files = packed.files.length;
	report(
		`tarball pass (${path.basename(packed.tarball)}, ${files} files, ${packed.size} bytes)`,
		await analyzePackage(packed.packageDir, ['**/*.js', 'package.json']),
	);
} catch (error) {
	failed = true;
	console.error(`scan: ${error.message}`);
} finally {
	packWork.cleanup();
	fs.rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
