import { runNode, sandboxCredentials } from './engine/harness';
import { useSandbox } from './engine/useSandbox';
import { identity } from './sandbox';

const context = useSandbox();
const { phoneNumberId } = identity;

describe('businessProfile → get (GET /whatsapp-business-profile)', () => {
	it('returns the profile of the phone number', async () => {
		const { sandbox } = context;
		const { items } = await runNode(
			{ resource: 'businessProfile', operation: 'get', phoneNumberId },
			{ credentials: sandboxCredentials(sandbox) },
		);
		const [request] = context.requestsTo('/whatsapp-business-profile');
		expect(request.method).toBe('GET');
		expect(request.query).toEqual({ phoneNumberId, accessToken: identity.accessToken });
		expect(items.map((item) => item.json)).toEqual([sandbox.state.businessProfile]);
	});
});

describe('businessProfile → update (PATCH /whatsapp-business-profile)', () => {
	it('sends only the fields set, with messaging_product, and the next get sees them', async () => {
		const { sandbox } = context;
		const credentials = sandboxCredentials(sandbox);
		const { items, error } = await runNode(
			{
				resource: 'businessProfile',
				operation: 'update',
				phoneNumberId,
				profileFields: {
					about: 'Open 9 to 5',
					vertical: 'RETAIL',
					websites: ['https://woztell.com/blog/', 'https://woztell.com/pricing/'],
				},
			},
			{ credentials },
		);
		expect(error).toBeUndefined();
		const [request] = context.requestsTo('/whatsapp-business-profile');
		expect(request.method).toBe('PATCH');
		expect(request.query).toEqual({ accessToken: identity.accessToken });
		expect(request.body).toEqual({
			phoneNumberId,
			profile: {
				messaging_product: 'whatsapp',
				about: 'Open 9 to 5',
				vertical: 'RETAIL',
				websites: ['https://woztell.com/blog/', 'https://woztell.com/pricing/'],
			},
		});
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);

		const { items: after } = await runNode(
			{ resource: 'businessProfile', operation: 'get', phoneNumberId },
			{ credentials },
		);
		expect(after[0].json).toMatchObject({
			about: 'Open 9 to 5',
			vertical: 'RETAIL',
			address: 'Sandbox Building',
		});
	});

	it.each([
		[{ about: '' }, 'About must not be empty'],
		[{ about: 'x'.repeat(140) }, 'About must have at most 139 characters (it has 140)'],
		[{ address: 'x'.repeat(257) }, 'Address must have at most 256 characters (it has 257)'],
		[{ description: 'x'.repeat(513) }, 'Description must have at most 512 characters (it has 513)'],
		[{ email: 'not-an-email' }, 'Email must be an email address'],
		[
			{ websites: ['https://a.example', 'https://b.example', 'https://c.example'] },
			'Websites can hold at most 2 entries (it has 3)',
		],
		[
			{ websites: ['woztell.com'] },
			'Websites entry 1 must be a URL starting with http:// or https://',
		],
		[
			{ profilePictureUrl: 'ftp://example.com/a.png' },
			'Profile Picture URL must be a URL starting with http:// or https://',
		],
		[
			{ vertical: 'SPACE' },
			'Vertical must be one of AUTO, BEAUTY, APPAREL, EDU, ENTERTAIN, EVENT_PLAN, FINANCE, GROCERY, HOTEL, HEALTH, NONPROFIT, OTHER, PROF_SERVICES, GOVT, RESTAURANT, RETAIL, TRAVEL',
		],
	])('refuses %j before sending', async (profileFields, message) => {
		const { sandbox } = context;
		const { error } = await runNode(
			{ resource: 'businessProfile', operation: 'update', phoneNumberId, profileFields },
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(error?.message).toBe(message);
		expect(context.requestsTo('/whatsapp-business-profile')).toHaveLength(0);
	});

	it('refuses a phone number ID that is not numeric', async () => {
		const { sandbox } = context;
		const { error } = await runNode(
			{ resource: 'businessProfile', operation: 'get', phoneNumberId: 'abc' },
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(error?.message).toBe('Phone Number ID must be a numeric ID (digits only)');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('an item that breaks a rule sends nothing, not even a look-up', () => {
	it.each([
		[
			'businessProfile → update',
			{
				resource: 'businessProfile',
				operation: 'update',
				profileFields: { about: 'x'.repeat(140) },
			},
			'About must have at most 139 characters (it has 140)',
		],
		[
			'media → upload',
			{ resource: 'media', operation: 'upload', type: 'image', url: 'not a url' },
			'File URL must be a URL starting with http:// or https://',
		],
	])('%s with an empty Phone Number ID', async (_operation, parameters, message) => {
		// A token no earlier test used: the channel look-up cannot come from the cache.
		const credentials = sandboxCredentials(context.sandbox, {
			accessToken: 'token-of-a-fresh-channel',
		});
		const { error } = await runNode({ phoneNumberId: '', ...parameters }, { credentials });
		expect(error?.message).toBe(message);
		expect(context.sandbox.requests).toEqual([]);
	});
});
