import { FLOW_PAGE_SIZE, FLOW_PATH } from '../../shared/flows';
import { searchTreeNodes, searchTrees } from './chatbotTrees';
import { cursorListSearch } from './cursorListSearch';
import { flowNameWithStatus } from './flowNameWithStatus';
import { searchTemplates } from './searchTemplates';

export const listSearch = {
	searchCatalogs: cursorListSearch({
		path: '/catalogs',
		toResult: (catalog) => ({
			name: String(catalog.name ?? catalog.id),
			value: String(catalog.id),
		}),
	}),
	searchFlows: cursorListSearch({
		path: FLOW_PATH,
		qs: async () => ({ limit: FLOW_PAGE_SIZE }),
		toResult: (flow) => ({ name: flowNameWithStatus(flow), value: String(flow.value) }),
	}),
	searchTemplates,
	searchTreeNodes,
	searchTrees,
};
