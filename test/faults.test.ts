import type { NodeApiError } from 'n8n-workflow';
import { identity, type Fault } from './sandbox';
import { runNode, sandboxCredentials } from './engine/harness';
import { useSandbox } from './engine/useSandbox';
import { collectSecrets, findSecrets } from './engine/secrets';

const context = useSandbox();
const profileGet = {
	resource: 'businessProfile',
	operation: 'get',
	phoneNumberId: identity.phoneNumberId,
};
/** Every error these tests see, for the secret search at the end. */
const seen: unknown[] = [];

/** The error a fault gives when the node does not retry (retries are tested in retry.test.ts). */
async function errorFor(fault: Fault, requestOptions = {}) {
	context.sandbox.failNext(fault);
	const { error, items } = await runNode(
		{ ...profileGet, requestOptions, retryOptions: { retries: 0 } },
		{ credentials: sandboxCredentials(context.sandbox) },
	);
	seen.push(error, items);
	expect(items).toHaveLength(0);
	return error as unknown as NodeApiError;
}

describe('each fault of WOZTELL gives a NodeApiError with its message, the HTTP code and what to do', () => {
	it.each([
		[
			400,
			{ ok: 0, error: 'profile.about is too long' },
			'profile.about is too long',
			/check the fields/,
		],
		[401, { ok: 0, error: 'Invalid access token' }, 'Invalid access token', /Check the credential/],
		[403, { ok: 0, error: 'Channel not allowed' }, 'Channel not allowed', /not allowed to do this/],
		[
			404,
			{ ok: 0, error: 'Phone number not found' },
			'Phone number not found',
			/check the ID fields/,
		],
		[409, { ok: 0, error: 'Flow is published' }, 'Flow is published', /state that does not allow/],
		[500, { ok: 0, error: 'Internal error' }, 'Internal error', /try again later/],
		[502, { ok: 0, message: 'Bad gateway' }, 'Bad gateway', /try again later/],
		[503, { ok: 0, error: 'Service unavailable' }, 'Service unavailable', /try again later/],
	])('HTTP %d', async (status, body, message, hint) => {
		const error = await errorFor({ status, body });
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe(message);
		expect(error.httpCode).toBe(String(status));
		expect(error.description).toMatch(hint);
	});

	it('HTTP 429 with Retry-After', async () => {
		const error = await errorFor({
			status: 429,
			body: { ok: 0, error: 'Too many requests' },
			headers: { 'Retry-After': '30' },
		});
		expect(error.message).toBe('Too many requests');
		expect(error.httpCode).toBe('429');
		expect(error.description).toBe(
			"WOZTELL's rate limit was hit. Space the items out with the node's Batching request option, or raise Retries and Max Wait in its Retry Options. WOZTELL asked to wait 30 s.",
		);
	});

	it.each([
		[
			'ok: 0 with HTTP 200',
			{ status: 200, body: { ok: 0, error: 'Not registered' } },
			'Not registered',
			'200',
		],
		[
			'an HTML error page',
			{
				status: 502,
				raw: '<html><body><h1>502 Bad Gateway</h1></body></html>',
				headers: { 'Content-Type': 'text/html' },
			},
			'WOZTELL answered HTTP 502 with something that is not JSON',
			'502',
		],
		['an empty body', { status: 200, raw: '' }, 'WOZTELL answered with an empty body', '200'],
		[
			'truncated JSON',
			{ status: 200, raw: '{"ok":1,"data":{"about":"Hel' },
			'WOZTELL answered with something that is not JSON',
			'200',
		],
		[
			'JSON without ok',
			{ status: 200, body: { data: {} } },
			'WOZTELL answered without "ok": 1 and gave no reason',
			'200',
		],
	])('%s', async (_kind, fault, message, httpCode) => {
		const error = await errorFor(fault as Fault);
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe(message);
		expect(error.httpCode).toBe(httpCode);
	});

	it('a slow answer past the timeout of the Request Options', async () => {
		const error = await errorFor(
			{ delayMs: 1500, status: 200, body: { ok: 1, data: {} } },
			{ timeout: 300 },
		);
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('WOZTELL did not answer in time');
		expect(error.httpCode).toBe('ECONNABORTED');
		expect(error.description).toBe(
			"Raise the Timeout in the node's Request Options, or try again later.",
		);
	});

	it('a dropped connection', async () => {
		const error = await errorFor({ drop: true });
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toMatch(/The connection to the server was closed unexpectedly/);
		expect(error.httpCode).toBe('ECONNRESET');
		expect(error.description).toMatch(/Check the credential's Base URL/);
	});
});

describe('Continue On Fail', () => {
	const phones = [
		identity.phoneNumberId,
		'999',
		identity.phoneNumberId,
		'888',
		identity.phoneNumberId,
	];

	it('gives N items for N items: the failed ones carry their error and pairedItem, the others their results', async () => {
		const { items, error } = await runNode(
			{ ...profileGet, phoneNumberId: '={{ $json.phone }}' },
			{
				credentials: sandboxCredentials(context.sandbox),
				items: phones.map((phone) => ({ phone })),
				node: { continueOnFail: true },
			},
		);
		seen.push(items);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(items.map((item) => item.pairedItem)).toEqual(phones.map((_, item) => ({ item })));
		expect(items.map((item) => item.error?.message ?? item.json.about)).toEqual([
			'Hello from the sandbox',
			'Phone number 999 not found',
			'Hello from the sandbox',
			'Phone number 888 not found',
			'Hello from the sandbox',
		]);
	});

	it('without it, the run stops at the first failure and names its item', async () => {
		const { items, error } = await runNode(
			{ ...profileGet, phoneNumberId: '={{ $json.phone }}' },
			{
				credentials: sandboxCredentials(context.sandbox),
				items: phones.map((phone) => ({ phone })),
			},
		);
		seen.push(error);
		expect(items).toHaveLength(0);
		expect(error?.message).toBe('Phone number 999 not found');
		expect(error?.context.itemIndex).toBe(1);
	});
});

describe('Request Options that n8n gives every declarative node', () => {
	it('Batching spaces the requests WOZTELL receives', async () => {
		const { sandbox } = context;
		const started = Date.now();
		const { items } = await runNode(
			{
				...profileGet,
				requestOptions: { batching: { batch: { batchSize: 2, batchInterval: 400 } } },
			},
			{ credentials: sandboxCredentials(sandbox), items: Array.from({ length: 6 }, () => ({})) },
		);
		expect(items).toHaveLength(6);
		const arrivals = sandbox.requests
			.map((request) => request.receivedAt - started)
			.sort((a, b) => a - b);
		// Three batches of two: the third batch is sent only after two intervals of 400 ms.
		expect(arrivals[4]).toBeGreaterThanOrEqual(800);
		// And the batches are apart from each other, not merely late (a loaded machine delays all).
		expect(arrivals[4] - arrivals[1]).toBeGreaterThanOrEqual(400);
	});
});

describe('secrets', () => {
	it('never appear in the outputs and errors the fault tests produced', () => {
		expect(seen.length).toBeGreaterThan(15);
		// The search itself finds a secret where there is one.
		expect(
			findSecrets(
				[{ config: { url: '/waba-info?accessToken=sandbox-access-token' } }],
				[identity.accessToken],
			),
		).toEqual(['[0].config.url']);
		expect(findSecrets(seen, collectSecrets(sandboxCredentials(context.sandbox)))).toEqual([]);
	});
});
