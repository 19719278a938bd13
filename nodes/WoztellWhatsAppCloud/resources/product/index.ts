import type { INodeProperties } from 'n8n-workflow';
import { resourceLocator, showFor } from '../../shared/descriptions';
import { operationSelector } from '../../shared/operations';
import { all, numericId, required } from '../../shared/validate';

export const productDescription: INodeProperties[] = [
	operationSelector('product', [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many products of a catalog',
			description:
				'List the products of a catalog with their names, prices, images and retailer IDs',
			method: 'GET',
			path: '/products',
			paging: { payload: 'data' },
			rules: [
				{ at: 'qs.catalogId', field: 'Catalog', check: all(required, numericId), always: true },
			],
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
