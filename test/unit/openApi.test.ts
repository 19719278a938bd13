import type { IN8nHttpFullResponse, INode, NodeApiError } from 'n8n-workflow';
import { assertOpenApiOk, connectionCursor, connectionNodes } from '../../nodes/shared/openApi';
import { verdictOn, type Failure } from '../../nodes/shared/retry';
import { tagsOf } from '../../nodes/WoztellWhatsAppCloud/resources/member/tags';

const node = { name: 'WOZTELL', type: 'woztell', typeVersion: 1 } as INode;
const answer = (
	statusCode: number,
	body: unknown,
	headers: Record<string, string> = {},
): IN8nHttpFullResponse => ({ statusCode, body: body as IN8nHttpFullResponse['body'], headers });

function refusal(response: IN8nHttpFullResponse) {
	try {
		assertOpenApiOk(node, response, 'member:read');
	} catch (error) {
		const apiError = error as NodeApiError;
		return {
			message: apiError.message,
			description: apiError.description ?? '',
			failure: apiError.context.failure as Failure,
		};
	}
	throw new Error('no refusal');
}

describe('assertOpenApiOk: an Open API answer as data, or as an error that says what to do', () => {
	it('gives the data of a clean answer', () => {
		expect(assertOpenApiOk(node, answer(200, { data: { apiViewer: {} } }), 'member:read')).toEqual({
			apiViewer: {},
		});
	});

	it('errors[] with HTTP 200 and data beside it is a failure, with every message', () => {
		const { message, failure } = refusal(
			answer(200, { data: { apiViewer: null }, errors: [{ message: 'A' }, { message: 'B' }] }),
		);
		expect(message).toBe('A; B');
		expect(failure.status).toBe(400);
		expect(verdictOn(failure, 'read')).toEqual({ retry: false, mayHaveActed: false });
	});

	it.each([
		[
			'HTTP 200, errors[], no calls left',
			answer(
				200,
				{ errors: [{ message: 'Slow down' }] },
				{ 'x-ratelimit-remaining': '0', 'retry-after': '7' },
			),
		],
		['HTTP 429', answer(429, { errors: [{ message: 'Slow down' }] }, { 'retry-after': '7' })],
		[
			'a rate-limit text',
			answer(200, { errors: [{ message: 'Rate limit exceeded' }] }, { 'retry-after': '7' }),
		],
	])(
		'the rate limit (%s) is retried after Retry-After, for reads and mutations',
		(_title, response) => {
			const { description, failure } = refusal(response);
			expect(failure).toMatchObject({ status: 429, retryAfterMs: 7000 });
			expect(verdictOn(failure, 'read')).toEqual({ retry: true });
			expect(verdictOn(failure, 'write')).toEqual({ retry: true });
			expect(description).toMatch(/rate limit .* WOZTELL asked to wait 7 s\.$/);
		},
	);

	it('with calls left, an error is not the rate limit', () => {
		const { failure } = refusal(
			answer(200, { errors: [{ message: 'Bad input' }] }, { 'x-ratelimit-remaining': '12' }),
		);
		expect(failure.status).toBe(400);
	});

	it.each([
		[
			answer(200, { errors: [{ message: 'User is not authenticated.' }] }),
			/refused the credential's Open API Token: create an access token with the member:read scope/,
		],
		[answer(403, { errors: [{ message: 'Forbidden' }] }), /give the token the member:read scope/],
		[
			answer(200, { errors: [{ message: 'Permission denied' }] }),
			/give the token the member:read scope/,
		],
		[answer(502, '<html>Bad gateway</html>'), /having trouble/],
		[
			answer(200, '<html>Not the Open API</html>'),
			/Open API URL does not answer as WOZTELL's Open API/,
		],
		[
			answer(200, { errors: [{ message: 'Unknown argument' }] }),
			/^Check the fields named in the message/,
		],
	])('tells what to do: %#', (response, hint) => {
		expect(refusal(response).description).toMatch(hint);
	});
});

describe('GraphQL connections', () => {
	const page = {
		data: {
			list: {
				edges: [{ node: { id: 1 } }, { node: { id: 2 } }, null],
				pageInfo: { hasNextPage: true, endCursor: 'E', hasPreviousPage: false, startCursor: 'S' },
			},
		},
	};

	it('reads the nodes of the edges', () => {
		expect(connectionNodes(page, 'data.list')).toEqual([{ id: 1 }, { id: 2 }]);
		expect(connectionNodes({}, 'data.list')).toEqual([]);
	});

	it('follows endCursor forward and startCursor backward, only while there is more', () => {
		expect(connectionCursor(page, 'data.list', 'forward')).toBe('E');
		expect(connectionCursor(page, 'data.list', 'backward')).toBeUndefined();
		expect(connectionCursor({}, 'data.list', 'forward')).toBeUndefined();
	});
});

describe('tagsOf', () => {
	it.each([
		['vip, refund，spring', ['vip', 'refund', 'spring']],
		[' a ,, a , ', ['a']],
		[
			['x, y', ' z ', '', 'z'],
			['x, y', 'z'],
		],
		[undefined, []],
		[42, []],
	])('%j → %j', (value, tags) => {
		expect(tagsOf(value)).toEqual(tags);
	});
});
