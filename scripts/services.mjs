// Throwaway PostgreSQL and Redis servers for n8n's queue mode: loopback only, free ports, data in
// a temporary folder, stopped by pid. The Debian packages `postgresql` and `redis-server` are
// installed with apt-get when missing (root only; otherwise the error says what to install).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './n8n-process.mjs';

const isRoot = process.getuid?.() === 0;

function log(message) {
	process.stdout.write(`[services] ${message}\n`);
}

function postgresBinDir() {
	const base = '/usr/lib/postgresql';
	const versions = fs.existsSync(base)
		? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
		: [];
	const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
	return newest && path.join(base, newest, 'bin');
}

function redisServerBin() {
	for (const dir of (process.env.PATH || '')
		.split(path.delimiter)
		.concat('/usr/bin', '/usr/sbin')) {
		const candidate = path.join(dir, 'redis-server');
		if (fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

/** Installs the Debian packages whose programs are missing. */
export function ensureServicePackages() {
	const missing = [];
	if (!postgresBinDir()) missing.push('postgresql');
	if (!redisServerBin()) missing.push('redis-server');
	if (missing.length === 0) return;
	if (!isRoot)
		throw new Error(
			`queue mode needs ${missing.join(' and ')}: sudo apt-get install -y ${missing.join(' ')}`,
		);
	log(`installing ${missing.join(', ')} with apt-get…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
		stdio: 'inherit',
		env,
	});
}

function waitForExit(pid, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	return (async () => {
		for (;;) {
			try {
				process.kill(pid, 0);
			} catch {
				return true;
			}
			if (Date.now() > deadline) return false;
			await sleep(100);
		}
	})();
}

async function stopPid(pid, signal) {
	try {
		process.kill(pid, signal);
	} catch {
		return;
	}
	if (!(await waitForExit(pid, 20_000))) process.kill(pid, 'SIGKILL');
}

/**
 * initdb + pg_ctl start on 127.0.0.1:<free port>; as the `postgres` user when run as root (the
 * server refuses root). Trust authentication, loopback only. Returns { port, user, database, stop }.
 */
export async function startPostgres(work) {
	const bin = postgresBinDir();
	const dataDir = path.join(work, 'postgres');
	fs.mkdirSync(dataDir, { mode: 0o700 });
	const asServerUser = (command, args) =>
		isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
	if (isRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
		fs.chownSync(dataDir, uid, gid);
		// The server user must be able to reach its data folder inside the (mkdtemp, 0700) work folder.
		fs.chmodSync(work, 0o755);
	}
	const port = await freePort();
	const user = 'n8n';
	execFileSync(
		...asServerUser(path.join(bin, 'initdb'), [
			'-D',
			dataDir,
			'-U',
			user,
			'--auth=trust',
			'-E',
			'UTF8',
			'--no-sync',
		]),
		{ stdio: 'pipe' },
	);
	execFileSync(
		...asServerUser(path.join(bin, 'pg_ctl'), [
			'start',
			'-w',
			'-t',
			'120',
			'-D',
			dataDir,
			'-l',
			path.join(dataDir, 'server.log'),
			'-o',
			`-p ${port} -c listen_addresses=127.0.0.1 -k ${dataDir} -c fsync=off -c max_connections=100`,
		]),
		{ stdio: 'pipe' },
	);
	const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
	log(`postgres ${path.basename(path.dirname(bin))} on 127.0.0.1:${port} (pid ${pid})`);
	// SIGINT is PostgreSQL's "fast" shutdown.
	return { port, user, database: 'postgres', pid, stop: () => stopPid(pid, 'SIGINT') };
}

/** redis-server on 127.0.0.1:<free port>, nothing persisted. Returns { port, pid, stop }. */
export async function startRedis(work) {
	const port = await freePort();
	const dir = path.join(work, 'redis');
	fs.mkdirSync(dir);
	const child = spawn(
		redisServerBin(),
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
			'--logfile',
			path.join(dir, 'redis.log'),
		],
		{ stdio: 'ignore' },
	);
	const deadline = Date.now() + 30_000;
	while (!(await answersPing(port))) {
		if (child.exitCode !== null)
			throw new Error(`redis-server exited ${child.exitCode}; see ${dir}/redis.log`);
		if (Date.now() > deadline) throw new Error(`redis-server did not answer on ${port}`);
		await sleep(100);
	}
	log(`redis on 127.0.0.1:${port} (pid ${child.pid})`);
	return { port, pid: child.pid, stop: () => stopPid(child.pid, 'SIGTERM') };
}

async function answersPing(port) {
	const net = await import('node:net');
	return new Promise((resolve) => {
		const socket = net.connect({ port, host: '127.0.0.1' }, () => socket.write('PING\r\n'));
		socket.once('data', (d) => {
			socket.destroy();
			resolve(String(d).startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
	});
}
