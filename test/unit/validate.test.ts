import type { IHttpRequestOptions } from 'n8n-workflow';
import {
	all,
	email,
	firstProblem,
	httpUrl,
	listOf,
	maxLength,
	numericId,
	oneOf,
	required,
} from '../../nodes/WoztellWhatsAppCloud/shared/validate';
import { toUnixSeconds } from '../../nodes/WoztellWhatsAppCloud/shared/time';
import { payloadItems } from '../../nodes/WoztellWhatsAppCloud/shared/payload';

describe('checks', () => {
	it.each([
		[required, '', 'is required'],
		[required, [], 'is required'],
		[required, 'x', undefined],
		[maxLength(3), 'abcd', 'must have at most 3 characters (it has 4)'],
		[maxLength(3), '😀😀😀', undefined],
		[maxLength(3, 1), '', 'must not be empty'],
		[maxLength(3), 5, 'must be text'],
		[numericId, '0123', undefined],
		[numericId, '12a', 'must be a numeric ID (digits only)'],
		[numericId, 12, 'must be a numeric ID (digits only)'],
		[httpUrl, 'https://woztell.com/a?b=1', undefined],
		[httpUrl, 'http://127.0.0.1:4010/x', undefined],
		[httpUrl, 'mailto:a@b.c', 'must be a URL starting with http:// or https://'],
		[httpUrl, 'https://', 'must be a URL starting with http:// or https://'],
		[email, 'a@b.co', undefined],
		[email, 'a@b', 'must be an email address'],
		[oneOf(['A', 'B']), 'C', 'must be one of A, B'],
		[listOf(numericId, 2), ['1', 'x'], 'entry 2 must be a numeric ID (digits only)'],
		[listOf(numericId, 1), ['1', '2'], 'can hold at most 1 entries (it has 2)'],
		[all(required, numericId), '', 'is required'],
	])('%#: %p(%j) → %j', (check, value, expected) => {
		expect(check(value)).toBe(expected);
	});

	it('firstProblem names the field of the first broken rule, skipping absent optional values', () => {
		const request = {
			url: '/x',
			body: { profile: { email: 'bad', about: 'ok' } },
		} as IHttpRequestOptions;
		expect(
			firstProblem(request, [
				{ at: 'body.profile.address', field: 'Address', check: maxLength(1) },
				{ at: 'body.profile.about', field: 'About', check: maxLength(10) },
				{ at: 'body.profile.email', field: 'Email', check: email },
			]),
		).toBe('Email must be an email address');
		expect(
			firstProblem(request, [{ at: 'body.name', field: 'Name', check: required, always: true }]),
		).toBe('Name is required');
	});
});

describe('toUnixSeconds', () => {
	it.each([
		['2024-01-01T00:00:00Z', 1704067200],
		['2024-01-01T08:00:00+08:00', 1704067200],
		[1704067200, 1704067200],
		['1704067200', 1704067200],
		[1704067200123, 1704067200],
		[new Date('2024-01-01T00:00:00Z'), 1704067200],
		[{ toMillis: () => 1704067200000 }, 1704067200],
		['yesterday', undefined],
		['', undefined],
		[null, undefined],
	])('%p → %p', (value, seconds) => {
		expect(toUnixSeconds(value)).toBe(seconds);
	});
});

describe('payloadItems', () => {
	it('makes one item per list element at the path', () => {
		expect(payloadItems({ ok: 1, a: { b: [{ x: 1 }, { x: 2 }] } }, 'a.b', 3)).toEqual([
			{ json: { x: 1 }, pairedItem: { item: 3 } },
			{ json: { x: 2 }, pairedItem: { item: 3 } },
		]);
	});
	it('drops the envelope when there is no path, and confirms a bare ok', () => {
		expect(payloadItems({ ok: 1, mediaId: '5' }, undefined)).toEqual([
			{ json: { mediaId: '5' }, pairedItem: { item: 0 } },
		]);
		expect(payloadItems({ ok: 1 }, undefined)).toEqual([
			{ json: { success: true }, pairedItem: { item: 0 } },
		]);
	});
	it('gives no item for a missing payload', () => {
		expect(payloadItems({ ok: 1 }, 'data')).toEqual([]);
	});
});
