import type { IDataObject } from 'n8n-workflow';

/**
 * A flow of GET /flow as the pick-list shows it. The reference's sample answers
 * `"label": "TEST FLOW (DRAFT)", "status": "draft"`: the label may carry the status already.
 */
export function flowNameWithStatus(flow: IDataObject): string {
	const label = String(flow.label ?? flow.value);
	const status = String(flow.status ?? '').toUpperCase();
	return !status || label.toUpperCase().endsWith(`(${status})`) ? label : `${label} (${status})`;
}
