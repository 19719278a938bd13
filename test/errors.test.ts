import type { NodeApiError } from 'n8n-workflow';
import { runNode, sandboxCredentials } from './engine/harness';
import { useSandbox } from './engine/useSandbox';
import { identity } from './sandbox';

const context = useSandbox();
const profileGet = {
	resource: 'businessProfile',
	operation: 'get',
	phoneNumberId: identity.phoneNumberId,
};

async function errorOf(credentials = sandboxCredentials(context.sandbox)) {
	const { error, items } = await runNode(
		{ ...profileGet, retryOptions: { retries: 0 } },
		{ credentials },
	);
	expect(items).toHaveLength(0);
	return error as unknown as NodeApiError;
}

describe('WOZTELL errors become NodeApiError with WOZTELL’s own message and the HTTP code', () => {
	it('ok: 0 with HTTP 200', async () => {
		context.sandbox.failNext({
			status: 200,
			body: { ok: 0, error: 'Phone number is not registered' },
		});
		const error = await errorOf();
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('Phone number is not registered');
		expect(error.httpCode).toBe('200');
	});

	it('401 from a wrong access token', async () => {
		const error = await errorOf(sandboxCredentials(context.sandbox, { accessToken: 'wrong' }));
		expect(error.message).toBe('Invalid access token');
		expect(error.httpCode).toBe('401');
		expect(error.description).toContain("Check the credential: the channel's access token");
	});

	it('404 from an unknown phone number', async () => {
		const { error } = await runNode(
			{ ...profileGet, phoneNumberId: '999' },
			{ credentials: sandboxCredentials(context.sandbox) },
		);
		expect(error?.message).toBe('Phone number 999 not found');
		expect((error as unknown as NodeApiError).httpCode).toBe('404');
	});

	it('500 with WOZTELL’s message', async () => {
		context.sandbox.failNext({ status: 500, body: { ok: 0, message: 'Upstream WhatsApp error' } });
		const error = await errorOf();
		expect(error.message).toBe('Upstream WhatsApp error');
		expect(error.httpCode).toBe('500');
		expect(error.description).toContain('try again later');
	});

	it('500 with an HTML page instead of JSON', async () => {
		context.sandbox.failNext({ status: 500, raw: '<html><body>Bad gateway</body></html>' });
		const error = await errorOf();
		expect(error.message).toBe('WOZTELL answered HTTP 500 with something that is not JSON');
		expect(error.httpCode).toBe('500');
	});

	it('with Continue On Fail, the failed item carries its error and the others their results', async () => {
		const { items, error } = await runNode(
			{ ...profileGet, phoneNumberId: '={{ $json.phone }}' },
			{
				credentials: sandboxCredentials(context.sandbox),
				items: [
					{ phone: identity.phoneNumberId },
					{ phone: '999' },
					{ phone: identity.phoneNumberId },
				],
				node: { continueOnFail: true },
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json.about).toBe('Hello from the sandbox');
		expect(items[1].error?.message).toBe('Phone number 999 not found');
		expect(items[2].json.about).toBe('Hello from the sandbox');
	});
});
