import { createPublicKey, generateKeyPairSync, type KeyObject } from 'crypto';

/** The reference: "2048-bit RSA business public key". */
const MODULUS_BITS = 2048;

export type PublicKeyCheck =
	| { publicKey: string; problem?: undefined }
	| { publicKey?: undefined; problem: string };

const toSpkiPem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();

/**
 * Checks that a PEM text is a 2048-bit RSA public key and returns it as a standard
 * `-----BEGIN PUBLIC KEY-----` block. Accepts a PKCS#1 `RSA PUBLIC KEY` block and the `\n`
 * escapes of a key copied out of JSON.
 */
export function checkBusinessPublicKey(value: unknown): PublicKeyCheck {
	if (typeof value !== 'string' || !value.trim()) return { problem: 'is required' };
	const pem = value.trim().replace(/\\n/g, '\n');
	if (/PRIVATE KEY-----/.test(pem)) {
		return {
			problem:
				'is a private key: give its public key (-----BEGIN PUBLIC KEY-----) and keep the private key secret',
		};
	}
	if (!/^-----BEGIN (RSA )?PUBLIC KEY-----/.test(pem)) {
		return { problem: 'must be a PEM public key starting with -----BEGIN PUBLIC KEY-----' };
	}
	let key: KeyObject;
	try {
		key = createPublicKey(pem);
	} catch (error) {
		return { problem: `is not a readable PEM public key (${(error as Error).message})` };
	}
	if (key.asymmetricKeyType !== 'rsa') {
		const type = String(key.asymmetricKeyType).toUpperCase();
		return { problem: `uses ${type}, not RSA: WhatsApp needs a ${MODULUS_BITS}-bit RSA key` };
	}
	const bits = key.asymmetricKeyDetails?.modulusLength;
	if (bits !== MODULUS_BITS)
		return { problem: `is a ${bits}-bit RSA key; WhatsApp needs ${MODULUS_BITS} bits` };
	return { publicKey: toSpkiPem(key) };
}

/** A fresh key pair for WhatsApp Flows: the public key for WhatsApp, the private key for the Flow endpoint. */
export function generateBusinessKeyPair(): { publicKey: string; privateKey: string } {
	const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: MODULUS_BITS });
	return {
		publicKey: toSpkiPem(publicKey),
		privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
	};
}
