// Debian's Chromium driven by playwright-core (Playwright's own browser download needs the
// internet). Installed with apt-get on first use: the suite runs as root on a Debian machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, selectors } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Fixed, so screenshots are comparable from one run to the next. */
export const VIEWPORT = { width: 1280, height: 800 };

export function ensureChromium(log) {
	if (fs.existsSync(CHROMIUM)) return;
	log(`${CHROMIUM} is missing: apt-get install -y chromium (about a minute, ~480 MB)…`);
	for (const args of [['update'], ['install', '-y', 'chromium']]) {
		const result = spawnSync('apt-get', args, { stdio: 'inherit' });
		if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} exited ${result.status}`);
	}
}

/**
 * Chromium without a network of its own: these flags stop the background fetches (updates,
 * sync, QUIC probes) that fill the log with refused connections on a machine offline. The
 * profile is a fresh empty folder (Playwright passes it as --user-data-dir).
 */
export async function launchBrowser() {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'woztell-ui-chromium-'));
	// n8n marks its elements with data-test-id, not Playwright's default data-testid.
	selectors.setTestIdAttribute('data-test-id');
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: VIEWPORT,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	return {
		context,
		async close() {
			await context.close();
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}
