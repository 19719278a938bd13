import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';
import { valueAt } from '../../shared/objects';

/** Where a WOZTELL answer keeps its payload, e.g. `data` or `conversationAnalytics.data_points`. */
export type PayloadPath = string | undefined;

export { valueAt };

/**
 * Turns a WOZTELL answer into output items: one per element when the payload is a list, else one.
 * Without a path the answer itself is the payload, less its `ok` flag; an answer that is only
 * `{ ok: 1 }` becomes `{ success: true }` so the next node has something to read.
 */
export function payloadItems(
	body: IDataObject,
	path: PayloadPath,
	itemIndex = 0,
): INodeExecutionData[] {
	const pairedItem = { item: itemIndex };
	if (path === undefined) {
		const rest = { ...body };
		delete rest.ok;
		return [{ json: Object.keys(rest).length ? rest : { success: true }, pairedItem }];
	}
	const payload = valueAt(body, path);
	const list = Array.isArray(payload)
		? payload
		: payload === undefined || payload === null
			? []
			: [payload];
	return list.map((json) => ({
		json: (typeof json === 'object' ? json : { value: json }) as IDataObject,
		pairedItem,
	}));
}

export function outputPayload(path: PayloadPath): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		return payloadItems(response.body as IDataObject, path, this.getItemIndex());
	};
}
