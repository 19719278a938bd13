import { retryOptionsField } from '../../nodes/WoztellWhatsAppCloud/shared/retryOptions';
import {
	DEFAULT_RETRIES,
	retryAfterMs,
	verdictOn,
	waitBeforeRetry,
	withRetries,
	newTally,
	type Failure,
} from '../../nodes/shared/retry';
import { whatsAppCodeOf } from '../../nodes/shared/errors';
import { messageIdsIn } from '../../nodes/WoztellWhatsAppCloud/resources/message/sentMessages';
import { recall, remember } from '../../nodes/WoztellWhatsAppCloud/shared/sending';

describe('verdictOn: what may be tried again', () => {
	it.each<[string, Failure, boolean, boolean]>([
		// failure, retried for a read, retried for a send
		['429', { status: 429 }, true, true],
		['503', { status: 503 }, true, true],
		['408', { status: 408 }, true, true],
		['400', { status: 400 }, false, false],
		['401', { status: 401 }, false, false],
		['500', { status: 500 }, true, false],
		['502 from a gateway', { status: 502 }, true, false],
		['502 refused by WOZTELL', { status: 502, refusedByWoztell: true }, true, true],
		['504 refused by WOZTELL', { status: 504, refusedByWoztell: true }, true, true],
		['400 with WhatsApp 131056', { status: 400, whatsAppCode: 131056 }, true, true],
		['400 with WhatsApp 131026', { status: 400, whatsAppCode: 131026 }, false, false],
		['connection refused', { networkCode: 'ECONNREFUSED' }, true, true],
		['timeout', { networkCode: 'ECONNABORTED' }, true, false],
		['reset', { networkCode: 'ECONNRESET' }, true, false],
		['unknown host', { networkCode: 'ENOTFOUND' }, false, false],
	])('%s', (_name, failure, read, send) => {
		expect(verdictOn(failure, 'read').retry).toBe(read);
		expect(verdictOn(failure, 'send').retry).toBe(send);
	});

	it('says which failed sends WOZTELL may have carried out', () => {
		expect(verdictOn({ networkCode: 'ECONNABORTED' }, 'send')).toEqual({
			retry: false,
			mayHaveActed: true,
		});
		expect(verdictOn({ status: 500 }, 'write')).toEqual({ retry: false, mayHaveActed: true });
		expect(verdictOn({ status: 400 }, 'send')).toEqual({ retry: false, mayHaveActed: false });
		expect(verdictOn({ networkCode: 'ENOTFOUND' }, 'read')).toEqual({
			retry: false,
			mayHaveActed: false,
		});
	});
});

describe('retryAfterMs', () => {
	const now = Date.parse('2026-12-04T12:00:00Z');
	it.each([
		['1', 1000],
		['0', 0],
		['2.5', 2500],
		[' 30 ', 30000],
		[['7'], 7000],
		['Fri, 04 Dec 2026 12:00:10 GMT', 10000],
		['Fri, 04 Dec 2026 11:00:00 GMT', 0],
		['soon', undefined],
		[undefined, undefined],
	])('%j → %j', (header, ms) => expect(retryAfterMs(header, now)).toBe(ms));
});

describe('waitBeforeRetry', () => {
	it('takes what WOZTELL asked for, spread by up to half of it (at least 250 ms)', () => {
		expect(waitBeforeRetry(1, 1000, () => 0)).toBe(1000);
		expect(waitBeforeRetry(1, 1000, () => 1)).toBe(1500);
		expect(waitBeforeRetry(3, 0, () => 1)).toBe(250);
	});

	it('backs off exponentially otherwise, between half and all of 0.5, 1, 2, 4, 8, 8 s', () => {
		expect([1, 2, 3, 4, 5, 6].map((retry) => waitBeforeRetry(retry, undefined, () => 1))).toEqual([
			500, 1000, 2000, 4000, 8000, 8000,
		]);
		expect([1, 2, 3].map((retry) => waitBeforeRetry(retry, undefined, () => 0))).toEqual([
			250, 500, 1000,
		]);
	});
});

describe('withRetries', () => {
	const refusal = (failure: Failure) => Object.assign(new Error('refused'), { failure });
	const failureOf = (error: unknown) => (error as { failure: Failure }).failure;
	function failing(failures: Failure[]) {
		let calls = 0;
		return {
			attempt: async () => {
				const failure = failures[calls++];
				if (failure) throw refusal(failure);
				return 'sent';
			},
			calls: () => calls,
		};
	}

	it('tries again until it works, counting attempts and waits', async () => {
		const { attempt, calls } = failing([{ status: 429, retryAfterMs: 0 }, { status: 503 }]);
		const tally = newTally();
		await expect(
			withRetries(attempt, 'send', { retries: 5, maxWaitMs: 10_000 }, failureOf, tally),
		).resolves.toBe('sent');
		expect(calls()).toBe(3);
		expect(tally.attempts).toBe(3);
		expect(tally.waitedMs).toBeGreaterThanOrEqual(250);
	});

	it('stops at Retries, at a failure that may not be repeated, at Max Wait and at the deadline', async () => {
		const bounds = { retries: 1, maxWaitMs: 10_000 };
		const twice = failing([{ status: 503 }, { status: 503 }, { status: 503 }]);
		await expect(withRetries(twice.attempt, 'send', bounds, failureOf)).rejects.toThrow('refused');
		expect(twice.calls()).toBe(2);

		const timedOut = failing([{ networkCode: 'ECONNABORTED' }]);
		await expect(withRetries(timedOut.attempt, 'send', bounds, failureOf)).rejects.toThrow();
		expect(timedOut.calls()).toBe(1);

		const longWait = failing([{ status: 429, retryAfterMs: 20_000 }]);
		await expect(withRetries(longWait.attempt, 'read', bounds, failureOf)).rejects.toThrow();
		expect(longWait.calls()).toBe(1);

		const pastDeadline = failing([{ status: 429, retryAfterMs: 1000 }]);
		const deadline = Date.now() + 500;
		await expect(
			withRetries(pastDeadline.attempt, 'read', { ...bounds, deadline }, failureOf),
		).rejects.toThrow();
		expect(pastDeadline.calls()).toBe(1);
	});
});

describe('whatsAppCodeOf: WhatsApp’s code wherever WOZTELL’s answer puts it', () => {
	it.each([
		[
			{ ok: 0, error: '(#131056) (Business Account, Consumer Account) pair rate limit hit' },
			131056,
		],
		[{ ok: 0, error: { code: 130429, message: 'Rate limit hit' } }, 130429],
		[{ ok: 0, error: 'Spam rate limit hit', code: 131048 }, 131048],
		[{ ok: 0, sendResults: [{ error: { error_code: '131056' } }] }, 131056],
		[{ ok: 0, error: 'Bad request', code: 400 }, undefined],
		[{ ok: 0, error: 'Invalid recipient' }, undefined],
		['<html>502</html>', undefined],
	])('%j → %j', (body, code) => expect(whatsAppCodeOf(body)).toBe(code));
});

describe('messageIdsIn: the message IDs of a sendResponses answer, whatever its shape', () => {
	it.each([
		[
			'Stella’s shape',
			{
				ok: 1,
				member: 'm1',
				sendResults: [
					{ result: [{ result: { recipient_id: '85291234567', message_id: 'wamid.A' } }] },
					{ result: [{ result: { recipient_id: '85291234567', message_id: 'wamid.B' } }] },
				],
			},
			['wamid.A', 'wamid.B'],
		],
		[
			'a flat list',
			{ ok: 1, messageIds: ['wamid.A', 'wamid.B', 'wamid.A'] },
			['wamid.A', 'wamid.B'],
		],
		['one ID', { ok: 1, messageId: 'wamid.A' }, ['wamid.A']],
		['none', { ok: 1 }, []],
		['something else', { ok: 1, result: 'queued' }, []],
	])('%s', (_shape, answer, ids) => expect(messageIdsIn(answer)).toEqual(ids));
});

describe('the memory of what was sent in an execution', () => {
	it('answers what it kept, and forgets the oldest past its bound', () => {
		remember('first', { items: [{ json: { messageIds: ['wamid.1'] } }] });
		expect(recall('first')).toMatchObject({ items: [{ json: { messageIds: ['wamid.1'] } }] });
		expect(recall('never')).toBeUndefined();
		for (let index = 0; index < 100_000; index++) remember(`key ${index}`, { items: [] });
		expect(recall('first')).toBeUndefined();
		expect(recall('key 1')).toBeDefined();
		expect(recall('key 99999')).toBeDefined();
	});

	it('forgets what is older than six hours', () => {
		const now = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
		remember('old', { error: new Error('maybe sent') });
		clock.mockReturnValue(now + 6 * 60 * 60 * 1000 + 1);
		expect(recall('old')).toBeUndefined();
		clock.mockRestore();
	});
});

it('the Retry Options show the defaults the node uses when they are left unset', () => {
	const defaults = Object.fromEntries(
		(retryOptionsField.options as Array<{ name: string; default: number }>).map((option) => [
			option.name,
			option.default,
		]),
	);
	expect(defaults).toEqual({
		retries: DEFAULT_RETRIES.retries,
		maxWait: DEFAULT_RETRIES.maxWaitMs / 1000,
	});
});
