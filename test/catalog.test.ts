import { runNode, sandboxCredentials, searchList } from './engine/harness';
import { SIGNED_HEADERS, useSandbox } from './engine/useSandbox';
import { identity } from './sandbox';

const context = useSandbox();

describe('catalog → getMany (GET /catalogs)', () => {
	it('lists the catalogs, one item each, with the signed context', async () => {
		const { sandbox } = context;
		const { items } = await runNode(
			{ resource: 'catalog', operation: 'getMany', returnAll: true },
			{ credentials: sandboxCredentials(sandbox) },
		);
		const [request] = sandbox.requests;
		expect(request).toMatchObject({
			method: 'GET',
			path: '/catalogs',
			query: { accessToken: identity.accessToken },
		});
		expect(request.headers).toMatchObject(SIGNED_HEADERS);
		expect(items.map((item) => item.json)).toEqual([
			{ id: '1234577510532066', name: 'test_products' },
			{ id: '1234577510532067', name: 'empty_catalog' },
		]);
	});

	it('offers the catalogs as a searchable pick-list', async () => {
		const { sandbox } = context;
		const all = await searchList(
			'searchCatalogs',
			{ resource: 'product' },
			sandboxCredentials(sandbox),
		);
		expect(all).toEqual({
			results: [
				{ name: 'test_products', value: '1234577510532066' },
				{ name: 'empty_catalog', value: '1234577510532067' },
			],
			paginationToken: undefined,
		});
		const filtered = await searchList(
			'searchCatalogs',
			{ resource: 'product' },
			sandboxCredentials(sandbox),
			'EMPTY',
		);
		expect(filtered.results.map((result) => result.value)).toEqual(['1234577510532067']);
	});
});

describe('product → getMany (GET /products)', () => {
	const catalogId = { __rl: true, mode: 'list', value: '1234577510532066' };

	it('returns every product over the cursor paging with Return All', async () => {
		const { sandbox } = context;
		const { items } = await runNode(
			{ resource: 'product', operation: 'getMany', catalogId, returnAll: true },
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(items).toHaveLength(60);
		expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(60);
		const requests = context.requestsTo('/products');
		expect(requests.map((request) => request.query.after === undefined)).toEqual([
			true,
			false,
			false,
		]);
		expect(requests.every((request) => request.query.catalogId === '1234577510532066')).toBe(true);
		expect(requests[0].headers).toMatchObject(SIGNED_HEADERS);
	});

	it('stops paging once the limit is reached', async () => {
		const { sandbox } = context;
		const { items } = await runNode(
			{
				resource: 'product',
				operation: 'getMany',
				catalogId: { __rl: true, mode: 'id', value: '1234577510532066' },
				limit: 30,
			},
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(items.map((item) => item.json.retailer_id)).toEqual(
			Array.from({ length: 30 }, (_, index) => `sku-${String(index + 1).padStart(3, '0')}`),
		);
		expect(context.requestsTo('/products')).toHaveLength(2);
	});

	it('pairs every product with the input item that asked for it', async () => {
		const { sandbox } = context;
		const { items } = await runNode(
			{
				resource: 'product',
				operation: 'getMany',
				catalogId: { __rl: true, mode: 'id', value: '={{ $json.catalog }}' },
				limit: 2,
			},
			{
				credentials: sandboxCredentials(sandbox),
				items: [{ catalog: '1234577510532066' }, { catalog: '1234577510532066' }],
			},
		);
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
		]);
	});

	it('passes on WOZTELL’s 404 for an unknown catalog', async () => {
		const { sandbox } = context;
		const { error } = await runNode(
			{
				resource: 'product',
				operation: 'getMany',
				catalogId: { __rl: true, mode: 'id', value: '999' },
			},
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(error?.message).toBe('Catalog 999 not found');
	});
});
