import {
	checkBusinessPublicKey,
	generateBusinessKeyPair,
} from '../../nodes/WoztellWhatsAppCloud/resources/businessEncryption/publicKey';
import { ecPublicKey, keysMatch, rsaKeyPair, toPkcs1 } from '../helpers/keys';

const rsa2048 = rsaKeyPair(2048);

describe('checkBusinessPublicKey', () => {
	it('accepts a 2048-bit RSA public key and gives it back as a PEM public key', () => {
		expect(checkBusinessPublicKey(rsa2048.publicKey)).toEqual({ publicKey: rsa2048.publicKey });
	});

	it('accepts a PKCS#1 key, surrounding blanks and \\n escapes copied out of JSON', () => {
		expect(checkBusinessPublicKey(toPkcs1(rsa2048.publicKey))).toEqual({
			publicKey: rsa2048.publicKey,
		});
		expect(checkBusinessPublicKey(`\n  ${rsa2048.publicKey}  `)).toEqual({
			publicKey: rsa2048.publicKey,
		});
		expect(checkBusinessPublicKey(rsa2048.publicKey.trim().replace(/\n/g, '\\n'))).toEqual({
			publicKey: rsa2048.publicKey,
		});
	});

	it.each([
		['nothing', '', 'is required'],
		['a number', 42, 'is required'],
		[
			'a private key',
			rsa2048.privateKey,
			'is a private key: give its public key (-----BEGIN PUBLIC KEY-----) and keep the private key secret',
		],
		[
			'plain text',
			'ssh-rsa AAAAB3Nza',
			'must be a PEM public key starting with -----BEGIN PUBLIC KEY-----',
		],
		[
			'a 1024-bit RSA key',
			rsaKeyPair(1024).publicKey,
			'is a 1024-bit RSA key; WhatsApp needs 2048 bits',
		],
		[
			'a 4096-bit RSA key',
			rsaKeyPair(4096).publicKey,
			'is a 4096-bit RSA key; WhatsApp needs 2048 bits',
		],
		['an EC key', ecPublicKey(), 'uses EC, not RSA: WhatsApp needs a 2048-bit RSA key'],
	])('refuses %s', (_what, value, problem) => {
		expect(checkBusinessPublicKey(value)).toEqual({ problem });
	});

	it('refuses a damaged key with what crypto found', () => {
		const damaged = rsa2048.publicKey.replace(/\n[A-Za-z0-9+/]{10}/, '\n');
		expect(checkBusinessPublicKey(damaged).problem).toMatch(
			/^is not a readable PEM public key \(.+\)$/,
		);
	});
});

describe('generateBusinessKeyPair', () => {
	it('makes a 2048-bit RSA pair whose keys belong together, different every time', () => {
		const pair = generateBusinessKeyPair();
		expect(pair.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
		expect(pair.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
		expect(checkBusinessPublicKey(pair.publicKey)).toEqual({ publicKey: pair.publicKey });
		expect(keysMatch(pair.publicKey, pair.privateKey)).toBe(true);
		expect(keysMatch(rsa2048.publicKey, pair.privateKey)).toBe(false);
		expect(generateBusinessKeyPair().publicKey).not.toBe(pair.publicKey);
	});
});
