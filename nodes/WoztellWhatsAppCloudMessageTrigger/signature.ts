import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Whether `header` is WOZTELL's `X-Woztell-Signature` of the body: "base64 of HMAC-SHA256 of the raw
 * request body, keyed with the channel secret" (WOZTELL security overview, via the notes).
 * Compared in constant time, whatever the header holds.
 */
export function isSignedByChannel(
	rawBody: Buffer,
	header: string | string[] | undefined,
	channelSecret: string,
): boolean {
	if (typeof header !== 'string' || !header || !channelSecret) return false;
	const expected = createHmac('sha256', channelSecret).update(rawBody).digest();
	const received = Buffer.from(header.trim(), 'base64');
	// timingSafeEqual needs equal lengths; an HMAC-SHA256 is 32 bytes whatever the secret.
	return received.length === expected.length && timingSafeEqual(received, expected);
}
