import type { NodeApiError } from 'n8n-workflow';
import { runNode, sandboxCredentials } from './engine/harness';
import { useSandbox } from './engine/useSandbox';
import { closedPort, identity, sentCounts } from './sandbox';

const context = useSandbox();
const CUSTOMERS = Array.from({ length: 150 }, (_, index) => ({
	name: `Customer ${index + 1}`,
	phone: String(85290000000 + index),
}));
const REFUSED = CUSTOMERS[42].phone;
const campaign = {
	resource: 'message',
	operation: 'sendText',
	recipient: '={{ $json.phone }}',
	text: '={{ "Hello " + $json.name + ", your order has shipped." }}',
};
const botRequests = () => context.sandbox.requests.filter((request) => request.api === 'bot');
const requestsFor = (phone: string) =>
	botRequests().filter(
		(request) => (request.body as { recipientId?: string }).recipientId === phone,
	);

/** Every recipient WOZTELL accepted, and how often. */
const accepted = () => sentCounts(context.sandbox.state);

function expectEveryoneOnce(except: string[] = []) {
	const counts = accepted();
	const expected = CUSTOMERS.map(({ phone }) => phone).filter((phone) => !except.includes(phone));
	expect([...counts.keys()].sort()).toEqual(expected);
	expect([...counts.values()].every((count) => count === 1)).toBe(true);
}

async function sendCampaign(parameters = {}, node = {}) {
	return await runNode(
		{ ...campaign, ...parameters },
		{ credentials: sandboxCredentials(context.sandbox), items: CUSTOMERS, node },
	);
}

describe('sending to 150 customers: every message once', () => {
	it('a clean run: each customer once, each item with its recipient, message IDs and one attempt', async () => {
		const { items, error } = await sendCampaign();
		expect(error).toBeUndefined();
		expectEveryoneOnce();
		expect(botRequests()).toHaveLength(150);
		expect(items).toHaveLength(150);
		items.forEach((item, index) => {
			expect(item.json).toMatchObject({
				recipientId: CUSTOMERS[index].phone,
				messageIds: [expect.stringMatching(/^wamid\./)],
				attempts: 1,
			});
			expect(item.pairedItem).toEqual({ item: index });
		});
	});

	it('every 25th request answered 503: those are sent again, nobody gets two', async () => {
		context.sandbox.admin.botApiBehaviour({ failEvery: 25 });
		const { items, error } = await sendCampaign();
		expect(error).toBeUndefined();
		expectEveryoneOnce();
		const retried = items.filter((item) => (item.json.attempts as number) > 1);
		expect(retried.length).toBeGreaterThanOrEqual(6);
		const attempts = items.reduce((sum, item) => sum + (item.json.attempts as number), 0);
		expect(botRequests()).toHaveLength(attempts);
	});

	it('WOZTELL throttling at 40 a second (429, Retry-After: 1): all 150 go out, once each', async () => {
		context.sandbox.admin.botApiBehaviour({ ratePerSecond: 40 });
		const { items, error } = await sendCampaign();
		expect(error).toBeUndefined();
		expectEveryoneOnce();
		expect(items).toHaveLength(150);
		// The sandbox refused what came past its cap, and the node waited and came back.
		expect(botRequests().length).toBeGreaterThan(150);
		const perSecond = new Map<number, number>();
		for (const { receivedAt } of botRequests()) {
			const second = Math.floor(receivedAt / 1000);
			perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
		}
		expect(perSecond.size).toBeGreaterThanOrEqual(4);
	}, 60_000);

	it('Retry On Fail (3 tries) and one refused recipient: the run fails on that item, nobody gets two', async () => {
		context.sandbox.admin.botApiBehaviour({ refuse: [REFUSED] });
		const { items, error } = await sendCampaign(
			{},
			{ retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		);
		expect(items).toHaveLength(0);
		expect(error?.message).toBe(`Recipient ${REFUSED} cannot receive WhatsApp messages`);
		expect(error?.context.itemIndex).toBe(42);
		expectEveryoneOnce([REFUSED]);
		// n8n ran the node three times; only the refused item was asked of WOZTELL again.
		expect(requestsFor(REFUSED)).toHaveLength(3);
		expect(botRequests()).toHaveLength(152);
	}, 30_000);

	it('Continue On Fail and one refused recipient: a failed item with WOZTELL’s text, HTTP code and recipient, paired with its input', async () => {
		context.sandbox.admin.botApiBehaviour({ refuse: [REFUSED] });
		const { items, error } = await sendCampaign({}, { continueOnFail: true });
		expect(error).toBeUndefined();
		expectEveryoneOnce([REFUSED]);
		expect(items).toHaveLength(150);
		const failed = items.filter((item) => item.json.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].json).toEqual({
			error: `Recipient ${REFUSED} cannot receive WhatsApp messages`,
			details: {
				recipientId: REFUSED,
				httpCode: '400',
				description: expect.stringContaining('check the fields'),
				attempts: 1,
			},
		});
		expect(failed[0].pairedItem).toEqual({ item: 42 });
		expect(items.filter((item) => item.json.messageIds)).toHaveLength(149);
	});

	it('On Error → Continue (using error output): the failed item goes to the error output', async () => {
		context.sandbox.admin.botApiBehaviour({ refuse: [REFUSED] });
		const { run, error } = await sendCampaign({}, { onError: 'continueErrorOutput' });
		expect(error).toBeUndefined();
		const [success, failure] = run.data.resultData.runData.WOZTELL[0].data!.main;
		expect(success).toHaveLength(149);
		expect(failure).toHaveLength(1);
		// (n8n adds the input item's fields there when a node comes before; here none does.)
		expect(failure![0].json).toMatchObject({
			error: `Recipient ${REFUSED} cannot receive WhatsApp messages`,
			details: { recipientId: REFUSED, httpCode: '400' },
		});
	});

	it('an answer lost after WOZTELL accepted (past the Timeout): not sent again, its own error', async () => {
		const slow = CUSTOMERS[7].phone;
		context.sandbox.admin.botApiBehaviour({ slowAnswerMs: 1500, slowFor: [slow] });
		const { items, error } = await sendCampaign(
			{ requestOptions: { timeout: 400 } },
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(requestsFor(slow)).toHaveLength(1);
		expectEveryoneOnce();
		const [failed] = items.filter((item) => item.json.error);
		expect(failed.json).toMatchObject({
			error: 'WOZTELL may or may not have sent this message',
			details: { recipientId: slow, httpCode: 'ECONNABORTED', attempts: 1 },
		});
		expect((failed.json.details as { description: string }).description).toMatch(
			/^WOZTELL did not answer within the Timeout .* The node did not send it again/,
		);
	});

	it('and with Retry On Fail, the maybe-sent item is not sent again by n8n’s re-runs either', async () => {
		const slow = CUSTOMERS[7].phone;
		context.sandbox.admin.botApiBehaviour({ slowAnswerMs: 1500, slowFor: [slow] });
		const { error } = await sendCampaign(
			{ requestOptions: { timeout: 400 } },
			{ retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		);
		expect(error?.message).toBe('WOZTELL may or may not have sent this message');
		expect(requestsFor(slow)).toHaveLength(1);
		expect(botRequests()).toHaveLength(150);
		expectEveryoneOnce();
	}, 30_000);
});

describe('what is retried, and what is not', () => {
	const sendOne = (retryOptions = {}, credentials = sandboxCredentials(context.sandbox)) =>
		runNode(
			{
				resource: 'message',
				operation: 'sendText',
				recipient: '85291234567',
				text: 'Hi',
				retryOptions,
			},
			{ credentials },
		);

	it.each([
		[
			'a WhatsApp code in the text',
			{ ok: 0, error: '(#131056) (Business Account, Consumer Account) pair rate limit hit' },
		],
		[
			'a WhatsApp code in an error object',
			{ ok: 0, error: { code: 130429, message: 'Rate limit hit' } },
		],
		['a WhatsApp code beside the text', { ok: 0, error: 'Spam rate limit hit', code: 131048 }],
	])('WhatsApp’s throttling passed through by WOZTELL (%s) is retried', async (_where, body) => {
		context.sandbox.failNext({ status: 400, body });
		const { items, error } = await sendOne();
		expect(error).toBeUndefined();
		expect(items[0].json.attempts).toBe(2);
		expect(accepted().get('85291234567')).toBe(1);
	});

	it('a gateway’s 502 page is not retried for a send: WOZTELL may have sent it', async () => {
		context.sandbox.failNext({ status: 502, raw: '<html>502 Bad Gateway</html>' });
		const { error } = await sendOne();
		expect(error?.message).toBe('WOZTELL may or may not have sent this message');
		expect(error?.description).toMatch(/^WOZTELL answered HTTP 502/);
		expect(botRequests()).toHaveLength(1);
	});

	it('WOZTELL’s own 502 refusal is retried', async () => {
		context.sandbox.failNext({ status: 502, body: { ok: 0, error: 'Upstream unavailable' } });
		const { items, error } = await sendOne();
		expect(error).toBeUndefined();
		expect(items[0].json.attempts).toBe(2);
	});

	it('a 429 past Retries says what the node tried and how to pace', async () => {
		context.sandbox.failNext(
			...Array.from({ length: 3 }, () => ({
				status: 429,
				body: { ok: 0, error: 'Too many messages' },
				headers: { 'Retry-After': '0' },
			})),
		);
		const { error } = await sendOne({ retries: 2 });
		expect(error?.message).toBe('Too many messages');
		expect(error?.description).toMatch(/80 items per batch and a 1000 ms interval/);
		expect(error?.description).toMatch(/The node tried 3 times over \d+ s\.$/);
		expect(error?.description).not.toMatch(/Retry On Fail/);
		expect(botRequests()).toHaveLength(3);
	});

	it('a Retry-After longer than Max Wait is not waited for', async () => {
		context.sandbox.failNext({
			status: 429,
			body: { ok: 0, error: 'Too many messages' },
			headers: { 'Retry-After': '120' },
		});
		const { error } = await sendOne({ maxWait: 10 });
		expect((error as unknown as NodeApiError).httpCode).toBe('429');
		expect(botRequests()).toHaveLength(1);
	});

	it('a refused connection (nothing was sent) is retried, then explained', async () => {
		const port = await closedPort();
		const { error } = await sendOne(
			{ retries: 2 },
			sandboxCredentials(context.sandbox, { botApiUrl: `http://127.0.0.1:${port}` }),
		);
		expect((error as unknown as NodeApiError).httpCode).toBe('ECONNREFUSED');
		expect(error?.description).toMatch(
			/^Check the credential's Base URL \(the Bot API URL for messages/,
		);
		expect(error?.description).toMatch(/The node tried 3 times/);
	});

	it.each([
		[
			{ retries: '={{ -1 }}' },
			'Retries (Retry Options) must be a whole number from 0 to 10 (got -1)',
		],
		[
			{ retries: '={{ 2.5 }}' },
			'Retries (Retry Options) must be a whole number from 0 to 10 (got 2.5)',
		],
		[
			{ maxWait: '={{ -1 }}' },
			'Max Wait (Retry Options) must be a number of seconds, 0 or more (got -1)',
		],
	])('refuses Retry Options %j before anything is sent', async (retryOptions, message) => {
		const { error } = await sendOne(retryOptions);
		expect(error?.message).toBe(message);
		expect(context.sandbox.requests).toHaveLength(0);
	});

	it('no error of a Message operation recommends Retry On Fail', async () => {
		for (const status of [429, 500, 503]) {
			context.sandbox.reset();
			context.sandbox.failNext({ status, body: { ok: 0, error: 'No' } });
			const { error } = await sendOne({ retries: 0 });
			expect(`${error?.message} ${error?.description}`).not.toMatch(/Retry On Fail/);
		}
	});
});

describe('reads retry their transient failures', () => {
	const profileGet = {
		resource: 'businessProfile',
		operation: 'get',
		phoneNumberId: identity.phoneNumberId,
	};

	it.each([
		['HTTP 503', { status: 503, body: { ok: 0, error: 'Busy' } }],
		['HTTP 500', { status: 500, body: { ok: 0, error: 'Oops' } }],
		['a dropped connection', { drop: true }],
		['a slow answer', { delayMs: 1500, status: 200, body: { ok: 1, data: {} } }],
	])('a GET after %s', async (_fault, fault) => {
		context.sandbox.failNext(fault);
		const { items, error } = await runNode(
			{ ...profileGet, requestOptions: { timeout: 400 } },
			{ credentials: sandboxCredentials(context.sandbox) },
		);
		expect(error).toBeUndefined();
		expect(items[0].json.about).toBe('Hello from the sandbox');
		expect(context.sandbox.requests).toHaveLength(2);
	});

	it('a list page: only the failed page is read again', async () => {
		const { sandbox } = context;
		const products = {
			resource: 'product',
			operation: 'getMany',
			catalogId: { __rl: true, mode: 'id', value: '1234577510532066' },
			returnAll: true,
		};
		const clean = await runNode(products, { credentials: sandboxCredentials(sandbox) });
		expect(clean.error).toBeUndefined();
		const pageCount = sandbox.requests.length;
		expect(pageCount).toBeGreaterThan(1);
		sandbox.reset();
		// The first page passes; the second page's first try is refused.
		sandbox.failNext({}, { status: 503, body: { ok: 0, error: 'Busy' } });
		const { items, error } = await runNode(products, { credentials: sandboxCredentials(sandbox) });
		expect(error).toBeUndefined();
		expect(items).toEqual(clean.items);
		expect(sandbox.requests).toHaveLength(pageCount + 1);
		expect(sandbox.requests.filter((request) => !request.query.after)).toHaveLength(1);
	});
});
