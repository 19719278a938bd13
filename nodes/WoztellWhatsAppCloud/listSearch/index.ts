import { cursorListSearch } from './cursorListSearch';
import { flowNameWithStatus } from './flowNameWithStatus';
import { searchTemplates } from './searchTemplates';

export const listSearch = {
	searchCatalogs: cursorListSearch({
		path: '/catalogs',
		toResult: (catalog) => ({ name: String(catalog.name ?? catalog.id), value: String(catalog.id) }),
	}),
	searchFlows: cursorListSearch({
		path: '/flow',
		// The reference requires `limit` for GET /flow.
		qs: async () => ({ limit: 100 }),
		toResult: (flow) => ({ name: flowNameWithStatus(flow), value: String(flow.value) }),
	}),
	searchTemplates,
};
