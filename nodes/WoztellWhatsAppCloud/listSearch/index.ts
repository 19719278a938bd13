import { cursorListSearch } from './cursorListSearch';

export const listSearch = {
	searchCatalogs: cursorListSearch({
		path: '/catalogs',
		toResult: (catalog) => ({ name: String(catalog.name ?? catalog.id), value: String(catalog.id) }),
	}),
};
