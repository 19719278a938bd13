// The credential modal, opened from a node panel's credential select.

export class CredentialModal {
	constructor(page) {
		this.page = page;
		this.root = page.getByTestId('credential-edit-dialog');
	}

	/** "Create new credential" in the open node panel. */
	async openNew() {
		await this.page.getByTestId('node-credentials-select').click();
		await this.page.getByTestId('node-credentials-select-item-new').click();
		await this.root.waitFor();
	}

	/** The pencil beside the node panel's credential select. */
	async openSelected() {
		await this.page.getByTestId('credential-edit-button').click();
		await this.root.waitFor();
	}

	async fill(values) {
		for (const [name, value] of Object.entries(values))
			await this.root.getByTestId(`parameter-input-${name}`).locator('input').first().fill(value);
	}

	/** Save runs n8n's credential test; a credential that passes closes the modal. */
	async save() {
		await this.page.getByTestId('credential-save-button').click();
	}

	get testSucceeded() {
		return this.page.getByTestId('credentials-config-container-test-success');
	}

	/** After a failed test: "More details" opens the message the credential's test rule gives. */
	async failureDetails() {
		await this.root.getByText('More details').click();
		return this.root.innerText();
	}
}
