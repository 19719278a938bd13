import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';
import { WoztellWhatsAppCloud } from '../nodes/WoztellWhatsAppCloud/WoztellWhatsAppCloud.node';
import { runNode, sandboxCredentials } from './engine/harness';
import { useSandbox } from './engine/useSandbox';
import type { RecordedRequest } from './sandbox';

/**
 * As an AI agent's tool, a resource locator is filled by the model through `$fromAI()`: in every
 * mode, the model's plain string (a name or an ID) must reach WOZTELL as a typed one would.
 * n8n resolves `$fromAI(key)` from the tool call's arguments, which the engine hands the node as
 * its input item; here the input item carries them.
 */
const context = useSandbox();
const KEY = 'picked_by_model';

/** "locator(mode)" for every resource locator of the node, inside collections too. */
function locatorModes(properties: INodeProperties[]): string[] {
	return properties.flatMap((property) => [
		...(property.type === 'resourceLocator'
			? (property.modes ?? []).map((mode) => `${property.name}(${mode.name})`)
			: []),
		...(property.type === 'collection' ? locatorModes(property.options as INodeProperties[]) : []),
	]);
}

const fromModel = (mode: string) => ({
	__rl: true,
	mode,
	value: `={{ $fromAI('${KEY}', 'A name or ID', 'string') }}`,
});

const TEMPLATE = {
	id: '1748340935544945',
	name: 'order_update',
	language: 'en_US',
	category: 'UTILITY',
	status: 'APPROVED',
	rejected_reason: 'NONE',
	quality_score: 'GREEN',
	components: [{ type: 'BODY', text: 'Your order has shipped' }],
	createdAt: 0,
	editedAt: [],
};
const FLOW = {
	id: '885692686603466',
	name: 'Feedback',
	categories: ['SURVEY'],
	status: 'DRAFT',
	validation_errors: [],
};
const CATALOG_ID = '1234577510532066';
type Tree = { _id: string; nodes: Array<{ name: string; compositeId: string }> };
const sandboxTree = (state: IDataObject) => (state.trees as Tree[])[0];
const refundNode = (state: IDataObject) =>
	sandboxTree(state).nodes.find(({ name }) => name === 'Refund')!.compositeId;
const redirect = {
	resource: 'chatbot',
	operation: 'redirectMember',
	member: '85291234567',
};

interface LocatorCase {
	locator: string;
	modes: string[];
	value: string | ((state: IDataObject) => string);
	parameters: (mode: string) => INodeParameters;
	seed?: (state: IDataObject) => void;
	/** The request that carries the model's value, as WOZTELL receives it. */
	expectRequest: (requests: RecordedRequest[]) => void;
}

const deleteTemplate = (requests: RecordedRequest[]) => {
	const deletion = requests.find((request) => request.method === 'DELETE');
	expect(deletion).toMatchObject({
		path: '/whatsapp-message-template',
		body: { name: TEMPLATE.name },
	});
};

const cases: LocatorCase[] = [
	{
		locator: 'template',
		modes: ['list', 'name'],
		value: TEMPLATE.name,
		parameters: (mode) => ({
			resource: 'template',
			operation: 'delete',
			template: fromModel(mode),
		}),
		seed: (state) => (state.templates as IDataObject[]).push({ ...TEMPLATE }),
		expectRequest: deleteTemplate,
	},
	{
		locator: 'template',
		modes: ['id'],
		value: TEMPLATE.id,
		parameters: (mode) => ({
			resource: 'template',
			operation: 'delete',
			template: fromModel(mode),
		}),
		seed: (state) => (state.templates as IDataObject[]).push({ ...TEMPLATE }),
		expectRequest: deleteTemplate,
	},
	{
		locator: 'messageTemplate',
		modes: ['list', 'name'],
		value: TEMPLATE.name,
		parameters: (mode) => ({
			resource: 'message',
			operation: 'sendTemplate',
			recipient: '85291234567',
			messageTemplate: fromModel(mode),
			templateLanguage: 'en_US',
			templateVariables: { mappingMode: 'defineBelow', value: {}, matchingColumns: [], schema: [] },
		}),
		seed: (state) => (state.templates as IDataObject[]).push({ ...TEMPLATE }),
		expectRequest: (requests) =>
			expect(requests.find((request) => request.api === 'bot')).toMatchObject({
				path: '/sendResponses',
				body: {
					response: [{ type: 'TEMPLATE', elementName: TEMPLATE.name, languageCode: 'en_US' }],
				},
			}),
	},
	{
		locator: 'flowId',
		modes: ['list', 'id'],
		value: FLOW.id,
		parameters: (mode) => ({ resource: 'flow', operation: 'get', flowId: fromModel(mode) }),
		seed: (state) => (state.flows as IDataObject[]).push({ ...FLOW }),
		expectRequest: ([request]) =>
			expect(request).toMatchObject({ path: '/flow-detail', query: { flowId: FLOW.id } }),
	},
	{
		locator: 'flow',
		modes: ['list', 'id'],
		value: FLOW.id,
		parameters: (mode) => ({
			resource: 'message',
			operation: 'sendFlow',
			recipient: '85291234567',
			flow: fromModel(mode),
			flowMode: 'draft',
			bodyText: 'Tell us what you think',
			flowCta: 'Give feedback',
			flowScreen: 'QUESTION',
		}),
		seed: (state) => (state.flows as IDataObject[]).push({ ...FLOW }),
		expectRequest: (requests) =>
			expect(requests.find((request) => request.api === 'bot')).toMatchObject({
				path: '/sendResponses',
				body: {
					response: [{ type: 'WHATSAPP_FLOW', action: { parameters: { flow_id: FLOW.id } } }],
				},
			}),
	},
	{
		locator: 'cloneFlowId',
		modes: ['list', 'id'],
		value: FLOW.id,
		parameters: (mode) => ({
			resource: 'flow',
			operation: 'create',
			name: 'Feedback copy',
			categories: ['SURVEY'],
			additionalFields: { cloneFlowId: fromModel(mode) },
		}),
		seed: (state) => (state.flows as IDataObject[]).push({ ...FLOW }),
		expectRequest: ([request]) =>
			expect(request).toMatchObject({
				path: '/create-flow',
				body: { data: { clone_flow_id: FLOW.id } },
			}),
	},
	{
		locator: 'catalogId',
		modes: ['list', 'id'],
		value: CATALOG_ID,
		parameters: (mode) => ({
			resource: 'product',
			operation: 'getMany',
			catalogId: fromModel(mode),
			limit: 1,
		}),
		expectRequest: ([request]) =>
			expect(request).toMatchObject({ path: '/products', query: { catalogId: CATALOG_ID } }),
	},
	{
		locator: 'tree',
		modes: ['list', 'id'],
		value: (state) => sandboxTree(state)._id,
		parameters: (mode) => ({
			...redirect,
			tree: fromModel(mode),
			node: { __rl: true, mode: 'id', value: '={{ $json.node }}' },
		}),
		expectRequest: ([request]) =>
			expect(request).toMatchObject({
				path: '/redirectMemberToNode',
				body: { redirect: { tree: expect.stringMatching(/^[0-9a-f]{24}$/) } },
			}),
	},
	{
		locator: 'node',
		modes: ['list', 'id'],
		value: refundNode,
		parameters: (mode) => ({
			...redirect,
			tree: { __rl: true, mode: 'id', value: '={{ $json.tree }}' },
			node: fromModel(mode),
		}),
		expectRequest: ([request]) =>
			expect(request).toMatchObject({
				path: '/redirectMemberToNode',
				body: { redirect: { nodeCompositeId: expect.stringMatching(/^[A-Za-z0-9]{16}$/) } },
			}),
	},
];

const runs = cases.flatMap((locatorCase) =>
	locatorCase.modes.map((mode) => ({ ...locatorCase, mode })),
);

describe('resource locators filled by an AI agent with $fromAI()', () => {
	it('covers every mode of every resource locator of the node', () => {
		const covered = runs.map(({ locator, mode }) => `${locator}(${mode})`);
		expect(covered.sort()).toEqual(
			locatorModes(new WoztellWhatsAppCloud().description.properties).sort(),
		);
	});

	it.each(runs)('$locator ($mode): the model’s value reaches WOZTELL', async (run) => {
		const { state } = context.sandbox;
		run.seed?.(state);
		const value = typeof run.value === 'function' ? run.value(state) : run.value;
		const { error } = await runNode(run.parameters(run.mode), {
			credentials: sandboxCredentials(context.sandbox),
			// Beside the model's value, the other locator's (the tree or the node) as an expression.
			items: [{ [KEY]: value, tree: sandboxTree(state)._id, node: refundNode(state) }],
		});
		expect(error).toBeUndefined();
		run.expectRequest(context.sandbox.requests.filter((request) => request.path !== '/waba-info'));
	});

	it('checks the model’s value like a typed one: a flow ID that is not digits is refused before sending', async () => {
		const { error } = await runNode(
			{ resource: 'flow', operation: 'get', flowId: fromModel('id') },
			{ credentials: sandboxCredentials(context.sandbox), items: [{ [KEY]: 'the feedback flow' }] },
		);
		expect(error?.message).toBe('Flow must be a numeric ID (digits only)');
		expect(context.sandbox.requests).toEqual([]);
	});
});

describe('list filters filled by an AI agent with $fromAI()', () => {
	it.each([
		['one value', 'APPROVED', '["APPROVED"]'],
		['a comma-separated string', 'APPROVED, PENDING', '["APPROVED","PENDING"]'],
		['a JSON array', ['APPROVED', 'PENDING'], '["APPROVED","PENDING"]'],
	])('%s reaches WOZTELL as a JSON array', async (_case, fromModelValue, sent) => {
		const { error } = await runNode(
			{
				resource: 'template',
				operation: 'getMany',
				filters: { status: `={{ $fromAI('${KEY}', 'Template statuses', 'string') }}` },
			},
			{ credentials: sandboxCredentials(context.sandbox), items: [{ [KEY]: fromModelValue }] },
		);
		expect(error).toBeUndefined();
		const [list] = context.sandbox.requests.filter((request) => request.path !== '/waba-info');
		expect(list.query.status).toBe(sent);
	});
});

describe('buttons and list rows filled by an AI agent with $fromAI()', () => {
	const buttons = [
		{ id: 'track', title: 'Track order' },
		{ id: 'agent', title: 'Talk to us' },
	];
	it.each([
		['a JSON string', JSON.stringify(buttons)],
		['a JSON array', buttons],
	])('reply buttons as %s reach WOZTELL as its buttons', async (_case, fromModelValue) => {
		const { error } = await runNode(
			{
				resource: 'message',
				operation: 'sendButtons',
				recipient: '85291234567',
				bodyText: `={{ $fromAI('question', 'The question to ask', 'string') }}`,
				buttonsInput: 'json',
				buttonsJson: `={{ $fromAI('${KEY}', 'An array of 1 to 3 {id, title}', 'json') }}`,
			},
			{
				credentials: sandboxCredentials(context.sandbox),
				items: [{ [KEY]: fromModelValue as never, question: 'What next?' }],
			},
		);
		expect(error).toBeUndefined();
		const [sent] = context.sandbox.state.sentResponses;
		expect(sent.response[0]).toMatchObject({
			body: { text: 'What next?' },
			action: {
				buttons: buttons.map(({ id, title }) => ({ type: 'reply', reply: { payload: id, title } })),
			},
		});
	});

	it('checks the model’s rows like typed ones: 11 rows are refused before sending', async () => {
		const rows = Array.from({ length: 11 }, (_, index) => ({
			id: `r${index}`,
			title: `Row ${index}`,
		}));
		const { error } = await runNode(
			{
				resource: 'message',
				operation: 'sendList',
				recipient: '85291234567',
				bodyText: 'Pick one',
				buttonText: 'Options',
				rowsInput: 'json',
				rowsJson: `={{ $fromAI('${KEY}', 'List rows', 'json') }}`,
			},
			{ credentials: sandboxCredentials(context.sandbox), items: [{ [KEY]: rows as never }] },
		);
		expect(error?.message).toBe('The list must hold 1 to 10 rows in all (it has 11)');
		expect(context.sandbox.requests).toEqual([]);
	});
});
