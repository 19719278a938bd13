import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { walkCursorPages } from '../../shared/transport';
import { payloadItems, type PayloadPath } from './payload';

export interface CursorPaging {
	/** Where the page's list sits in the answer. */
	payload: PayloadPath;
	/** The query parameter that sets the page size, and its largest value, where the API has one. */
	pageSize?: { parameter: string; max: number };
}

/**
 * Return All / Limit over WOZTELL's cursor paging: `paging.cursors.after` and `paging.hasNext`.
 * Asks for exactly what is still missing, so N results cost ceil(N / page size) requests.
 */
export function cursorPagination(paging: CursorPaging) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const limit = requestData.maxResults ? Number(requestData.maxResults) : Infinity;
		const results: INodeExecutionData[] = [];
		const readPage = async (after: string | undefined) => {
			const qs: IDataObject = { ...requestData.options.qs };
			if (paging.pageSize)
				qs[paging.pageSize.parameter] = Math.min(paging.pageSize.max, limit - results.length);
			if (after) qs.after = after;
			const [page] = await this.makeRoutingRequest({
				...requestData,
				options: { ...requestData.options, qs },
			});
			return page.json;
		};
		for await (const body of walkCursorPages(readPage)) {
			results.push(...payloadItems(body, paging.payload, this.getItemIndex()));
			if (results.length >= limit) break;
		}
		return results;
	};
}
