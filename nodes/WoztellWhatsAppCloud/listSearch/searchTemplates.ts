import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { EVERY_TEMPLATE_STATUS, TEMPLATE_PAGE_SIZE, TEMPLATES_PATH } from '../../shared/templates';
import { typedOrChannelId } from '../../shared/transport';
import { cursorListSearch } from './cursorListSearch';

/** Message templates by name, of the WABA typed in the node or else of the credential's channel. */
export const searchTemplates = cursorListSearch({
	path: TEMPLATES_PATH,
	qs: async function (this: ILoadOptionsFunctions, filter?: string) {
		const typed = String(this.getCurrentNodeParameter('wabaId') ?? '').trim();
		const wabaId = await typedOrChannelId.call(this, 'wabaId', typed);
		return {
			wabaId,
			first: TEMPLATE_PAGE_SIZE,
			status: EVERY_TEMPLATE_STATUS,
			...(filter ? { name: filter } : {}),
		};
	},
	toResult: (template: IDataObject) => ({
		name: `${String(template.name)} (${((template.languages ?? []) as string[]).join(', ')})`,
		value: String(template.name),
	}),
});
