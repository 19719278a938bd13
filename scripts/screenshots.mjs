#!/usr/bin/env node
// `npm run docs:screenshots`: the README's pictures of the editor, taken in the browser the UI
// suite uses (test/ui), against the seeded sandbox, at a fixed viewport, into .github/images/
// (a dot folder: `n8n-node build` copies every other PNG into dist/, and so into the package).
import path from 'node:path';
import { repoRoot } from './n8n-install.mjs';
import { ensureChromium, launchBrowser } from '../test/ui/browser.mjs';
import { actionOf, triggerEventOf } from '../test/ui/description.mjs';
import { startN8nWithSandbox } from '../test/ui/n8n.mjs';
import { openNodePanel } from '../test/ui/pages/canvas.mjs';
import { signIn } from '../test/ui/pages/signIn.mjs';

const folder = path.join(repoRoot, '.github', 'images');
const log = (msg) => process.stdout.write(`[screenshots] ${msg}\n`);

/** Each picture: how to get there, then what must be on screen before it is taken. */
const shots = [
	{
		file: 'template-get-many.png',
		async show(page, url) {
			const panel = await openNodePanel(page, url, actionOf('template', 'getMany'));
			await panel.execute();
			await panel.outputShows('order_update');
		},
	},
	{
		file: 'template-builder.png',
		async show(page, url) {
			const panel = await openNodePanel(page, url, actionOf('template', 'create'));
			await panel.fill('templateName', 'order_ready');
			await panel.selectOption('headerFormat', 'Text');
			await panel.fill('headerText', 'Order ready');
			await panel.fill('bodyText', 'Your order is ready for pickup.');
			await panel.fill('footerText', 'Reply STOP to opt out');
		},
	},
	{
		file: 'template-picker.png',
		async show(page, url) {
			const panel = await openNodePanel(page, url, actionOf('template', 'delete'));
			await panel.resourceLocator('template').openList();
		},
	},
	{
		file: 'trigger-test-event.png',
		async show(page, url) {
			const panel = await openNodePanel(page, url, triggerEventOf('templateStatusChanged'));
			await panel.execute();
			await panel.outputShows('sample');
		},
	},
];

async function main() {
	ensureChromium(log);
	const n8n = await startN8nWithSandbox({ log });
	const browser = await launchBrowser();
	try {
		const page = await browser.context.newPage();
		page.setDefaultTimeout(45_000);
		await signIn(page, n8n.url);
		for (const { file, show } of shots) {
			await show(page, n8n.url);
			// Let n8n's panel transitions settle: a picture taken mid-animation can be blank.
			await page.waitForTimeout(1_000);
			await page.screenshot({ path: path.join(folder, file) });
			log(`.github/images/${file}`);
		}
	} finally {
		await browser.close();
		await n8n.stop();
	}
}

main().catch((error) => {
	log(`FAILED: ${error.stack || error.message}`);
	process.exitCode = 1;
});
