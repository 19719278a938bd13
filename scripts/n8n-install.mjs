#!/usr/bin/env node
// Installs the pinned n8n once into a cache folder outside the repository and reuses it.
//
//   node scripts/n8n-install.mjs          install if needed, print the n8n folder
//   node scripts/n8n-install.mjs --check  exit 1 when not installed (no install)
//   … --n8n 1.123.x                       another n8n version, in its own cache folder
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
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const N8N_VERSION = '2.41.1';
export const PACKAGE_NAME = 'n8n-nodes-woztell-whatsapp-cloud';
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const cacheBase = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');

/** Where an n8n version lives: one cache folder per version (WOZTELL_N8N_HOME: the pinned one's). */
export function n8nPaths(version = N8N_VERSION) {
	const home =
		version === N8N_VERSION && process.env.WOZTELL_N8N_HOME
			? process.env.WOZTELL_N8N_HOME
			: path.join(cacheBase, PACKAGE_NAME, `n8n-${version}`);
	return {
		version,
		home,
		marker: path.join(home, '.installed.json'),
		bin: path.join(home, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

export const { home: n8nHome, bin: n8nBin } = n8nPaths();

/**
 * What the install folder's package.json needs beyond n8n itself. n8n 1.x pins `xlsx` to a
 * tarball on SheetJS's own server, which is unreachable here: the registry's last xlsx replaces it.
 */
function installManifest(version) {
	return {
		name: 'woztell-n8n-cache',
		private: true,
		description: `n8n ${version} for ${PACKAGE_NAME} dev/e2e`,
		...(version.startsWith('1.') ? { overrides: { xlsx: '0.18.5' } } : {}),
	};
}

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
	for (const guess of guesses) {
		if (guess && guess.endsWith('.js') && fs.existsSync(guess)) return guess;
	}
	const pathDirs = (process.env.PATH || '').split(path.delimiter);
	for (const dir of pathDirs) {
		const npmBin = path.join(dir, 'npm');
		if (fs.existsSync(npmBin)) {
			const real = fs.realpathSync(npmBin);
			if (real.endsWith('.js')) return real;
		}
	}
	throw new Error('npm CLI not found');
}

export function isInstalled(version = N8N_VERSION) {
	const { marker, bin } = n8nPaths(version);
	if (!fs.existsSync(marker) || !fs.existsSync(bin)) return false;
	try {
		return JSON.parse(fs.readFileSync(marker, 'utf8')).n8n === version;
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

function countPackages(home) {
	const nodeModules = path.join(home, 'node_modules');
	let count = 0;
	try {
		for (const entry of fs.readdirSync(nodeModules)) {
			if (entry.startsWith('.')) continue;
			if (entry.startsWith('@')) count += fs.readdirSync(path.join(nodeModules, entry)).length;
			else count++;
		}
	} catch {
		/* not created yet */
	}
	return count;
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Take a simple lock so two commands (dev and e2e) never install into the same folder at once. */
async function withLock(version, fn) {
	const { home } = n8nPaths(version);
	const lockDir = path.join(home, '.install.lock');
	fs.mkdirSync(home, { recursive: true });
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
			if (isInstalled(version)) return;
		}
	}
	try {
		await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

/** Ensure n8n `version` is installed; returns { n8nHome, n8nBin, node }. No-op when the marker exists. */
export async function ensureN8n({ quiet = false, version = N8N_VERSION } = {}) {
	const node = node24();
	const { home, bin, marker } = n8nPaths(version);
	if (isInstalled(version)) {
		if (!quiet) log(`n8n ${version} already installed in ${home}`);
		return { n8nHome: home, n8nBin: bin, node };
	}
	await withLock(version, async () => {
		if (isInstalled(version)) return;
		const started = Date.now();
		const headers = node24HeadersDir();
		const npm = npmCli();
		log(`Installing n8n@${version} into ${home}`);
		log(
			'The first install is slow: about 3–7 minutes, ~2,000–2,400 packages, ~3 GB. It is cached afterwards.',
		);
		fs.writeFileSync(
			path.join(home, 'package.json'),
			JSON.stringify(installManifest(version), null, 2) + '\n',
		);
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
			const seconds = Math.round((Date.now() - started) / 1000);
			log(`${seconds}s elapsed, ${countPackages(home)} packages in node_modules so far…`);
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
					`n8n@${version}`,
				],
				{ cwd: home, env },
			);
			log(
				`npm install done in ${Math.round((Date.now() - started) / 1000)} s; rebuilding sqlite3 for the project's Node 24…`,
			);
			const rebuildStart = Date.now();
			await run(node, [npm, 'rebuild', 'sqlite3', '--loglevel=warn'], { cwd: home, env });
			log(`sqlite3 rebuilt in ${Math.round((Date.now() - rebuildStart) / 1000)} s`);
			// Sanity check: the native module loads in Node 24 and n8n answers --version.
			await run(node, ['-e', "require('sqlite3'); process.stdout.write('')"], { cwd: home, env });
			await run(node, [bin, '--version'], { cwd: home, env });
		} finally {
			clearInterval(ticker);
		}
		const seconds = Math.round((Date.now() - started) / 1000);
		fs.writeFileSync(
			marker,
			JSON.stringify(
				{ n8n: version, node: node, installedAt: new Date().toISOString(), seconds },
				null,
				2,
			) + '\n',
		);
		log(`n8n ${version} installed in ${seconds} s (${countPackages(home)} packages).`);
	});
	if (!isInstalled(version)) throw new Error(`n8n ${version} install did not complete in ${home}`);
	return { n8nHome: home, n8nBin: bin, node };
}

/** The value of `--name value` or `--name=value` in argv. */
export function option(argv, name) {
	const index = argv.indexOf(`--${name}`);
	if (index !== -1) return argv[index + 1];
	return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const isMain =
	process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
	const version = option(process.argv, 'n8n') ?? N8N_VERSION;
	if (process.argv.includes('--check')) {
		process.stdout.write(`${n8nPaths(version).home}\n`);
		process.exit(isInstalled(version) ? 0 : 1);
	}
	ensureN8n({ version })
		.then(({ n8nHome: home }) => process.stdout.write(`${home}\n`))
		.catch((e) => {
			log(`FAILED: ${e.message}`);
			process.exit(1);
		});
}
