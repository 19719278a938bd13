import { runNode, sandboxCredentials } from './engine/harness';
import { SIGNED_HEADERS, useSandbox } from './engine/useSandbox';
import { identity } from './sandbox';

const context = useSandbox();

describe('analytics → getConversationAnalytics (GET /conversation-analytics)', () => {
	it('converts the dates to UNIX seconds, sends the filters as JSON lists and returns one item per data point', async () => {
		const { sandbox } = context;
		const { items, error } = await runNode(
			{
				resource: 'analytics',
				operation: 'getConversationAnalytics',
				from: '2024-01-01T00:00:00.000Z',
				to: '2024-01-04T00:00:00.000Z',
				granularity: 'DAILY',
				filters: {
					numbers: ['85212345678'],
					metricTypes: ['COST', 'CONVERSATION'],
					conversationTypes: ['REGULAR'],
					conversationDirections: ['business_initiated'],
					dimensions: ['phone', 'country'],
				},
			},
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(error).toBeUndefined();
		const [request] = sandbox.requests;
		expect(request).toMatchObject({ method: 'GET', path: '/conversation-analytics' });
		expect(request.headers).toMatchObject(SIGNED_HEADERS);
		expect(request.query).toEqual({
			accessToken: identity.accessToken,
			from: '1704067200',
			to: '1704326400',
			granularity: 'DAILY',
			numbers: '["85212345678"]',
			metric_types: '["COST","CONVERSATION"]',
			conversation_types: '["REGULAR"]',
			conversation_directions: '["business_initiated"]',
			dimensions: '["phone","country"]',
		});
		expect(items.map((item) => item.json.start)).toEqual([1704067200, 1704153600, 1704240000]);
		expect(items[0].json).toMatchObject({
			phone_number: '85212345678',
			conversation_type: 'REGULAR',
		});
	});

	it('accepts UNIX seconds from an expression', async () => {
		const { sandbox } = context;
		await runNode(
			{
				resource: 'analytics',
				operation: 'getConversationAnalytics',
				from: '={{ $json.from }}',
				to: '={{ $json.to }}',
				granularity: 'MONTHLY',
			},
			{ credentials: sandboxCredentials(sandbox), items: [{ from: 1704067200, to: 1706745600 }] },
		);
		expect(sandbox.requests[0].query).toMatchObject({
			from: '1704067200',
			to: '1706745600',
			granularity: 'MONTHLY',
		});
	});

	it.each([
		[{ from: '2024-02-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }, 'From must be before To'],
		[{ from: 'yesterday', to: '2024-01-01T00:00:00Z' }, 'From must be a date and time'],
		[{ from: '2024-01-01T00:00:00Z', to: '' }, 'To must be a date and time'],
	])('refuses %j before sending', async (range, message) => {
		const { sandbox } = context;
		const { error } = await runNode(
			{
				resource: 'analytics',
				operation: 'getConversationAnalytics',
				granularity: 'DAILY',
				from: '={{ $json.from }}',
				to: '={{ $json.to }}',
			},
			{ credentials: sandboxCredentials(sandbox), items: [range] },
		);
		expect(error?.message).toBe(message);
		expect(sandbox.requests).toHaveLength(0);
	});
});
