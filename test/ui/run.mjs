#!/usr/bin/env node
// `npm run test:ui`: the editor in a real browser (Debian's Chromium, driven by playwright-core)
// against a real n8n with this package linked and the seeded WOZTELL sandbox beside it
// (test/ui/n8n.mjs). Each test clicks what a user clicks; selectors live in test/ui/pages/.
// Last line: `ui: N passed, N failed`.
//
// Flags: --no-build (use dist/ as is), --only=<substring of a test title>.
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { node24, repoRoot } from '../../scripts/n8n-install.mjs';
import { sandboxCredentialData } from '../../scripts/n8n-process.mjs';
import { ensureChromium, launchBrowser } from './browser.mjs';
import { TEMPLATES } from '../sandbox/seed.js';
import {
	actionOf,
	builtNodeDescription,
	expectedFields,
	operations,
	triggerEventOf,
} from './description.mjs';
import { startN8nWithSandbox } from './n8n.mjs';
import { openNodePanel } from './pages/canvas.mjs';
import { CredentialModal } from './pages/credentialModal.mjs';
import { signIn } from './pages/signIn.mjs';

const argv = process.argv.slice(2);
const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (msg) => process.stdout.write(`[ui ${elapsed()}] ${msg}\n`);
const results = [];
const tests = [];
const test = (title, fn) => tests.push({ title, fn });
/** What a user types into the credential form (the signed context source keeps its default). */
const typedCredential = (baseUrl, overrides) =>
	Object.fromEntries(
		Object.entries(sandboxCredentialData(baseUrl, overrides)).filter(
			([name]) => name !== 'signedContextSource',
		),
	);

function build() {
	const node = node24();
	const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'n8n-node'), ['build'], {
		cwd: repoRoot,
		stdio: 'inherit',
		env: { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` },
	});
	if (result.status !== 0) throw new Error(`n8n-node build exited ${result.status}`);
}

/**
 * A new credential typed into the modal from a node panel and saved: n8n tests it on Save. Resolves
 * with the panel and the modal.
 */
async function saveNewCredential(page, url, values) {
	const panel = await openNodePanel(page, url, actionOf('catalog', 'getMany'));
	const modal = new CredentialModal(page);
	await modal.openNew();
	await modal.fill(values);
	await modal.save();
	return { panel, modal };
}

/** A credential whose test fails: the failure's details, and that no success shows beside them. */
async function refusedCredentialDetails(page, url, values) {
	const { modal } = await saveNewCredential(page, url, values);
	const details = await modal.failureDetails();
	assert.match(details, /Couldn.t connect with these settings/);
	assert.equal(await modal.testSucceeded.isVisible(), false);
	return details;
}

test('credential modal: Save tests a good token and closes; the saved credential shows "Connection tested successfully"', async ({
	page,
	url,
	sandbox,
}) => {
	const wabaInfoCalls = sandbox.requests.filter((r) => r.path === '/waba-info').length;
	const { panel, modal } = await saveNewCredential(page, url, typedCredential(sandbox.baseUrl));
	await modal.root.waitFor({ state: 'hidden' });
	assert.match(await panel.selectedCredential(), /^WOZTELL WhatsApp Cloud account/);
	await modal.openSelected();
	await modal.testSucceeded.waitFor();
	assert.ok(
		sandbox.requests.filter((r) => r.path === '/waba-info').length > wabaInfoCalls,
		'the test asked WOZTELL',
	);
});

test("credential modal: a bad token is refused and the details show the credential's message", async ({
	page,
	url,
	sandbox,
}) => {
	const details = await refusedCredentialDetails(
		page,
		url,
		typedCredential(sandbox.baseUrl, { accessToken: 'not-a-valid-token' }),
	);
	assert.match(details, /WOZTELL refused the access token or the channel ID/);
});

test("credential modal: a Base URL that answers a web page is refused with the credential's message", async ({
	page,
	url,
	sandbox,
}) => {
	const calls = sandbox.requests.length;
	// n8n's own address: it answers /waba-info with its editor's HTML page.
	const details = await refusedCredentialDetails(page, url, typedCredential(url));
	assert.match(details, /The Base URL does not answer as WOZTELL's Public API/);
	assert.match(details, /ending in \/v1\.2\/api/);
	assert.equal(sandbox.requests.length, calls, 'the test asked the page, not WOZTELL');
});

test('node panel: every resource and operation shows exactly the fields the description displays', async ({
	page,
	url,
}) => {
	const description = builtNodeDescription();
	const all = operations(description);
	const panel = await openNodePanel(page, url, all[0].action);
	const mismatches = [];
	for (const { resource, resourceTitle, operation, operationTitle } of all) {
		await panel.selectOption('resource', resourceTitle);
		await panel.selectOption('operation', operationTitle);
		const shown = await panel.visibleFields();
		const expected = expectedFields(description, { resource, operation });
		if (JSON.stringify(shown) !== JSON.stringify(expected))
			mismatches.push(
				`${resource}/${operation}: shown ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`,
			);
	}
	assert.deepEqual(mismatches, []);
	log(`  panels checked: ${all.length} operations`);
});

test('node panel: list operations show Return All, Limit, then Filters and Options', async ({
	page,
	url,
}) => {
	const description = builtNodeDescription();
	const lists = operations(description).filter((o) => o.operation === 'getMany');
	const panel = await openNodePanel(page, url, lists[0].action);
	const wrong = [];
	for (const { resource, resourceTitle, operationTitle } of lists) {
		await panel.selectOption('resource', resourceTitle);
		await panel.selectOption('operation', operationTitle);
		const shown = await panel.visibleFields();
		const order = ['Return All', 'Limit', 'Filters', 'Options'].filter((f) => shown.includes(f));
		const positions = order.map((f) => shown.indexOf(f));
		if (positions.some((p, i) => i > 0 && p < positions[i - 1]))
			wrong.push(`${resource}: ${JSON.stringify(shown)}`);
	}
	assert.deepEqual(wrong, []);
});

test('Send and Wait for Approval: the panel says which answer mode applies and why; Web Links, Approve Only and the Options change what it shows', async ({
	page,
	url,
}) => {
	const description = builtNodeDescription();
	const fieldsFor = (values) =>
		expectedFields(description, { resource: 'message', operation: 'sendAndWait', ...values });
	const panel = await openNodePanel(page, url, actionOf('message', 'sendAndWait'));
	const buttons = await panel.visibleFields();
	assert.deepEqual(buttons, fieldsFor({}));
	assert.ok(
		buttons.some((field) => field.startsWith('Buttons: the tap reaches n8n through')),
		JSON.stringify(buttons),
	);
	assert.ok(buttons.includes('Decline Label'));
	await panel.selectOption('answerWith', 'Web Links');
	await panel.selectOption('approvalType', 'Approve Only');
	const links = await panel.visibleFields();
	assert.deepEqual(links, fieldsFor({ answerWith: 'links', approvalType: 'single' }));
	assert.ok(links.some((field) => field.startsWith("Links: the text carries n8n's signed")));
	assert.ok(!links.some((field) => field.startsWith('Buttons:')));
	assert.ok(!links.includes('Decline Label'));
	await panel.addCollectionOption('waitOptions', 'Limit Wait Time');
	await panel.addCollectionOption('waitOptions', 'Who May Answer');
	const options = await panel.root.getByTestId('node-parameters').innerText();
	for (const label of ['Limit Wait Time', 'Amount', 'Unit', 'Who May Answer'])
		assert.match(options, new RegExp(label), `${label} in the Options`);
});

/** Each "From list" picker: what it lists from the seeded sandbox, and what typing leaves. */
const pickers = [
	{
		resource: 'template',
		operation: 'delete',
		field: 'template',
		lists: ['order_update (en_US, zh_HK)', 'free_gift_reject (en_US)'],
		type: 'order',
		leaves: ['order_update (en_US, zh_HK)'],
	},
	{
		resource: 'flow',
		operation: 'get',
		field: 'flowId',
		lists: ['Lead capture (DRAFT)', 'Appointment booking (PUBLISHED)'],
		type: 'booking',
		leaves: ['Appointment booking (PUBLISHED)'],
	},
	{
		resource: 'flow',
		operation: 'create',
		inCollection: { name: 'additionalFields', option: 'Clone From Flow' },
		field: 'cloneFlowId',
		lists: [
			'Lead capture (DRAFT)',
			'Appointment booking (PUBLISHED)',
			'Customer survey 2025 (DEPRECATED)',
		],
		type: 'survey',
		leaves: ['Customer survey 2025 (DEPRECATED)'],
	},
	{
		resource: 'chatbot',
		operation: 'redirectMember',
		field: 'tree',
		lists: ['Customer service', 'Marketing'],
		type: 'market',
		leaves: ['Marketing'],
	},
	{
		resource: 'product',
		operation: 'getMany',
		field: 'catalogId',
		lists: ['test_products', 'empty_catalog'],
		type: 'empty',
		leaves: ['empty_catalog'],
	},
];
for (const picker of pickers) {
	test(`picker: ${picker.resource}/${picker.operation} → ${picker.field} lists the sandbox's objects and filters on typing`, async ({
		page,
		url,
	}) => {
		const panel = await openNodePanel(page, url, actionOf(picker.resource, picker.operation));
		if (picker.inCollection)
			await panel.addCollectionOption(picker.inCollection.name, picker.inCollection.option);
		const locator = panel.resourceLocator(picker.field);
		await locator.chooseMode('From list');
		const listed = await locator.openList();
		for (const item of picker.lists)
			assert.ok(
				listed.some((l) => l.startsWith(item)),
				`${item} in ${JSON.stringify(listed)}`,
			);
		const left = await locator.search(picker.type);
		assert.deepEqual(
			left.map((l) => l.split('\n')[0]),
			picker.leaves,
		);
	});
}

test('picker: chatbot/redirectMember → Node lists the nodes of the tree picked in Tree, and follows a change of tree', async ({
	page,
	url,
}) => {
	const panel = await openNodePanel(page, url, actionOf('chatbot', 'redirectMember'));
	const tree = panel.resourceLocator('tree');
	await tree.chooseMode('From list');
	await tree.openList();
	await tree.pick('Customer service');
	const node = panel.resourceLocator('node');
	await node.chooseMode('From list');
	const listed = (await node.openList()).map((item) => item.split('\n')[0]);
	assert.deepEqual(listed, ['Welcome', 'Main menu', 'Refund', 'Delivery', 'Live chat']);
	assert.deepEqual(
		(await node.search('ref')).map((item) => item.split('\n')[0]),
		['Refund'],
	);
	await node.pick('Refund');
	await tree.openList();
	await tree.pick('Marketing');
	const marketing = (await node.openList()).map((item) => item.split('\n')[0]);
	assert.deepEqual(marketing, ['Spring sale', 'Opt out']);
});

test("Execute step: Template → Get Many shows the sandbox's templates in the output table", async ({
	page,
	url,
}) => {
	const panel = await openNodePanel(page, url, actionOf('template', 'getMany'));
	await panel.execute();
	await panel.outputShows('order_update');
	await panel.outputShows('free_gift_reject');
	// One item per template name; WOZTELL's default status list leaves the PAUSED one out.
	const listed = new Set(TEMPLATES.filter((t) => t.status !== 'PAUSED').map((t) => t.name));
	assert.match(await panel.outputItemsCount(), new RegExp(`\\b${listed.size} items\\b`));
});

test('Fetch Test Event: the trigger shows a sample event built from the sandbox', async ({
	page,
	url,
}) => {
	const panel = await openNodePanel(page, url, triggerEventOf('templateStatusChanged'));
	await panel.execute();
	await panel.outputShows('templateStatusChanged');
	await panel.outputShows('sample');
});

test('an invalid field: the error shows in the panel and names the field', async ({
	page,
	url,
	sandbox,
}) => {
	const panel = await openNodePanel(page, url, actionOf('media', 'upload'));
	await panel.fill('url', 'not a url');
	const calls = sandbox.requests.length;
	await panel.execute();
	const output = panel.output;
	await output.getByText('File URL').first().waitFor();
	assert.equal(sandbox.requests.length, calls, 'nothing was sent to WOZTELL');
});

test('template builder: header, body with a variable and its example, a quick reply button; Execute step creates the template', async ({
	page,
	url,
	sandbox,
}) => {
	const panel = await openNodePanel(page, url, actionOf('template', 'create'));
	await panel.fill('templateName', 'ui_order_ready');
	await panel.selectOption('headerFormat', 'Text');
	await panel.fill('headerText', 'Order ready');
	await panel.fill('bodyText', 'Hi {{1}}, your order is ready.');
	await panel.addMultipleValue('bodyExamples', 'Add Example', 'Ada');
	await panel.addFixedCollectionItem('buttons', 'Add Button', { text: 'Track order' });
	await panel.execute();
	// Either the created template's output or the node's refusal: the assertion names which.
	await panel.output
		.getByText(/^en_US$|Nothing was sent to WOZTELL/)
		.first()
		.waitFor();
	assert.doesNotMatch(await panel.output.innerText(), /Nothing was sent to WOZTELL/);
	const created = sandbox.state.templates.find((t) => t.name === 'ui_order_ready');
	assert.deepEqual(created?.components, [
		{ type: 'HEADER', format: 'TEXT', text: 'Order ready' },
		{ type: 'BODY', text: 'Hi {{1}}, your order is ready.', example: { body_text: [['Ada']] } },
		{ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Track order' }] },
	]);
	assert.match(await panel.output.innerText(), new RegExp(`\\b${created.id}\\b`));
});

/** The last message the sandbox's Bot API was asked to send. */
const lastSent = (sandbox) => sandbox.state.sentResponses.at(-1);

test('reply buttons builder: a text header, the body and two buttons; Execute step sends them and the output table shows the message', async ({
	page,
	url,
	sandbox,
}) => {
	const panel = await openNodePanel(page, url, actionOf('message', 'sendButtons'));
	await panel.fill('recipient', '85291234567');
	await panel.selectOption('headerType', 'Text');
	await panel.fill('headerText', 'Order A-1');
	await panel.fill('bodyText', 'Your order has shipped. What next?');
	for (const [title, id] of [
		['Track order', 'track_order'],
		['Talk to us', 'talk_to_us'],
	])
		await panel.addFixedCollectionItem('replyButtons', 'Add Button', { title, id });
	const sentBefore = sandbox.state.sentResponses.length;
	await panel.execute();
	await panel.outputShows('85291234567');
	assert.equal(sandbox.state.sentResponses.length, sentBefore + 1, 'one message sent');
	const { response, messageIds } = lastSent(sandbox);
	assert.deepEqual(response, [
		{
			type: 'WHATSAPP_REPLY_BUTTONS',
			header: { type: 'text', text: 'Order A-1' },
			body: { text: 'Your order has shipped. What next?' },
			action: {
				buttons: [
					{ type: 'reply', reply: { payload: 'track_order', title: 'Track order' } },
					{ type: 'reply', reply: { payload: 'talk_to_us', title: 'Talk to us' } },
				],
			},
		},
	]);
	await panel.outputShows(messageIds[0]);
	assert.match(await panel.outputItemsCount(), /\b1 item\b/);
});

test('list builder: rows in two sections; Execute step sends the grouped list and the output table shows the message', async ({
	page,
	url,
	sandbox,
}) => {
	const panel = await openNodePanel(page, url, actionOf('message', 'sendList'));
	await panel.fill('recipient', '85291234567');
	await panel.fill('bodyText', 'How can we help?');
	await panel.fill('buttonText', 'Menu');
	await panel.addFixedCollectionItem('listRows', 'Add Row', {
		title: 'Opening hours',
		id: 'opening_hours',
		section: 'Shops',
	});
	await panel.addFixedCollectionItem('listRows', 'Add Row', {
		title: 'Talk to us',
		id: 'talk_to_us',
		description: 'An agent answers',
		section: 'Help',
	});
	await panel.execute();
	await panel.outputShows('85291234567');
	const { response, messageIds } = lastSent(sandbox);
	assert.deepEqual(response, [
		{
			type: 'WHATSAPP_LIST',
			body: { text: 'How can we help?' },
			action: {
				button: 'Menu',
				sections: [
					{ title: 'Shops', rows: [{ payload: 'opening_hours', title: 'Opening hours' }] },
					{
						title: 'Help',
						rows: [{ payload: 'talk_to_us', title: 'Talk to us', description: 'An agent answers' }],
					},
				],
			},
		},
	]);
	await panel.outputShows(messageIds[0]);
});

test('a list over WhatsApp’s limit: the error names the row and nothing is sent', async ({
	page,
	url,
	sandbox,
}) => {
	const panel = await openNodePanel(page, url, actionOf('message', 'sendList'));
	await panel.fill('recipient', '85291234567');
	await panel.fill('bodyText', 'How can we help?');
	await panel.fill('buttonText', 'Menu');
	await panel.addFixedCollectionItem('listRows', 'Add Row', {
		title: 'A title longer than WhatsApp allows',
		id: 'long',
	});
	const calls = sandbox.requests.length;
	await panel.execute();
	await panel.output.getByText('Row 1 Title must have at most 24 characters').first().waitFor();
	assert.equal(sandbox.requests.length, calls, 'nothing was sent to WOZTELL');
});

function record(title, error, ms) {
	results.push({ title, error });
	const time = ` (${(ms / 1000).toFixed(1)} s)`;
	if (error)
		process.stdout.write(
			`  ✗ ${title}${time}\n${String(error.stack || error).replace(/^/gm, '      ')}\n`,
		);
	else process.stdout.write(`  ✓ ${title}${time}\n`);
}

async function main() {
	if (!argv.includes('--no-build')) build();
	ensureChromium(log);
	const n8n = await startN8nWithSandbox({ log });
	// n8n runs in its own process group: Ctrl+C must not leave it behind.
	for (const signal of ['SIGINT', 'SIGTERM'])
		process.once(signal, () => n8n.stop().finally(() => process.exit(130)));
	const browser = await launchBrowser();
	try {
		log(`n8n on ${n8n.url}, sandbox on ${n8n.sandbox.baseUrl}`);
		const page = await browser.context.newPage();
		// Generous: the machine has 2 cores and other work runs beside the suite.
		page.setDefaultTimeout(45_000);
		await signIn(page, n8n.url);
		for (const { title, fn } of tests.filter((t) => !only || t.title.includes(only))) {
			const t = Date.now();
			try {
				await fn({ page, url: n8n.url, sandbox: n8n.sandbox });
				record(title, undefined, Date.now() - t);
			} catch (error) {
				const shot = path.join(os.tmpdir(), `woztell-ui-failure-${results.length + 1}.png`);
				await page.screenshot({ path: shot }).catch(() => {});
				error.message += `\n(the page then: ${shot})`;
				record(title, error, Date.now() - t);
				// The next test starts from a clean editor: leave open panels and modals behind.
				await page.goto(n8n.url).catch(() => {});
			}
		}
	} finally {
		await browser.close();
		await n8n.stop();
	}
}

main()
	.catch((error) =>
		record('the suite starts (build, Chromium, n8n, sign-in)', error, Date.now() - started),
	)
	.finally(() => {
		const passed = results.filter((r) => !r.error).length;
		const failed = results.length - passed;
		log(`done in ${elapsed()}`);
		process.stdout.write(`ui: ${passed} passed, ${failed} failed\n`);
		process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
	});
