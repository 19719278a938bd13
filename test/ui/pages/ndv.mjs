// The node panel (NDV): parameters, the resource locators ("From list"), Execute step, output.

const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export class NodePanel {
	constructor(page) {
		this.page = page;
		this.root = page.getByTestId('ndv');
	}

	async selectCredential(id) {
		await this.root.getByTestId('node-credentials-select').click();
		await this.page.getByTestId(`node-credentials-select-item-${id}`).click();
	}

	parameter(name) {
		return this.root.getByTestId(`parameter-input-${name}`);
	}

	/** Picks an option of a dropdown parameter by its title (an option's accessible name includes its description). */
	async selectOption(name, title) {
		await this.parameter(name).click();
		const option = this.page
			.locator('.el-select-dropdown__item:visible')
			.filter({ has: this.page.locator('.option-headline', { hasText: exactly(title) }) });
		await option.click();
		await this.parameter(name).locator('input').first().waitFor();
		await this.page.waitForFunction(
			([selector, value]) => document.querySelector(selector)?.value === value,
			[`[data-test-id="ndv"] [data-test-id="parameter-input-${name}"] input`, title],
		);
	}

	async fill(name, value) {
		await this.parameter(name).locator('input, textarea').first().fill(value);
		// Tab, not blur(): a value with {{ turns the field into an expression editor, a new element.
		await this.page.keyboard.press('Tab');
	}

	/**
	 * The top-level fields the Parameters tab shows, in order: each field's label, or for a
	 * notice its text (the credential slot, inside the first field, has a label of its own kind).
	 */
	visibleFields() {
		return this.root
			.getByTestId('node-parameters')
			.evaluate((root) =>
				[...root.querySelectorAll('[data-test-id="parameter-item"]')]
					.filter(
						(item) =>
							item.checkVisibility() &&
							!item.parentElement.closest('[data-test-id="parameter-item"]'),
					)
					.map((item) =>
						(item.querySelector('[data-test-id="input-label"]') ?? item).innerText
							.trim()
							.split('\n')[0]
							.trim(),
					),
			);
	}

	/** A field with "multiple values": its Add button (`buttonText`), then the new last input. */
	async addMultipleValue(name, buttonText, value) {
		await this.root.getByRole('button', { name: buttonText }).click();
		const input = this.parameter(name).locator('input, textarea').last();
		await input.fill(value);
		await input.blur();
	}

	/** A collection's "Add Field" dropdown (e.g. Additional Fields): adds the option titled `title`. */
	async addCollectionOption(collection, title) {
		await this.root
			.getByTestId('parameter-item')
			.filter({ has: this.page.locator(`label[for="${collection}"]`) })
			.getByTestId('collection-parameter-add')
			.click();
		await this.page
			.locator('.el-select-dropdown__item:visible')
			.filter({ hasText: exactly(title) })
			.click();
	}

	/**
	 * A fixed collection with one kind of item (e.g. Buttons): its Add button (`buttonText`) adds
	 * an item, whose text fields are then filled by name.
	 */
	async addFixedCollectionItem(name, buttonText, values) {
		await this.root.getByRole('button', { name: buttonText }).click();
		const collection = this.root.getByTestId(`fixed-collection-${name}`);
		for (const [field, value] of Object.entries(values)) {
			await collection
				.getByTestId(`parameter-input-${field}`)
				.last()
				.locator('input, textarea')
				.first()
				.fill(value);
			await this.page.keyboard.press('Tab');
		}
	}

	resourceLocator(name) {
		return new ResourceLocator(this.page, this.root.getByTestId(`resource-locator-${name}`));
	}

	async execute() {
		await this.root.getByTestId('node-execute-button').click();
	}

	get output() {
		return this.root.getByTestId('output-panel');
	}

	/** The output's items (table, JSON or schema view). */
	get outputData() {
		return this.root.getByTestId('ndv-data-container');
	}

	/** Resolves once the output's items show `text`. */
	async outputShows(text) {
		await this.outputData.getByText(text).first().waitFor();
	}

	/** The output's item count, as its header words it ("3 items"). */
	outputItemsCount() {
		return this.root.getByTestId('ndv-items-count').innerText();
	}

	/** The name of the credential the panel's credential select shows. */
	selectedCredential() {
		return this.root.getByTestId('node-credentials-select').locator('input').inputValue();
	}

	async close() {
		await this.page.keyboard.press('Escape');
		await this.root.waitFor({ state: 'hidden' });
	}
}

/** A resource locator field: mode selector (From list / By ID / …) and its searchable list. */
export class ResourceLocator {
	constructor(page, root) {
		this.page = page;
		this.root = root;
	}

	async chooseMode(title) {
		await this.root.getByTestId('rlc-mode-selector').click();
		await this.page
			.locator('.el-select-dropdown__item:visible')
			.filter({ hasText: exactly(title) })
			.click();
	}

	/** Opens the list; resolves with the items' texts once they loaded. */
	async openList() {
		await this.root.getByTestId('rlc-input').click();
		const items = this.page.getByTestId('rlc-item');
		await items.first().waitFor();
		return items.allInnerTexts();
	}

	/** Types into the list's search box; resolves with the items once each of them matches. */
	async search(text) {
		await this.page.getByTestId('rlc-search').fill(text);
		const items = this.page.getByTestId('rlc-item');
		await this.page.waitForFunction((needle) => {
			const texts = [...document.querySelectorAll('[data-test-id="rlc-item"]')].map((e) =>
				e.innerText.toLowerCase(),
			);
			return texts.length > 0 && texts.every((t) => t.includes(needle));
		}, text.toLowerCase());
		return items.allInnerTexts();
	}

	async pick(text) {
		await this.page.getByTestId('rlc-item').filter({ hasText: text }).first().click();
	}
}
