import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../shared/operations';
import { numericId, woztellId } from '../../shared/validate';
import { getInfoFields } from './getInfo';

export const accountDescription: INodeProperties[] = [
	operationSelector('account', [
		{
			name: 'Get Info',
			value: 'getInfo',
			action: 'Get the account info of a channel or WABA',
			description: 'Get the WABA name, ID, namespace and phone number of a channel or WABA',
			method: 'GET',
			path: '/waba-info',
			payload: 'result',
			rules: [
				{ at: 'qs.channelId', field: 'Channel ID', check: woztellId },
				{ at: 'qs.wabaId', field: 'WABA ID', check: numericId },
			],
		},
	]),
	...getInfoFields,
];
