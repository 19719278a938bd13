import type { INodeProperties } from 'n8n-workflow';
import { operationSelector, resourceLocator, showFor } from '../../shared/fields';

export const productDescription: INodeProperties[] = [
	operationSelector('product', [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many products of a catalog',
			description: 'List the products of a catalog with their names, prices, images and retailer IDs',
			method: 'GET',
			path: '/products',
			paging: { payload: 'data' },
		},
	]),
	{
		...resourceLocator({
			name: 'catalogId',
			displayName: 'Catalog',
			description: 'The catalog whose products to list. Catalog → Get Many shows the IDs.',
			searchListMethod: 'searchCatalogs',
			idPlaceholder: 'e.g. 1234577510532066',
			idPattern: '\\d+',
			displayOptions: showFor('product', ['getMany']),
		}),
		routing: { send: { type: 'query', property: 'catalogId' } },
	},
];
