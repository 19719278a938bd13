/** Types of keys.js, for the TypeScript tests. */
export function rsaKeyPair(modulusLength: number): { publicKey: string; privateKey: string };
export function ecPublicKey(): string;
export function toPkcs1(publicKey: string): string;
export function keysMatch(publicKey: string, privateKey: string): boolean;
