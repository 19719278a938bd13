// A real n8n for the browser: the built package linked into a throwaway user folder the way
// `npm run dev` links it (node types CUSTOM.*), the WOZTELL sandbox beside it, the ready
// "WOZTELL Sandbox" credential, an owner account, free loopback ports. stop() ends it all.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ensureN8n, PACKAGE_NAME, repoRoot } from '../../scripts/n8n-install.mjs';
import {
	credentialImport,
	freePort,
	n8nEnv,
	restClient,
	runN8nOrThrow,
	SANDBOX_CREDENTIAL_ID,
	SANDBOX_CREDENTIAL_NAME,
	sandboxCredentialData,
	startN8n,
} from '../../scripts/n8n-process.mjs';

const require = createRequire(import.meta.url);
export const NODE_TYPE = 'CUSTOM.woztellWhatsAppCloud';
export const TRIGGER_TYPE = 'CUSTOM.woztellWhatsAppCloudTrigger';

/** `seeded: false` gives the sandbox's empty account (no templates, no flows). */
export async function startN8nWithSandbox({ seeded = true, log = () => {} } = {}) {
	await ensureN8n({ quiet: true });
	const { startSandbox } = require(path.join(repoRoot, 'test', 'sandbox', 'server.js'));
	const sandbox = await startSandbox({ port: 0 });
	if (seeded) require(path.join(repoRoot, 'test', 'sandbox', 'seed.js')).seed(sandbox.state);
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'woztell-ui-'));
	// Undone last-in first-out: n8n, then the sandbox, then the folder.
	const stops = [() => fs.rmSync(work, { recursive: true, force: true }), () => sandbox.close()];
	const stop = async () => {
		for (const step of stops.reverse()) await step();
	};
	try {
		const userFolder = path.join(work, 'user');
		const customModules = path.join(userFolder, '.n8n', 'custom', 'node_modules');
		fs.mkdirSync(customModules, { recursive: true });
		fs.symlinkSync(path.join(repoRoot, 'dist'), path.join(customModules, PACKAGE_NAME), 'dir');
		const env = n8nEnv({
			userFolder,
			port: await freePort(),
			brokerPort: await freePort(),
			extra: { N8N_COMMUNITY_PACKAGES_ENABLED: 'true' },
		});
		const credentials = path.join(work, 'credentials.json');
		fs.writeFileSync(
			credentials,
			JSON.stringify(
				credentialImport([
					{
						id: SANDBOX_CREDENTIAL_ID,
						name: SANDBOX_CREDENTIAL_NAME,
						data: sandboxCredentialData(sandbox.baseUrl),
					},
				]),
			),
		);
		await runN8nOrThrow(['import:credentials', `--input=${credentials}`], { env });
		log(`starting n8n on ${env.N8N_PORT}…`);
		const n8n = await startN8n({ env, logFile: path.join(work, 'n8n.log') });
		stops.push(() => n8n.stop());
		await restClient(n8n.url).ownerSession();
		return { url: n8n.url, sandbox, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
