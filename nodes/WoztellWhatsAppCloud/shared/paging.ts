import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { connectionCursor, connectionNodes, type ConnectionDirection } from '../../shared/openApi';
import { nextCursor, walkCursorPages } from '../../shared/transport';
import { payloadItems, type PayloadPath } from './payload';

/** WOZTELL's Public API: `paging.cursors.after` and `paging.hasNext`, the cursor in the query. */
export interface CursorPaging {
	/** Where the page's list sits in the answer. */
	payload: PayloadPath;
	/** The query parameter that sets the page size, and its largest value, where the API has one. */
	pageSize?: { parameter: string; max: number };
	connection?: never;
}

/**
 * WOZTELL's Open API: a GraphQL connection (`edges { node }`, `pageInfo`), its cursor and page
 * size as variables. Forward: `first` / `after`. Backward (a conversation, newest page first):
 * `last` / `before`; the output is then put oldest first.
 */
export interface ConnectionPaging {
	/** Where the connection sits in the answer, e.g. `data.apiViewer.members`. */
	connection: string;
	direction: ConnectionDirection;
	payload?: never;
}

export type ListPaging = CursorPaging | ConnectionPaging;

/** The Open API's page size type, IntMax100 (WOZTELL's package asks for 100 a page). */
const CONNECTION_PAGE_SIZE = 100;

type RequestOptions = DeclarativeRestApiSettings.HttpRequestOptions;

/** How one list is asked for page by page, and read. */
interface PageWalk {
	ask(options: RequestOptions, cursor: string | undefined, size: number): RequestOptions;
	entries(body: IDataObject): IDataObject[];
	next(body: IDataObject): string | undefined;
	newestFirst: boolean;
}

function pageWalkOf(paging: ListPaging): PageWalk {
	if (paging.connection === undefined) {
		const { payload, pageSize } = paging;
		return {
			ask: (options, cursor, size) => ({
				...options,
				qs: {
					...options.qs,
					...(pageSize ? { [pageSize.parameter]: Math.min(pageSize.max, size) } : {}),
					...(cursor ? { after: cursor } : {}),
				},
			}),
			entries: (body) => payloadItems(body, payload).map((item) => item.json),
			next: nextCursor,
			newestFirst: false,
		};
	}
	const { connection, direction } = paging;
	const [sizeVariable, cursorVariable] =
		direction === 'forward' ? ['first', 'after'] : ['last', 'before'];
	return {
		ask: (options, cursor, size) => {
			const body = options.body as IDataObject;
			const variables = {
				...(body.variables as IDataObject),
				[sizeVariable]: Math.min(CONNECTION_PAGE_SIZE, size),
				...(cursor ? { [cursorVariable]: cursor } : {}),
			};
			return { ...options, body: { ...body, variables } };
		},
		entries: (body) => connectionNodes(body, connection),
		next: (body) => connectionCursor(body, connection, direction),
		newestFirst: direction === 'backward',
	};
}

/**
 * Return All / Limit over a list's cursor paging. Asks for exactly what is still missing, so N
 * results cost ceil(N / page size) requests. A list read newest page first (a conversation) comes
 * out oldest first, its Limit keeping the newest.
 */
export function cursorPagination(paging: ListPaging) {
	const walk = pageWalkOf(paging);
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const limit = requestData.maxResults ? Number(requestData.maxResults) : Infinity;
		const pages: IDataObject[][] = [];
		let count = 0;
		const readPage = async (cursor: string | undefined) => {
			const options = walk.ask(requestData.options, cursor, limit - count);
			const [page] = await this.makeRoutingRequest({ ...requestData, options });
			return page.json;
		};
		for await (const body of walkCursorPages(readPage, walk.next)) {
			const entries = walk.entries(body);
			pages.push(entries);
			count += entries.length;
			if (count >= limit) break;
		}
		// Within a page, WOZTELL's order (a GraphQL connection's edges run oldest to newest).
		const entries = walk.newestFirst ? pages.reverse().flat() : pages.flat();
		const kept = walk.newestFirst ? entries.slice(Math.max(0, entries.length - limit)) : entries;
		const pairedItem = { item: this.getItemIndex() };
		return kept.map((json) => ({ json, pairedItem }));
	};
}
