// The workflow canvas and its nodes panel (node creator).
import { SANDBOX_CREDENTIAL_ID } from '../../../scripts/n8n-process.mjs';
import { NodePanel } from './ndv.mjs';
import { FIRST_LOAD_MS } from './signIn.mjs';

export async function openNewWorkflow(page, url) {
	await page.goto(`${url}/workflow/new`, { timeout: FIRST_LOAD_MS });
	await page.getByTestId('canvas-plus-button').waitFor({ timeout: FIRST_LOAD_MS });
}

const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/**
 * Adds a node as a user does: the canvas's +, search, the node, then one of its actions (an
 * operation's action text, or a trigger's event). Returns once the node's panel is open.
 */
export async function addNodeBySearch(page, { search, node, action }) {
	await page.getByTestId('canvas-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill(search);
	const items = page.getByTestId('node-creator-item-name');
	await items.filter({ hasText: exactly(node) }).click();
	const actionItem = items.filter({ hasText: exactly(action) });
	// Actions of a node that also has triggers sit in a collapsed "Actions (N)" section.
	const actionsSection = page.getByText(/^Actions \(\d+\)$/);
	if (!(await actionItem.isVisible()) && (await actionsSection.isVisible()))
		await actionsSection.click();
	await actionItem.click();
	await page.getByTestId('ndv').waitFor();
}

/**
 * A new workflow with the WOZTELL node added from the nodes panel, its panel open on `action`,
 * using the sandbox credential (n8n preselects the newest one, which a credential test may have made).
 */
export async function openNodePanel(page, url, action) {
	await openNewWorkflow(page, url);
	await addNodeBySearch(page, { search: 'WOZTELL', node: 'WOZTELL WhatsApp Cloud', action });
	const panel = new NodePanel(page);
	await panel.selectCredential(SANDBOX_CREDENTIAL_ID);
	return panel;
}
