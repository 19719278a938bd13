import type { INodePropertyOptions } from 'n8n-workflow';

/** An option for one of WOZTELL's upper-case values: `PENDING_DELETION` shows as "Pending Deletion". */
export function optionOf(value: string): INodePropertyOptions {
	const name = value
		.split('_')
		.map((word) => word.charAt(0) + word.slice(1).toLowerCase())
		.join(' ');
	return { name, value };
}
