import { runNode, sandboxCredentials } from './engine/harness';
import { collectSecrets, findSecrets } from './engine/secrets';
import { useSandbox } from './engine/useSandbox';
import { identity } from './sandbox';

const context = useSandbox();
const MEMBER_ID = '5ece50f3bf385b25c4e08db5';
const botRequests = () => context.sandbox.requests.filter((request) => request.api === 'bot');

describe('message → sendText (Bot API POST /sendResponses)', () => {
	it('sends the credential channel, the digits of the number and a TEXT response, with the Bot API token only', async () => {
		const { sandbox } = context;
		const { items, error } = await runNode(
			{
				resource: 'message',
				operation: 'sendText',
				recipientType: 'whatsappNumber',
				recipient: '+852 9123-4567',
				text: 'Your order is on its way',
			},
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(error).toBeUndefined();
		const [request] = botRequests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/sendResponses');
		expect(request.headers.authorization).toBe(`Bearer ${identity.botApiToken}`);
		expect(request.query).toEqual({});
		expect(request.headers['x-woztell-signedcontext']).toBeUndefined();
		expect(request.body).toEqual({
			channelId: identity.channelId,
			recipientId: '85291234567',
			response: [{ type: 'TEXT', text: 'Your order is on its way' }],
		});
		expect(sandbox.state.sentResponses).toHaveLength(1);
		expect(items.map((item) => item.json)).toEqual([
			{
				recipientId: '85291234567',
				memberId: expect.stringMatching(/^[0-9a-f]{24}$/),
				messageIds: ['wamid.sandbox1'],
				attempts: 1,
			},
		]);
	});

	it('sends to a member ID', async () => {
		const { sandbox } = context;
		const { error } = await runNode(
			{
				resource: 'message',
				operation: 'sendText',
				recipientType: 'memberId',
				recipient: MEMBER_ID,
				text: 'Hi',
			},
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(error).toBeUndefined();
		expect(botRequests()[0].body).toMatchObject({ memberId: MEMBER_ID });
		expect(botRequests()[0].body).not.toHaveProperty('recipientId');
	});

	it('sends one message per input item, each to its own number', async () => {
		const { sandbox } = context;
		const numbers = Array.from({ length: 5 }, (_, index) => `8529123456${index}`);
		const { items, error } = await runNode(
			{
				resource: 'message',
				operation: 'sendText',
				recipient: '={{ $json.phone }}',
				text: '={{ "Hello " + $json.name }}',
			},
			{
				credentials: sandboxCredentials(sandbox),
				items: numbers.map((phone, index) => ({ phone, name: `customer ${index}` })),
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(
			sandbox.state.sentResponses.map((sent: { recipientId: string }) => sent.recipientId),
		).toEqual(numbers);
	});

	it.each([
		['whatsappNumber', '', 'Recipient (WhatsApp Number) must be a phone number'],
		['whatsappNumber', '091234567', 'Recipient (WhatsApp Number) must be a phone number'],
		['whatsappNumber', '1234567', 'Recipient (WhatsApp Number) must be a phone number'],
		['whatsappNumber', '8529123456789012', 'Recipient (WhatsApp Number) must be a phone number'],
		['whatsappNumber', '852 9123 abcd', 'Recipient (WhatsApp Number) must be a phone number'],
		['memberId', 'not-a-member', 'Recipient (Member ID) must be a WOZTELL ID'],
	])('refuses the %s %j before sending', async (recipientType, recipient, message) => {
		const { sandbox } = context;
		const { error } = await runNode(
			{
				resource: 'message',
				operation: 'sendText',
				recipientType,
				recipient: '={{ $json.recipient }}',
				text: 'Hi',
			},
			{ credentials: sandboxCredentials(sandbox), items: [{ recipient }] },
		);
		expect(error?.message).toContain(message);
		expect(sandbox.requests).toHaveLength(0);
	});

	it.each([
		['', 'Text must not be empty'],
		['x'.repeat(4097), 'Text must have at most 4096 characters (it has 4097)'],
	])('refuses the text %#', async (text, message) => {
		const { sandbox } = context;
		const { error } = await runNode(
			{
				resource: 'message',
				operation: 'sendText',
				recipient: '85291234567',
				text: '={{ $json.text }}',
			},
			{ credentials: sandboxCredentials(sandbox), items: [{ text }] },
		);
		expect(error?.message).toBe(message);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('refuses to send without a Bot API token in the credential, naming it', async () => {
		const { sandbox } = context;
		const { error } = await runNode(
			{ resource: 'message', operation: 'sendText', recipient: '85291234567', text: 'Hi' },
			{ credentials: sandboxCredentials(sandbox, { botApiToken: '' }) },
		);
		expect(error?.message).toBe('The credential has no Bot API Access Token');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('shows WOZTELL’s refusal of a wrong Bot API token with its HTTP code, and nothing is kept', async () => {
		const { sandbox } = context;
		const { error } = await runNode(
			{ resource: 'message', operation: 'sendText', recipient: '85291234567', text: 'Hi' },
			{ credentials: sandboxCredentials(sandbox, { botApiToken: 'wrong-token' }) },
		);
		expect(error?.message).toBe('Invalid access token');
		expect((error as { httpCode?: string }).httpCode).toBe('401');
		expect((error as { description?: string }).description).toMatch(
			/^Check the credential's Bot API Access Token: a WOZTELL access token with the bot:sendResponses scope/,
		);
		expect(sandbox.state.sentResponses).toHaveLength(0);
		const credentials = sandboxCredentials(sandbox, { botApiToken: 'wrong-bot-api-token' });
		const wrong = await runNode(
			{ resource: 'message', operation: 'sendText', recipient: '85291234567', text: 'Hi' },
			{ credentials },
		);
		expect(findSecrets([wrong.error, wrong.items], collectSecrets(credentials))).toEqual([]);
	});
});

describe('message: many recipients', () => {
	it('sends 1,000 recipients at the pace Batching sets, each once', async () => {
		const INTERVAL_MS = 2000;
		const { sandbox } = context;
		const numbers = Array.from({ length: 1000 }, (_, index) => String(85290000000 + index));
		const started = Date.now();
		const { items, error } = await runNode(
			{
				resource: 'message',
				operation: 'sendText',
				recipient: '={{ $json.phone }}',
				text: 'Sale starts now',
				requestOptions: { batching: { batch: { batchSize: 500, batchInterval: INTERVAL_MS } } },
			},
			{ credentials: sandboxCredentials(sandbox), items: numbers.map((phone) => ({ phone })) },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1000);
		const sent = sandbox.state.sentResponses.map(
			(entry: { recipientId: string }) => entry.recipientId,
		);
		expect([...sent].sort()).toEqual(numbers);
		// n8n prepares the items of a batch, fires their requests, and waits the interval before the
		// next batch: the second 500 (recipients …500 to …999) cannot arrive before one interval has
		// passed (measured from the start: a loaded machine delays the first batch's arrivals too).
		const firstArrival = (batch: number) =>
			Math.min(
				...botRequests()
					.filter((request) => {
						const { recipientId } = request.body as { recipientId: string };
						return Math.floor((Number(recipientId) - 85290000000) / 500) === batch;
					})
					.map((request) => request.receivedAt - started),
			);
		expect(firstArrival(1)).toBeGreaterThanOrEqual(INTERVAL_MS);
	}, 60_000);
});

describe('message → sendResponses', () => {
	const responses = [
		{ type: 'TEXT', text: 'Hello' },
		{ type: 'IMAGE', url: 'https://example.com/a.png' },
	];

	it('sends the response array as given', async () => {
		const { sandbox } = context;
		const { items, error } = await runNode(
			{
				resource: 'message',
				operation: 'sendResponses',
				recipientType: 'memberId',
				recipient: MEMBER_ID,
				responses: JSON.stringify(responses),
			},
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(error).toBeUndefined();
		expect(botRequests()[0].body).toEqual({
			channelId: identity.channelId,
			memberId: MEMBER_ID,
			response: responses,
		});
		expect(items[0].json.messageIds).toHaveLength(2);
	});

	it.each([
		['{"type":"TEXT"', 'Responses is not valid JSON'],
		['{"type":"TEXT","text":"Hi"}', 'Responses must be a JSON array of responses'],
		['[]', 'Responses must hold at least one response'],
		['[{"type":"TEXT","text":"Hi"}, 3]', 'Responses entry 2 must be an object'],
		['[{"text":"Hi"}]', 'Responses entry 1 needs a "type"'],
	])('refuses %j before sending', async (json, message) => {
		const { sandbox } = context;
		const { error } = await runNode(
			{
				resource: 'message',
				operation: 'sendResponses',
				recipient: '85291234567',
				responses: json,
			},
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(error?.message).toBe(message);
		expect(sandbox.requests).toHaveLength(0);
	});
});
