import { identity, startSandbox, type RecordedRequest, type Sandbox } from '../sandbox';

/** One sandbox per test file, reset before each test. */
export function useSandbox() {
	const holder = {} as { sandbox: Sandbox };
	beforeAll(async () => {
		holder.sandbox = await startSandbox();
	});
	afterAll(async () => await holder.sandbox.close());
	beforeEach(() => holder.sandbox.reset());
	return {
		get sandbox() {
			return holder.sandbox;
		},
		/** The requests the sandbox received on one path of the Public API. */
		requestsTo(path: string): RecordedRequest[] {
			return holder.sandbox.requests.filter(
				(request) => request.api === 'public' && request.path === path,
			);
		},
	};
}

/** What every Public API request carries in its query. */
export const TOKEN_QUERY = { accessToken: identity.accessToken };

/** The signed-context headers of the sandbox's identity, as the notes' test vector gives them. */
export const SIGNED_HEADERS = {
	'x-woztell-payload':
		'{"app":"699802d69a73fc555f1c6bc4","appIntegration":"696327325430a1cbd131dfdf","channel":"696327315430a1f98231dfde"}',
	'x-woztell-signedcontext':
		'1RJ7rKRTHbOBoY95AgtXF5WT2578gy9+b4ekBp727cQ=.eyJhcHAiOiI2OTk4MDJkNjlhNzNmYzU1NWYxYzZiYzQiLCJhcHBJbnRlZ3JhdGlvbiI6IjY5NjMyNzMyNTQzMGExY2JkMTMxZGZkZiIsImNoYW5uZWwiOiI2OTYzMjczMTU0MzBhMWY5ODIzMWRmZGUifQ==',
};
