import type { INodeParameters } from 'n8n-workflow';
import { runNode, sandboxCredentials } from './engine/harness';
import { SIGNED_HEADERS, TOKEN_QUERY, useSandbox } from './engine/useSandbox';
import { keysMatch, rsaKeyPair } from './helpers/keys';

const context = useSandbox();

const businessKey = rsaKeyPair(2048);

async function run(parameters: INodeParameters, items?: object[]) {
	return await runNode(
		{ resource: 'businessEncryption', ...parameters },
		{ credentials: sandboxCredentials(context.sandbox), items: items as never },
	);
}

describe('businessEncryption → get (GET /whatsapp-business-encryption)', () => {
	it('gives the business public key and its signature status', async () => {
		context.sandbox.state.businessPublicKey = businessKey.publicKey;
		const { items, error } = await run({ operation: 'get' });
		expect(error).toBeUndefined();
		const [request] = context.sandbox.requests;
		expect(request).toMatchObject({
			method: 'GET',
			path: '/whatsapp-business-encryption',
			body: undefined,
		});
		expect(request.query).toEqual(TOKEN_QUERY);
		expect(request.headers).toMatchObject(SIGNED_HEADERS);
		expect(items.map((item) => item.json)).toEqual([
			{ business_public_key: businessKey.publicKey, business_public_key_signature_status: 'VALID' },
		]);
	});

	it('is refused by WOZTELL without a signed context', async () => {
		const { error } = await runNode(
			{ resource: 'businessEncryption', operation: 'get' },
			{ credentials: sandboxCredentials(context.sandbox, { appId: '' }) },
		);
		expect(error?.message).toBe('Missing X-Woztell-Payload or X-Woztell-SignedContext');
	});
});

describe('businessEncryption → set (POST /whatsapp-business-encryption)', () => {
	it('sends the public key typed in the field', async () => {
		const { items, error } = await run({ operation: 'set', publicKey: businessKey.publicKey });
		expect(error).toBeUndefined();
		const [request] = context.sandbox.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/whatsapp-business-encryption' });
		expect(request.query).toEqual(TOKEN_QUERY);
		expect(request.headers).toMatchObject(SIGNED_HEADERS);
		expect(request.body).toEqual({ publicKey: businessKey.publicKey });
		expect(items.map((item) => item.json)).toEqual([
			{ success: true, publicKey: businessKey.publicKey },
		]);
		expect(context.sandbox.state.businessPublicKey).toBe(businessKey.publicKey);
	});

	it('takes the key from an input item field, \\n escapes and all', async () => {
		const escaped = businessKey.publicKey.trim().replace(/\n/g, '\\n');
		const { error } = await run(
			{ operation: 'set', publicKeySource: 'inputField', publicKeyField: 'key' },
			[{ key: escaped }],
		);
		expect(error).toBeUndefined();
		expect(context.sandbox.requests[0].body).toEqual({ publicKey: businessKey.publicKey });
	});

	it.each([
		['a private key', businessKey.privateKey, /^Public Key is a private key: give its public key/],
		[
			'a 1024-bit key',
			rsaKeyPair(1024).publicKey,
			'Public Key is a 1024-bit RSA key; WhatsApp needs 2048 bits',
		],
		[
			'something else',
			'not a key',
			'Public Key must be a PEM public key starting with -----BEGIN PUBLIC KEY-----',
		],
		['nothing', '', 'Public Key is required'],
	])('refuses %s without a request', async (_what, key, message) => {
		const { error } = await run({ operation: 'set', publicKey: '={{ $json.key }}' }, [{ key }]);
		expect(error?.message).toMatch(message);
		expect(error?.description).toMatch(/Nothing was sent to WOZTELL/);
		expect(context.sandbox.requests).toHaveLength(0);
	});

	it('says so when the input item lacks the field', async () => {
		const { error } = await run({ operation: 'set', publicKeySource: 'inputField' }, [
			{ key: businessKey.publicKey },
		]);
		expect(error?.message).toBe('The input item has no field "publicKey"');
		expect(context.sandbox.requests).toHaveLength(0);
	});

	it('generates a 2048-bit key pair, sets its public key, and outputs both keys', async () => {
		const { items, error } = await run({ operation: 'set', publicKeySource: 'generate' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const { success, publicKey, privateKey } = items[0].json as {
			success: boolean;
			publicKey: string;
			privateKey: string;
		};
		expect(success).toBe(true);
		expect(publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
		expect(privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
		expect(context.sandbox.state.businessPublicKey).toBe(publicKey);
		expect(keysMatch(context.sandbox.state.businessPublicKey, privateKey)).toBe(true);

		const [request] = context.sandbox.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/whatsapp-business-encryption' });
		expect(request.headers).toMatchObject(SIGNED_HEADERS);
		expect(request.body).toEqual({ publicKey });
		expect(JSON.stringify(request)).not.toMatch(/PRIVATE KEY/);
	});

	it('makes a new pair for every item', async () => {
		const { items } = await run({ operation: 'set', publicKeySource: 'generate' }, [{}, {}]);
		const publicKeys = items.map((item) => item.json.publicKey);
		expect(new Set(publicKeys).size).toBe(2);
		expect(
			context.sandbox.requests.map((request) => (request.body as { publicKey: string }).publicKey),
		).toEqual(publicKeys);
		for (const item of items)
			expect(keysMatch(item.json.publicKey as string, item.json.privateKey as string)).toBe(true);
	});

	it('outputs no private key when WOZTELL refuses the generated public key', async () => {
		context.sandbox.failNext({
			status: 400,
			body: { ok: 0, error: 'publicKey must be a 2048-bit RSA public key' },
		});
		const { items, error } = await run({ operation: 'set', publicKeySource: 'generate' });
		expect(error?.message).toBe('publicKey must be a 2048-bit RSA public key');
		expect(items).toEqual([]);
	});
});
