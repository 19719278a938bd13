import type { INodeParameters } from 'n8n-workflow';
import { runNode, sandboxCredentials, searchList } from './engine/harness';
import { SIGNED_HEADERS, TOKEN_QUERY, useSandbox } from './engine/useSandbox';

const context = useSandbox();

const screen = (id: string, extra: object = {}) => ({
	id,
	title: `Screen ${id}`,
	data: {},
	layout: { type: 'SingleColumnLayout', children: [] },
	...extra,
});
const FLOW_JSON = {
	version: '3.1',
	screens: [screen('QUESTION'), screen('THANKS', { terminal: true })],
};

interface SandboxFlow {
	id: string;
	name: string;
	categories: string[];
	status: 'DRAFT' | 'PUBLISHED' | 'DEPRECATED';
	json?: typeof FLOW_JSON;
	validation_errors: object[];
}

function addFlow(flow: Partial<SandboxFlow> & { id: string }): SandboxFlow {
	const stored = {
		name: `Flow ${flow.id}`,
		categories: ['OTHER'],
		status: 'DRAFT' as const,
		json: FLOW_JSON,
		validation_errors: [],
		...flow,
	};
	context.sandbox.state.flows.push(stored);
	return stored;
}

const flowById = (id: string): SandboxFlow | undefined =>
	context.sandbox.state.flows.find((flow: SandboxFlow) => flow.id === id);

const pickFlow = (id: string, mode = 'list') => ({ __rl: true, mode, value: id });

async function run(parameters: INodeParameters, items?: object[]) {
	return await runNode(
		{ resource: 'flow', ...parameters },
		{ credentials: sandboxCredentials(context.sandbox), items: items as never },
	);
}

describe('flow → getMany (GET /flow)', () => {
	beforeEach(() => {
		for (let index = 0; index < 120; index++)
			addFlow({ id: String(100 + index), name: `Flow ${index + 1}` });
	});

	it('returns every flow over the cursor paging with Return All, asking 100 at a time', async () => {
		const { items, error } = await run({ operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(120);
		const requests = context.requestsTo('/flow');
		expect(
			requests.map(({ method, query }) => [method, query.limit, query.after === undefined]),
		).toEqual([
			['GET', '100', true],
			['GET', '100', false],
		]);
		expect(requests[0].headers).toMatchObject(SIGNED_HEADERS);
		expect(items[0].json).toEqual({
			label: 'Flow 1 (DRAFT)',
			value: '100',
			status: 'draft',
			assets: [
				expect.objectContaining({ id: 'QUESTION', label: 'Screen QUESTION (QUESTION)' }),
				expect.objectContaining({ id: 'THANKS', label: 'Screen THANKS (THANKS)' }),
			],
			triggerMatchingObject: null,
		});
	});

	it('asks for no more than the limit', async () => {
		const { items } = await run({ operation: 'getMany', limit: 30 });
		expect(items.map((item) => item.json.value)).toEqual(
			Array.from({ length: 30 }, (_, index) => String(100 + index)),
		);
		expect(context.requestsTo('/flow').map((request) => request.query)).toEqual([
			{ limit: '30', ...TOKEN_QUERY },
		]);
	});

	it('takes the rest of a limit over 100 from the next page', async () => {
		const { items } = await run({ operation: 'getMany', limit: 110 });
		expect(items).toHaveLength(110);
		expect(context.requestsTo('/flow').map((request) => request.query.limit)).toEqual([
			'100',
			'10',
		]);
	});

	it('is refused by WOZTELL without a signed context', async () => {
		const { error } = await runNode(
			{ resource: 'flow', operation: 'getMany' },
			{ credentials: sandboxCredentials(context.sandbox, { appIntegrationSignature: 'wrong' }) },
		);
		expect(error?.message).toBe('Invalid signed context');
	});
});

describe('the Flow pick-list (searchFlows)', () => {
	it('lists names with statuses, filters them, and pages on', async () => {
		addFlow({ id: '885692686603466', name: 'Feedback' });
		addFlow({ id: '885692686603467', name: 'Sign-up', status: 'PUBLISHED' });
		const credentials = sandboxCredentials(context.sandbox);
		const all = await searchList(
			'searchFlows',
			{ resource: 'flow', operation: 'get' },
			credentials,
		);
		expect(all).toEqual({
			results: [
				{ name: 'Feedback (DRAFT)', value: '885692686603466' },
				{ name: 'Sign-up (PUBLISHED)', value: '885692686603467' },
			],
			paginationToken: undefined,
		});
		const [request] = context.requestsTo('/flow');
		expect(request.query).toEqual({ limit: '100', ...TOKEN_QUERY });
		expect(request.headers).toMatchObject(SIGNED_HEADERS);

		const published = await searchList(
			'searchFlows',
			{ resource: 'flow' },
			credentials,
			'published',
		);
		expect(published.results.map((result) => result.value)).toEqual(['885692686603467']);

		for (let index = 0; index < 100; index++) addFlow({ id: String(900 + index) });
		const firstPage = await searchList('searchFlows', { resource: 'flow' }, credentials);
		expect(firstPage.results).toHaveLength(100);
		const secondPage = await searchList(
			'searchFlows',
			{ resource: 'flow' },
			credentials,
			undefined,
			firstPage.paginationToken,
		);
		expect(secondPage.results.map((result) => result.name)).toEqual([
			'Flow 998 (DRAFT)',
			'Flow 999 (DRAFT)',
		]);
	});
});

describe('flow → get, getScreenPayload, getPreview (flowId in the query)', () => {
	beforeEach(() => addFlow({ id: '678952344393952', name: 'Test Flow 2' }));

	it('get: GET /flow-detail gives the flat flow details', async () => {
		const { items, error } = await run({ operation: 'get', flowId: pickFlow('678952344393952') });
		expect(error).toBeUndefined();
		const [request] = context.sandbox.requests;
		expect(request).toMatchObject({ method: 'GET', path: '/flow-detail', body: undefined });
		expect(request.query).toEqual({ flowId: '678952344393952', ...TOKEN_QUERY });
		expect(request.headers).toMatchObject(SIGNED_HEADERS);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			id: '678952344393952',
			name: 'Test Flow 2',
			categories: ['OTHER'],
			status: 'DRAFT',
			validation_errors: [],
			json_version: '3.1',
			preview: { preview_url: expect.stringContaining('/flows/678952344393952/preview/') },
		});
		expect(items[0].json.ok).toBeUndefined();
	});

	it('getScreenPayload: GET /flow-screen-payload gives the payload', async () => {
		const { items } = await run({
			operation: 'getScreenPayload',
			flowId: pickFlow('678952344393952', 'id'),
		});
		const [request] = context.sandbox.requests;
		expect(request).toMatchObject({ method: 'GET', path: '/flow-screen-payload' });
		expect(request.query).toEqual({ flowId: '678952344393952', ...TOKEN_QUERY });
		expect(request.headers).toMatchObject(SIGNED_HEADERS);
		expect(items.map((item) => item.json)).toEqual([
			{
				id: 'QUESTION',
				label: 'Screen QUESTION (QUESTION)',
				data: '{}',
				screens: [
					expect.objectContaining({ id: 'QUESTION' }),
					expect.objectContaining({ id: 'THANKS' }),
				],
			},
		]);
	});

	it('getPreview: GET /flow-preview gives the preview link', async () => {
		const { items } = await run({ operation: 'getPreview', flowId: pickFlow('678952344393952') });
		const [request] = context.sandbox.requests;
		expect(request).toMatchObject({ method: 'GET', path: '/flow-preview' });
		expect(request.query).toEqual({ flowId: '678952344393952', ...TOKEN_QUERY });
		expect(request.headers).toMatchObject(SIGNED_HEADERS);
		expect(items.map((item) => item.json)).toEqual([
			{
				preview_url:
					'https://business.facebook.com/wa/manage/flows/678952344393952/preview/?token=sandbox-678952344393952',
				expires_at: '2030-01-01T00:00:00+0000',
			},
		]);
	});

	it('takes a flow ID per item from an expression', async () => {
		addFlow({ id: '678952344393953' });
		const { items } = await run({ operation: 'get', flowId: pickFlow('={{ $json.flow }}', 'id') }, [
			{ flow: '678952344393952' },
			{ flow: '678952344393953' },
		]);
		expect(context.requestsTo('/flow-detail').map((request) => request.query.flowId)).toEqual([
			'678952344393952',
			'678952344393953',
		]);
		expect(items.map((item) => item.json.id)).toEqual(['678952344393952', '678952344393953']);
	});

	it.each([
		['', 'Flow is required'],
		['12ab', 'Flow must be a numeric ID (digits only)'],
	])('refuses the flow ID %j from an expression without a request', async (flowId, message) => {
		const { error } = await run(
			{ operation: 'getPreview', flowId: pickFlow('={{ $json.flowId }}', 'id') },
			[{ flowId }],
		);
		expect(error?.message).toBe(message);
		expect(error?.description).toMatch(/Nothing was sent to WOZTELL/);
		expect(context.sandbox.requests).toHaveLength(0);
	});

	it('passes on WOZTELL’s 404 for an unknown flow', async () => {
		const { error } = await run({ operation: 'get', flowId: pickFlow('111') });
		expect(error?.message).toBe('Flow 111 not found');
	});
});

describe('flow → create (PUT /create-flow)', () => {
	it('sends everything inside `data` and returns the new ID', async () => {
		addFlow({ id: '368669698913502', name: 'Template' });
		const { items, error } = await run({
			operation: 'create',
			name: 'Test Flow 2',
			categories: ['SURVEY', 'OTHER'],
			additionalFields: {
				cloneFlowId: pickFlow('368669698913502'),
				endpointUrl: 'https://example.com/flow-endpoint',
			},
		});
		expect(error).toBeUndefined();
		const [request] = context.sandbox.requests;
		expect(request).toMatchObject({ method: 'PUT', path: '/create-flow' });
		expect(request.query).toEqual(TOKEN_QUERY);
		expect(request.headers).toMatchObject(SIGNED_HEADERS);
		expect(request.body).toEqual({
			data: {
				name: 'Test Flow 2',
				categories: ['SURVEY', 'OTHER'],
				clone_flow_id: '368669698913502',
				endpoint_url: 'https://example.com/flow-endpoint',
			},
		});
		const id = items[0].json.id as string;
		expect(items.map((item) => item.json)).toEqual([{ id }]);
		expect(flowById(id)).toMatchObject({ name: 'Test Flow 2', status: 'DRAFT', json: FLOW_JSON });
	});

	it('sends only name and categories when nothing else is set', async () => {
		const { error } = await run({ operation: 'create', name: 'Bare', categories: ['SIGN_UP'] });
		expect(error).toBeUndefined();
		expect(context.sandbox.requests[0].body).toEqual({
			data: { name: 'Bare', categories: ['SIGN_UP'] },
		});
	});

	it.each([
		[{ name: '={{ $json.empty }}', categories: ['OTHER'] }, 'Name is required'],
		[{ name: 'A', categories: '={{ $json.none }}' }, 'Categories must have at least one category'],
		[
			{ name: 'A', categories: '={{ ["NEWSLETTER"] }}' },
			expect.stringMatching(/^Categories entry 1 must be one of APPOINTMENT_BOOKING, /),
		],
		[
			{
				name: 'A',
				categories: ['OTHER'],
				additionalFields: { endpointUrl: 'http://example.com/flow' },
			},
			'Endpoint URL must be a URL starting with https://',
		],
		[
			{
				name: 'A',
				categories: ['OTHER'],
				additionalFields: { cloneFlowId: pickFlow('flow-1', 'id') },
			},
			'Clone From Flow must be a numeric ID (digits only)',
		],
	])('%#: refuses %j without a request', async (fields, message) => {
		const { error } = await run({ operation: 'create', ...fields }, [{ empty: '', none: [] }]);
		expect(error?.message).toEqual(message);
		expect(context.sandbox.requests).toHaveLength(0);
	});
});

describe('flow → updateMetadata (PATCH /flow-metadata)', () => {
	beforeEach(() => addFlow({ id: '1005133727262236', name: 'Old Name' }));

	it('sends name and categories in `data` and the endpoint URL beside it', async () => {
		const { items, error } = await run({
			operation: 'updateMetadata',
			flowId: pickFlow('1005133727262236'),
			updateFields: {
				name: 'Test Flow ABC',
				categories: ['CONTACT_US'],
				endpointUrl: 'https://example.com/e',
			},
		});
		expect(error).toBeUndefined();
		const [request] = context.sandbox.requests;
		expect(request).toMatchObject({ method: 'PATCH', path: '/flow-metadata' });
		expect(request.query).toEqual(TOKEN_QUERY);
		expect(request.headers).toMatchObject(SIGNED_HEADERS);
		expect(request.body).toEqual({
			flowId: '1005133727262236',
			data: { name: 'Test Flow ABC', categories: ['CONTACT_US'] },
			endpoint_url: 'https://example.com/e',
		});
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		expect(flowById('1005133727262236')).toMatchObject({
			name: 'Test Flow ABC',
			categories: ['CONTACT_US'],
		});
	});

	it.each([
		[{ name: 'Only Name' }, { data: { name: 'Only Name' } }],
		[{ endpointUrl: 'https://example.com/only' }, { endpoint_url: 'https://example.com/only' }],
	])('sends only what is set: %j', async (updateFields, body) => {
		await run({ operation: 'updateMetadata', flowId: pickFlow('1005133727262236'), updateFields });
		expect(context.sandbox.requests[0].body).toEqual({ flowId: '1005133727262236', ...body });
	});

	it.each([
		[{}, 'Update Fields must hold at least one of Categories, Endpoint URL and Name'],
		[{ name: '' }, 'Name is required'],
		[{ categories: [] }, 'Categories must have at least one category'],
		[{ endpointUrl: 'example.com/e' }, 'Endpoint URL must be a URL starting with https://'],
	])('%#: refuses %j without a request', async (updateFields, message) => {
		const { error } = await run({
			operation: 'updateMetadata',
			flowId: pickFlow('1005133727262236'),
			updateFields,
		});
		expect(error?.message).toBe(message);
		expect(context.sandbox.requests).toHaveLength(0);
	});
});

describe('flow → updateJson (PATCH /flow-json)', () => {
	beforeEach(() => addFlow({ id: '910367050421850', json: undefined }));

	it('sends the Flow JSON of the editor as `data` and shows that it is valid', async () => {
		const { items, error } = await run({
			operation: 'updateJson',
			flowId: pickFlow('910367050421850'),
			flowJson: JSON.stringify(FLOW_JSON, null, 2),
		});
		expect(error).toBeUndefined();
		const [request] = context.sandbox.requests;
		expect(request).toMatchObject({ method: 'PATCH', path: '/flow-json' });
		expect(request.query).toEqual(TOKEN_QUERY);
		expect(request.headers).toMatchObject(SIGNED_HEADERS);
		expect(request.body).toEqual({ flowId: '910367050421850', data: FLOW_JSON });
		expect(items.map((item) => item.json)).toEqual([
			{ valid: true, success: true, validation_errors: [] },
		]);
		expect(Object.keys(items[0].json)[0]).toBe('valid');
	});

	it('puts WhatsApp’s validation errors in the output, flagged as not valid', async () => {
		const withoutLayout = { version: '3.1', screens: [{ id: 'ONLY', terminal: true }] };
		const { items } = await run({
			operation: 'updateJson',
			flowId: pickFlow('910367050421850'),
			flowJson: withoutLayout,
		});
		expect(items[0].json).toEqual({
			valid: false,
			success: true,
			validation_errors: [
				expect.objectContaining({
					error: 'MISSING_REQUIRED_PROPERTY',
					message: 'The required property "layout" is missing at "$root/screens/0" (screen ONLY).',
				}),
			],
		});
	});

	it.each([
		['an object', FLOW_JSON],
		['JSON text', JSON.stringify(FLOW_JSON)],
	])('takes the Flow JSON from an input item field holding %s', async (_what, flowJson) => {
		const { error } = await run(
			{
				operation: 'updateJson',
				flowId: pickFlow('910367050421850'),
				flowJsonSource: 'inputField',
				flowJsonField: 'flow.json',
			},
			[{ flow: { json: flowJson } }],
		);
		expect(error).toBeUndefined();
		expect(context.sandbox.requests[0].body).toEqual({
			flowId: '910367050421850',
			data: FLOW_JSON,
		});
	});

	it.each([
		['{"version": "3.1", "screens": [}', /^Flow JSON is not valid JSON: Unexpected token '}'/],
		[{ screens: FLOW_JSON.screens }, 'Flow JSON has no "version", e.g. "version": "3.1"'],
		[
			{ version: '3.1', screens: [] },
			'Flow JSON "screens" is empty: a flow needs at least one screen',
		],
		[
			{ version: '3.1', screens: [screen('A'), { terminal: true }] },
			'Flow JSON screens[1] has no "id"',
		],
		[
			{ version: '3.1', screens: [screen('A')] },
			'Flow JSON has no terminal screen: give the screen that ends the flow "terminal": true',
		],
		[
			{ ...FLOW_JSON, padding: 'x'.repeat(10 * 1024 * 1024) },
			'Flow JSON is 10.0 MB; WhatsApp takes at most 10 MB',
		],
	])('%#: refuses a broken Flow JSON without a request', async (flowJson, message) => {
		const { error } = await run({
			operation: 'updateJson',
			flowId: pickFlow('910367050421850'),
			flowJson,
		});
		expect(error?.message).toMatch(message);
		expect(error?.description).toMatch(/Nothing was sent to WOZTELL/);
		expect(context.sandbox.requests).toHaveLength(0);
	});

	it('says so when the input item lacks the field', async () => {
		const { error } = await run(
			{
				operation: 'updateJson',
				flowId: pickFlow('910367050421850'),
				flowJsonSource: 'inputField',
			},
			[{ other: 1 }],
		);
		expect(error?.message).toBe('The input item has no field "flowJson"');
		expect(context.sandbox.requests).toHaveLength(0);
	});
});

describe('flow → publish, deprecate, delete (flowId in the JSON body)', () => {
	it('publish: POST /publish-flow turns a draft into a published flow', async () => {
		addFlow({ id: '913687770028833' });
		const { items, error } = await run({
			operation: 'publish',
			flowId: pickFlow('913687770028833'),
		});
		expect(error).toBeUndefined();
		const [request] = context.sandbox.requests;
		expect(request).toMatchObject({
			method: 'POST',
			path: '/publish-flow',
			body: { flowId: '913687770028833' },
		});
		expect(request.query).toEqual(TOKEN_QUERY);
		expect(request.headers).toMatchObject(SIGNED_HEADERS);
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		expect(flowById('913687770028833')?.status).toBe('PUBLISHED');
	});

	it.each([
		[{ json: undefined }, 'Flow 913687770028833 has no Flow JSON to publish'],
		[
			{ validation_errors: [{ error: 'INVALID_PROPERTY' }] },
			'Flow 913687770028833 has 1 validation errors in its Flow JSON',
		],
		[
			{ status: 'PUBLISHED' as const },
			'Flow 913687770028833 is PUBLISHED: only a DRAFT flow can be published',
		],
	])('publish: WOZTELL refuses a flow that cannot be published (%j)', async (flow, message) => {
		addFlow({ id: '913687770028833', ...flow });
		const { error } = await run({ operation: 'publish', flowId: pickFlow('913687770028833') });
		expect(error?.message).toBe(message);
		expect((error as unknown as { httpCode: string }).httpCode).toBe('400');
	});

	it('deprecate: POST /deprecate-flow retires a published flow', async () => {
		addFlow({ id: '913687770028833', status: 'PUBLISHED' });
		const { items } = await run({ operation: 'deprecate', flowId: pickFlow('913687770028833') });
		const [request] = context.sandbox.requests;
		expect(request).toMatchObject({
			method: 'POST',
			path: '/deprecate-flow',
			body: { flowId: '913687770028833' },
		});
		expect(request.query).toEqual(TOKEN_QUERY);
		expect(request.headers).toMatchObject(SIGNED_HEADERS);
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		expect(flowById('913687770028833')?.status).toBe('DEPRECATED');
	});

	it('delete: DELETE /flow carries the flow ID in a JSON body', async () => {
		addFlow({ id: '913687770028833' });
		const { items, error } = await run({
			operation: 'delete',
			flowId: pickFlow('913687770028833'),
		});
		expect(error).toBeUndefined();
		const [request] = context.sandbox.requests;
		expect(request).toMatchObject({
			method: 'DELETE',
			path: '/flow',
			body: { flowId: '913687770028833' },
		});
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.query).toEqual(TOKEN_QUERY);
		expect(request.headers).toMatchObject(SIGNED_HEADERS);
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		expect(flowById('913687770028833')).toBeUndefined();
	});

	it('delete: WOZTELL refuses to delete a published flow, as WhatsApp does', async () => {
		addFlow({ id: '913687770028833', status: 'PUBLISHED' });
		const { error } = await run({ operation: 'delete', flowId: pickFlow('913687770028833') });
		expect(error?.message).toBe(
			'Flow 913687770028833 is PUBLISHED: only a DRAFT flow can be deleted',
		);
		expect(flowById('913687770028833')).toBeDefined();
	});

	it('goes DRAFT → PUBLISHED → DEPRECATED, one call per input item', async () => {
		addFlow({ id: '913687770028833' });
		for (const operation of ['publish', 'deprecate']) {
			const { error } = await run({ operation, flowId: pickFlow('913687770028833') });
			expect(error).toBeUndefined();
		}
		const { error } = await run({ operation: 'deprecate', flowId: pickFlow('913687770028833') });
		expect(error?.message).toBe(
			'Flow 913687770028833 is DEPRECATED: only a PUBLISHED flow can be deprecated',
		);
	});
});
