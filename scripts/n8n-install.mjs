#!/usr/bin/env node
// Installs the pinned n8n once into a cache folder outside the repository and reuses it.
//
//   node scripts/n8n-install.mjs          install if needed, print the n8n folder
//   node scripts/n8n-install.mjs --check  exit 1 when not installed (no install)
//
// Facts this script follows (issue 6): n8n@2.41.1 is the newest version whose exact
// @n8n/* dependencies are all in the registry here; `npm install n8n` fails on an install
// script that downloads from the internet, so it is installed with --ignore-scripts, and
// the only native module without a Node 24 build (sqlite3) is rebuilt against the
// project's Node 24 headers (the machine's npmrc points node-gyp at Node 20's).
//
// Env: WOZTELL_N8N_HOME overrides the cache folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const N8N_VERSION = '2.41.1';
export const PACKAGE_NAME = 'n8n-nodes-woztell-whatsapp-cloud';
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const cacheBase = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
export const n8nHome =
	process.env.WOZTELL_N8N_HOME || path.join(cacheBase, PACKAGE_NAME, `n8n-${N8N_VERSION}`);
export const markerFile = path.join(n8nHome, '.installed.json');
export const n8nBin = path.join(n8nHome, 'node_modules', 'n8n', 'bin', 'n8n');

/** The project's Node 24 (the `node` devDependency), never the system Node 20. */
export function node24() {
	const candidates = [
		path.join(repoRoot, 'node_modules', 'node', 'bin', 'node'),
		path.join(repoRoot, 'node_modules', '.bin', 'node'),
	];
	for (const c of candidates) if (fs.existsSync(c)) return fs.realpathSync(c);
	throw new Error(
		`Node 24 not found under ${repoRoot}/node_modules (devDependency "node"). Run \`npm install\` first.`,
	);
}

/** Folder holding include/node/node.h for the project's Node 24. */
export function node24HeadersDir() {
	const candidates = [
		path.join(repoRoot, 'node_modules', 'node'),
		path.join(
			repoRoot,
			'node_modules',
			'node',
			'node_modules',
			`node-${process.platform}-${process.arch}`,
		),
		path.join(repoRoot, 'node_modules', `node-${process.platform}-${process.arch}`),
	];
	for (const c of candidates) {
		if (fs.existsSync(path.join(c, 'include', 'node', 'node.h'))) return c;
	}
	throw new Error(`Node 24 headers (include/node/node.h) not found in: ${candidates.join(', ')}`);
}

/** The npm CLI entry point, run with Node 24 so lifecycle scripts and node-gyp use it. */
function npmCli() {
	const guesses = [
		process.env.npm_execpath,
		path.join(
			path.dirname(process.execPath),
			'..',
			'lib',
			'node_modules',
			'npm',
			'bin',
			'npm-cli.js',
		),
		'/usr/lib/node_modules/npm/bin/npm-cli.js',
		'/usr/local/lib/node_modules/npm/bin/npm-cli.js',
	];
	for (const g of guesses) if (g && g.endsWith('.js') && fs.existsSync(g)) return g;
	const pathDirs = (process.env.PATH || '').split(path.delimiter);
	for (const d of pathDirs) {
		const p = path.join(d, 'npm');
		if (fs.existsSync(p)) {
			const real = fs.realpathSync(p);
			if (real.endsWith('.js')) return real;
		}
	}
	throw new Error('npm CLI not found');
}

export function isInstalled() {
	if (!fs.existsSync(markerFile) || !fs.existsSync(n8nBin)) return false;
	try {
		return JSON.parse(fs.readFileSync(markerFile, 'utf8')).n8n === N8N_VERSION;
	} catch {
		return false;
	}
}

function log(msg) {
	process.stderr.write(`[n8n-install] ${msg}\n`);
}

function run(cmd, args, opts) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
		child.on('error', reject);
		child.on('exit', (code, signal) =>
			code === 0
				? resolve()
				: reject(
						new Error(
							`${path.basename(args[0] || cmd)} ${args.slice(1).join(' ')} exited ${code ?? signal}`,
						),
					),
		);
	});
}

function countPackages() {
	const nm = path.join(n8nHome, 'node_modules');
	let n = 0;
	try {
		for (const e of fs.readdirSync(nm)) {
			if (e.startsWith('.')) continue;
			if (e.startsWith('@')) n += fs.readdirSync(path.join(nm, e)).length;
			else n++;
		}
	} catch {
		/* not created yet */
	}
	return n;
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Take a simple lock so two commands (dev and e2e) never install into the same folder at once. */
async function withLock(fn) {
	const lockDir = path.join(n8nHome, '.install.lock');
	fs.mkdirSync(n8nHome, { recursive: true });
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			let pid = 0;
			try {
				pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {
				/* being written */
			}
			if (pid && !pidAlive(pid)) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			log(`another install (pid ${pid || '?'}) is running; waiting for it…`);
			await sleep(5000);
			if (isInstalled()) return;
		}
	}
	try {
		await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

/** Ensure n8n is installed; returns { n8nHome, n8nBin, node }. No-op when the marker exists. */
export async function ensureN8n({ quiet = false } = {}) {
	const node = node24();
	if (isInstalled()) {
		if (!quiet) log(`n8n ${N8N_VERSION} already installed in ${n8nHome}`);
		return { n8nHome, n8nBin, node };
	}
	await withLock(async () => {
		if (isInstalled()) return;
		const started = Date.now();
		const headers = node24HeadersDir();
		const npm = npmCli();
		log(`Installing n8n@${N8N_VERSION} into ${n8nHome}`);
		log(
			'The first install is slow: about 3–6 minutes, ~2,400 packages, ~3 GB. It is cached afterwards.',
		);
		const pkgJson = path.join(n8nHome, 'package.json');
		if (!fs.existsSync(pkgJson)) {
			fs.writeFileSync(
				pkgJson,
				JSON.stringify(
					{
						name: 'woztell-n8n-cache',
						private: true,
						description: `n8n ${N8N_VERSION} for ${PACKAGE_NAME} dev/e2e`,
					},
					null,
					2,
				) + '\n',
			);
		}
		const env = {
			...process.env,
			PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH || ''}`,
			npm_config_yes: 'true',
			npm_config_audit: 'false',
			npm_config_fund: 'false',
			npm_config_update_notifier: 'false',
			npm_config_nodedir: headers,
		};
		// npm's progress bar is off without a TTY: print a heartbeat with the package count.
		const ticker = setInterval(() => {
			const s = Math.round((Date.now() - started) / 1000);
			log(`${s}s elapsed, ${countPackages()} packages in node_modules so far…`);
		}, 15000);
		try {
			await run(
				node,
				[
					npm,
					'install',
					'--ignore-scripts',
					'--no-audit',
					'--no-fund',
					'--loglevel=warn',
					`n8n@${N8N_VERSION}`,
				],
				{ cwd: n8nHome, env },
			);
			log(
				`npm install done in ${Math.round((Date.now() - started) / 1000)} s; rebuilding sqlite3 for Node ${process.versions.node.split('.')[0] === '24' ? '24' : '24 (project)'}…`,
			);
			const rebuildStart = Date.now();
			await run(node, [npm, 'rebuild', 'sqlite3', '--loglevel=warn'], { cwd: n8nHome, env });
			log(`sqlite3 rebuilt in ${Math.round((Date.now() - rebuildStart) / 1000)} s`);
			// Sanity check: the native module loads in Node 24 and n8n answers --version.
			await run(node, ['-e', "require('sqlite3'); process.stdout.write('')"], {
				cwd: n8nHome,
				env,
			});
			await run(node, [n8nBin, '--version'], { cwd: n8nHome, env });
		} finally {
			clearInterval(ticker);
		}
		const seconds = Math.round((Date.now() - started) / 1000);
		fs.writeFileSync(
			markerFile,
			JSON.stringify(
				{ n8n: N8N_VERSION, node: node, installedAt: new Date().toISOString(), seconds },
				null,
				2,
			) + '\n',
		);
		log(`n8n ${N8N_VERSION} installed in ${seconds} s (${countPackages()} packages).`);
	});
	if (!isInstalled()) throw new Error(`n8n ${N8N_VERSION} install did not complete in ${n8nHome}`);
	return { n8nHome, n8nBin, node };
}

const isMain =
	process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
	if (process.argv.includes('--check')) {
		process.stdout.write(`${n8nHome}\n`);
		process.exit(isInstalled() ? 0 : 1);
	}
	ensureN8n()
		.then(({ n8nHome: home }) => process.stdout.write(`${home}\n`))
		.catch((e) => {
			log(`FAILED: ${e.message}`);
			process.exit(1);
		});
}
