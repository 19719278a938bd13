import { runNode, sandboxCredentials } from './engine/harness';
import { useSandbox } from './engine/useSandbox';
import { identity } from './sandbox';

const context = useSandbox();

describe('media → upload (PUT /media-id)', () => {
	it('sends the phone number, type and URL and returns the media ID', async () => {
		const { sandbox } = context;
		const { items, error } = await runNode(
			{
				resource: 'media',
				operation: 'upload',
				phoneNumberId: identity.phoneNumberId,
				type: 'file',
				url: 'https://example.com/a.pdf',
			},
			{ credentials: sandboxCredentials(sandbox) },
		);
		expect(error).toBeUndefined();
		const [request] = context.requestsTo('/media-id');
		expect(request.method).toBe('PUT');
		expect(request.query).toEqual({ accessToken: identity.accessToken });
		expect(request.body).toEqual({
			phoneNumberId: identity.phoneNumberId,
			type: 'file',
			url: 'https://example.com/a.pdf',
		});
		expect(items.map((item) => item.json)).toEqual([
			{ mediaId: '5770270532993662', fileType: 'file' },
		]);
	});

	it.each([
		['', 'File URL is required'],
		['example.com/a.png', 'File URL must be a URL starting with http:// or https://'],
		['https://exa mple.com/a.png', 'File URL must be a URL starting with http:// or https://'],
	])('refuses the URL %j before sending', async (url, message) => {
		const { sandbox } = context;
		const { error } = await runNode(
			{
				resource: 'media',
				operation: 'upload',
				phoneNumberId: identity.phoneNumberId,
				url: '={{ $json.url }}',
			},
			{ credentials: sandboxCredentials(sandbox), items: [{ url }] },
		);
		expect(error?.message).toBe(message);
		expect(sandbox.requests).toHaveLength(0);
	});
});
