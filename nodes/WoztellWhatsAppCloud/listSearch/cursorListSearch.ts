import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { nextCursor, woztellApiRequest } from '../../shared/transport';

interface ListSearchSpec {
	path: string;
	/** Extra query parameters, e.g. a page size, or a search the API does itself with the filter typed. */
	qs?: (this: ILoadOptionsFunctions, filter?: string) => Promise<IDataObject>;
	toResult: (entry: IDataObject) => INodeListSearchItems;
}

/** One searchable pick-list over a WOZTELL list that pages with `paging.cursors.after`. */
export function cursorListSearch(spec: ListSearchSpec) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const qs = {
			...(await spec.qs?.call(this, filter?.trim() || undefined)),
			...(paginationToken ? { after: paginationToken } : {}),
		};
		const body = await woztellApiRequest.call(this, 'GET', spec.path, qs);
		const needle = filter?.trim().toLowerCase();
		const results = ((body.data ?? []) as IDataObject[])
			.map(spec.toResult)
			.filter(
				(result) => !needle || `${result.name} ${result.value}`.toLowerCase().includes(needle),
			);
		return { results, paginationToken: nextCursor(body) };
	};
}
