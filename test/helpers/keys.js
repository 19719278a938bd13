'use strict';
// Key material for the tests, made with node's crypto (kept out of the TypeScript files).
const {
	constants,
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	privateDecrypt,
	publicEncrypt,
} = require('node:crypto');

const pem = {
	publicKeyEncoding: { type: 'spki', format: 'pem' },
	privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
};

const rsaKeyPair = (modulusLength) => generateKeyPairSync('rsa', { modulusLength, ...pem });

const ecPublicKey = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1', ...pem }).publicKey;

const toPkcs1 = (publicKey) =>
	createPublicKey(publicKey).export({ type: 'pkcs1', format: 'pem' }).toString();

/** Whether what the public key encrypts, the private key decrypts (RSA-OAEP, as WhatsApp Flows use). */
function keysMatch(publicKey, privateKey) {
	const secret = Buffer.from('whatsapp-flow-aes-key');
	const options = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' };
	const encrypted = publicEncrypt({ key: publicKey, ...options }, secret);
	try {
		return privateDecrypt({ key: createPrivateKey(privateKey), ...options }, encrypted).equals(
			secret,
		);
	} catch {
		return false;
	}
}

module.exports = { rsaKeyPair, ecPublicKey, toPkcs1, keysMatch };
