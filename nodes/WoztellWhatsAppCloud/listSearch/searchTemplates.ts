import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { wabaInfoOfChannel } from '../shared/transport';
import { cursorListSearch } from './cursorListSearch';

/** Message templates by name, of the WABA typed in the node or else of the credential's channel. */
export const searchTemplates = cursorListSearch({
	path: '/whatsapp-message-templates',
	qs: async function (this: ILoadOptionsFunctions, filter?: string) {
		const typed = String(this.getCurrentNodeParameter('wabaId') ?? '').trim();
		const wabaId = typed || (await wabaInfoOfChannel.call(this)).wabaId;
		return { wabaId, first: 100, ...(filter ? { name: filter } : {}) };
	},
	toResult: (template: IDataObject) => ({
		name: `${String(template.name)} (${((template.languages ?? []) as string[]).join(', ')})`,
		value: String(template.name),
	}),
});
