// Running the cached n8n (see n8n-install.mjs) from scripts: environment, CLI calls, `n8n start`,
// owner set-up and REST calls. Shared by `npm run dev`, `npm run test:e2e` and `npm run bench`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { n8nBin, node24, repoRoot } from './n8n-install.mjs';

const require = createRequire(import.meta.url);

export const CREDENTIAL_TYPE = 'woztellWhatsAppCloudApi';
export const SANDBOX_CREDENTIAL_ID = 'wozSandboxCred01';
export const SANDBOX_CREDENTIAL_NAME = 'WOZTELL Sandbox';
export const OWNER = {
	email: 'owner@woztell.test',
	password: 'Sandbox-0wner!',
	firstName: 'Sandbox',
	lastName: 'Owner',
};

/** Credential data pointing at a sandbox, as the n8n credential form would hold it. */
export function sandboxCredentialData(baseUrl, overrides = {}) {
	return require(path.join(repoRoot, 'test', 'sandbox', 'state.js')).credentialData(
		baseUrl,
		overrides,
	);
}

/** The file `n8n import:credentials --input` reads: plain `data` is encrypted on import. */
export function credentialImport(credentials) {
	return credentials.map(({ id, name, data }) => ({ id, name, type: CREDENTIAL_TYPE, data }));
}

export function n8nEnv({ userFolder, port = 5678, brokerPort = 5679, extra = {} }) {
	const node = node24();
	const env = {
		...process.env,
		PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH || ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_HIDE_USAGE_PAGE: 'true',
		N8N_LOG_OUTPUT: 'console',
		DB_SQLITE_POOL_SIZE: '4',
		NO_COLOR: '1',
	};
	// A stray config from the caller's shell must not point n8n elsewhere.
	delete env.N8N_CONFIG_FILES;
	delete env.DB_TYPE;
	return { ...env, ...extra };
}

/**
 * Runs one n8n CLI command to completion and collects its output (never piped into `head`:
 * n8n's CLI spins when its stdout closes early).
 */
export function runN8n(args, { env, timeoutMs = 300_000, cwd, bin = n8nBin } = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(node24(), [bin, ...args], {
			env,
			cwd: cwd || env.N8N_USER_FOLDER,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(
				new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`),
			);
		}, timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
		});
	});
}

export async function runN8nOrThrow(args, options) {
	const result = await runN8n(args, options);
	if (result.code !== 0) {
		throw new Error(
			`n8n ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`,
		);
	}
	return result;
}

export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

export function portInUse(port, host = '127.0.0.1') {
	return new Promise((resolve) => {
		const socket = net.connect({ port, host });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** Polls `check` every half second until it gives a value, or fails after `timeoutMs`. */
export async function waitFor(what, check, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`gave up after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(500);
	}
}

/**
 * Starts `n8n start` (or `command`, e.g. ['worker'], whose health server listens on
 * QUEUE_HEALTH_CHECK_PORT); resolves once /healthz/readiness answers 200. `onLine` sees every
 * log line. Returns { child, url, stop }.
 */
export async function startN8n({
	env,
	logFile,
	onLine,
	readyTimeoutMs = 300_000,
	bin = n8nBin,
	command = ['start'],
}) {
	const port = command[0] === 'worker' ? env.QUEUE_HEALTH_CHECK_PORT : env.N8N_PORT;
	const url = `http://127.0.0.1:${port}`;
	if (await portInUse(Number(port))) {
		throw new Error(
			`Port ${port} is already in use: is another n8n running? Stop it or set N8N_PORT.`,
		);
	}
	const child = spawn(node24(), [bin, ...command], {
		env,
		cwd: env.N8N_USER_FOLDER,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: process.platform !== 'win32',
	});
	const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : undefined;
	const tail = [];
	for (const stream of [child.stdout, child.stderr]) {
		let buffer = '';
		stream.on('data', (d) => {
			log?.write(d);
			buffer += d;
			const lines = buffer.split('\n');
			buffer = lines.pop();
			for (const line of lines) {
				tail.push(line);
				if (tail.length > 60) tail.shift();
				onLine?.(line);
			}
		});
	}
	let exited = null;
	const exitPromise = new Promise((resolve) =>
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			log?.end();
			resolve(exited);
		}),
	);
	const stop = async () => {
		if (exited) return exited;
		try {
			// The whole process group: n8n starts its task runner as a child.
			process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGTERM');
		} catch {
			child.kill('SIGTERM');
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				child.kill('SIGKILL');
			}
		}, 15_000);
		const result = await exitPromise;
		clearTimeout(timer);
		return result;
	};
	const deadline = Date.now() + readyTimeoutMs;
	for (;;) {
		if (exited) {
			throw new Error(
				`n8n ${command[0]} exited (${exited.code ?? exited.signal}) before it was ready:\n${tail.join('\n')}`,
			);
		}
		try {
			const response = await fetch(`${url}/healthz/readiness`);
			// n8n 1.x says ready before its REST API is mounted: main waits for that as well.
			if (response.ok && (command[0] !== 'start' || (await fetch(`${url}/rest/settings`)).ok))
				break;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(
				`n8n ${command[0]} was not ready after ${readyTimeoutMs} ms:\n${tail.join('\n')}`,
			);
		}
		await sleep(250);
	}
	return { child, url, stop, exitPromise };
}

/** A tiny REST client with n8n's auth cookie. */
/** Whether an execution (as n8n's REST API lists it) has ended, in success or not. */
export const isFinishedExecution = ({ status }) => !['new', 'running', 'waiting'].includes(status);

export function restClient(url) {
	let cookie = '';
	const call = async (method, route, body) => {
		const response = await fetch(
			route.startsWith('/types/') ? `${url}${route}` : `${url}/rest${route}`,
			{
				method,
				headers: {
					'Content-Type': 'application/json',
					'browser-id': 'woztell-scripts',
					...(cookie ? { Cookie: cookie } : {}),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			},
		);
		const setCookie = response.headers.getSetCookie?.() ?? [];
		const auth = setCookie.find((c) => c.startsWith('n8n-auth='));
		if (auth) cookie = auth.split(';')[0];
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = text;
		}
		return { status: response.status, body: json };
	};
	const answerOf = (answer, what) => {
		if (answer.status !== 200)
			throw new Error(
				`${what}: n8n answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`,
			);
		return answer.body.data;
	};
	return {
		call,
		/** Publishes workflow `id` at its current version; returns the published workflow. */
		async publish(id) {
			const { versionId } = answerOf(await call('GET', `/workflows/${id}`), `workflow ${id}`);
			return answerOf(
				await call('POST', `/workflows/${id}/activate`, { versionId }),
				`publishing workflow ${id}`,
			);
		},
		/**
		 * A workflow's executions, newest first: n8n pages them 100 at a time with a cursor. Past one
		 * page, n8n 2.41.1 may miss some: it sorts by start time but pages by ID, and executions
		 * started out of ID order (queue mode) fall between pages. Read more by ID (queue.mjs).
		 */
		async executionsOf(workflowId) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const byId = new Map();
			let cursor = '';
			do {
				const page = answerOf(
					await call(
						'GET',
						`/executions?filter=${filter}&limit=100${cursor && `&cursor=${cursor}`}`,
					),
					`executions of ${workflowId}`,
				);
				for (const execution of page.results) byId.set(execution.id, execution);
				cursor = page.nextCursor;
			} while (cursor);
			return [...byId.values()];
		},
		/** Creates the owner on a fresh instance, or logs in when it exists. */
		async ownerSession(owner = OWNER) {
			const setup = await call('POST', '/owner/setup', owner);
			if (setup.status === 200) return setup;
			const login = await call('POST', '/login', {
				emailOrLdapLoginId: owner.email,
				password: owner.password,
			});
			if (login.status !== 200) {
				throw new Error(
					`n8n owner set-up answered ${setup.status} and login ${login.status}: ${JSON.stringify(login.body)}`,
				);
			}
			return login;
		},
	};
}
