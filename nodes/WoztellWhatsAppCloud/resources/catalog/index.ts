import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../shared/operations';

export const catalogDescription: INodeProperties[] = [
	operationSelector('catalog', [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many catalogs',
			description: "List the catalogs of the channel's WhatsApp Business Account",
			method: 'GET',
			path: '/catalogs',
			paging: { payload: 'data' },
		},
	]),
];
