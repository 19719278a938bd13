import { createHmac } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { HookContext } from 'n8n-core';
import { additionalDataFor } from './engine/harness';
import { deliver, sign, trigger, triggerInWorkflow } from './engine/messageTrigger';
import { useSandbox } from './engine/useSandbox';
import { identity } from './sandbox';
import { startReceiver } from './sandbox/receiver';

const MEMBER_ID = '5ece50f3bf385b25c4e08db5';

/** Shapes from ../shared/woztell-notes ("Beyond the reference": channel webhooks). */
const inboundText = {
	from: '85291234567',
	to: '85212345678',
	timestamp: 1733140800000,
	type: 'TEXT',
	data: { text: 'Where is my order?' },
	member: MEMBER_ID,
	channel: identity.channelId,
	app: identity.appId,
	memberExtraData: {},
};
const inboundMedia = {
	...inboundText,
	type: 'MISC',
	data: { attachments: [{ type: 'image', waMediaId: '1234567890' }] },
};
const deliveryRead = {
	from: '85212345678',
	to: '85291234567',
	timestamp: 1733140860,
	type: 'READ',
	messageId: 'wamid.read1',
	data: { messageId: 'wamid.read1' },
	eventType: 'INBOUND',
	member: MEMBER_ID,
	channel: identity.channelId,
};
const outboundBot = {
	type: 'BOT',
	member: MEMBER_ID,
	channel: identity.channelId,
	app: identity.appId,
	meta: { agentUserId: null, source: { integrationId: 'i', build: 'b', appIntegration: 'a' } },
	memberExtraData: {},
	customHeadersData: {},
	messageEvent: {
		from: '85212345678',
		to: '85291234567',
		timestamp: 1733140900000,
		type: 'TEXT',
		data: { text: 'It ships today' },
		messageId: 'wamid.out1',
	},
};

const signed = (body: IDataObject, parameters?: IDataObject) =>
	deliver({ body, signature: sign(Buffer.from(JSON.stringify(body))), parameters });

describe('message trigger: X-Woztell-Signature', () => {
	it('starts the workflow for an event signed with the channel secret', async () => {
		const { result, response } = await signed(inboundText);
		expect(result.workflowData).toHaveLength(1);
		expect(response.statusCode).toBe(200);
	});

	it.each([
		['missing', undefined],
		['empty', ''],
		['made with another secret', sign(Buffer.from(JSON.stringify(inboundText)), 'guess')],
		['of another body', sign(Buffer.from(JSON.stringify(deliveryRead)))],
		['not base64 of 32 bytes', 'abc'],
		[
			'hex instead of base64',
			createHmac('sha256', identity.channelSecret)
				.update(JSON.stringify(inboundText))
				.digest('hex'),
		],
	])('answers HTTP 401 and starts nothing when the signature is %s', async (_case, signature) => {
		const { result, response } = await deliver({ body: inboundText, signature });
		expect(response.statusCode).toBe(401);
		expect(response.sent).toEqual({ message: 'Missing or invalid X-Woztell-Signature' });
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it('checks the bytes as received, not the parsed JSON: a re-spaced body signed before is refused', async () => {
		const sent = Buffer.from(JSON.stringify(inboundText, null, 2));
		const good = await deliver({ body: inboundText, raw: sent, signature: sign(sent) });
		expect(good.result.workflowData).toHaveLength(1);
		const compact = sign(Buffer.from(JSON.stringify(inboundText)));
		const forged = await deliver({ body: inboundText, raw: sent, signature: compact });
		expect(forged.response.statusCode).toBe(401);
	});

	it('refuses every event while the credential has no Channel Secret', async () => {
		const body = inboundText;
		const { response, result } = await deliver({
			body,
			signature: sign(Buffer.from(JSON.stringify(body)), ''),
			credentials: { channelSecret: '' },
		});
		expect(response.statusCode).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('accepts an unsigned event only when Verify Signature is turned off', async () => {
		const { result } = await deliver({ body: inboundText, parameters: { verifySignature: false } });
		expect(result.workflowData).toHaveLength(1);
	});

	it('verifies and maps a 1 MB event', async () => {
		const body = { ...inboundText, data: { text: 'x'.repeat(1024 * 1024) } };
		const { items, response } = await signed(body);
		expect(response.statusCode).toBe(200);
		expect((items?.[0].text as string).length).toBe(1024 * 1024);
		const tampered = { ...body, data: { text: `${body.data.text}!` } };
		const forged = await deliver({
			body: tampered,
			signature: sign(Buffer.from(JSON.stringify(body))),
		});
		expect(forged.response.statusCode).toBe(401);
	});
});

describe('message trigger: events and items', () => {
	it('maps an inbound text, keeping the event beside it', async () => {
		const { items } = await signed(inboundText);
		expect(items).toEqual([
			{
				event: 'inboundMessage',
				messageType: 'TEXT',
				status: null,
				sentBy: null,
				from: '85291234567',
				to: '85212345678',
				memberId: MEMBER_ID,
				channelId: identity.channelId,
				messageId: null,
				text: 'Where is my order?',
				mediaIds: [],
				timestamp: '2024-12-02T12:00:00.000Z',
				reply: null,
				media: [],
				location: null,
				contacts: null,
				reaction: null,
				quotedMessageId: null,
				raw: inboundText,
			},
		]);
	});

	it('gives the media IDs of an inbound attachment', async () => {
		const { items } = await signed(inboundMedia);
		expect(items?.[0]).toMatchObject({
			event: 'inboundMessage',
			messageType: 'MISC',
			text: null,
			mediaIds: ['1234567890'],
			media: [{ type: 'IMAGE', waMediaId: '1234567890', fileId: null, caption: null }],
		});
	});

	/** WhatsApp's own shapes inside `data`, read beside WOZTELL's (events.ts says which is which). */
	it.each([
		[
			'a button reply in WhatsApp’s interactive shape',
			{ type: 'INTERACTIVE', data: { interactive: { button_reply: { id: 'yes', title: 'Yes' } } } },
			{ reply: { id: 'yes', title: 'Yes' } },
		],
		[
			'a list reply in WhatsApp’s interactive shape',
			{
				type: 'INTERACTIVE',
				data: { interactive: { list_reply: { id: 'hours', title: 'Opening hours' } } },
			},
			{ reply: { id: 'hours', title: 'Opening hours' } },
		],
		[
			'an advanced payload value',
			{ type: 'PAYLOAD', data: { payload: { payload: 'TEMP_RESULT', value: '1' }, title: 'OK' } },
			{ reply: { id: 'TEMP_RESULT', title: 'OK' } },
		],
		[
			'a location in data.location, coordinates as text',
			{ type: 'LOCATION', data: { location: { latitude: '1.5', longitude: '-2', name: 'Here' } } },
			{ location: { latitude: 1.5, longitude: -2, name: 'Here', address: null } },
		],
		[
			'a reaction beside its type, removed',
			{ type: 'REACTION', data: { emoji: '', messageId: 'wamid.out1' } },
			{ reaction: { emoji: '', messageId: 'wamid.out1' } },
		],
		[
			'a video by WOZTELL file ID with a caption',
			{ type: 'VIDEO', data: { fileId: 'f1', caption: 'Look' } },
			{ media: [{ type: 'VIDEO', waMediaId: null, fileId: 'f1', caption: 'Look' }], mediaIds: [] },
		],
		[
			'a quoted message by message_id',
			{ type: 'TEXT', data: { text: 'This', context: { message_id: 'wamid.q' } } },
			{ quotedMessageId: 'wamid.q', text: 'This' },
		],
	])('maps %s', async (_case, shape, expected) => {
		const { items } = await signed({ ...inboundText, ...shape });
		expect(items?.[0]).toMatchObject({ event: 'inboundMessage', ...expected });
	});

	it('maps a delivery status, its timestamp in seconds read as seconds', async () => {
		const { items } = await signed(deliveryRead);
		expect(items?.[0]).toMatchObject({
			event: 'deliveryStatus',
			status: 'READ',
			messageType: null,
			messageId: 'wamid.read1',
			memberId: MEMBER_ID,
			timestamp: '2024-12-02T12:01:00.000Z',
		});
	});

	it('maps an outbound message from its messageEvent', async () => {
		const { items } = await signed(outboundBot);
		expect(items?.[0]).toMatchObject({
			event: 'outboundMessage',
			sentBy: 'BOT',
			messageType: 'TEXT',
			from: '85212345678',
			to: '85291234567',
			text: 'It ships today',
			messageId: 'wamid.out1',
			timestamp: '2024-12-02T12:01:40.000Z',
			raw: outboundBot,
		});
	});

	it.each([
		[inboundText, ['deliveryStatus', 'outboundMessage']],
		[deliveryRead, ['inboundMessage']],
		[outboundBot, ['inboundMessage', 'deliveryStatus']],
	])('answers and starts nothing for an event not picked (%#)', async (body, events) => {
		const { result, response } = await signed(body, { events });
		expect(response.statusCode).toBe(200);
		expect(result).toEqual({ webhookResponse: { received: true } });
	});
});

describe('message trigger: what WOZTELL’s call is answered', () => {
	it('an accepted event: HTTP 200 with {"received":true}, and the webhook answers from the node', async () => {
		const { result, response } = await signed(inboundText);
		expect(response.statusCode).toBe(200);
		expect(result.webhookResponse).toEqual({ received: true });
		// n8n answers `webhookResponse` only when responseData is set and empty (else "firstEntryJson").
		expect(trigger.description.webhooks?.[0].responseData).toBe('');
	});

	it.each([
		['plain text', 'Hello'],
		['a JSON array', '[{"type":"TEXT"}]'],
		['a JSON string', '"TEXT"'],
		['null', 'null'],
		['an empty body', ''],
		['cut-off JSON', '{"type":"TEXT","data":'],
	])('a signed body that is %s: HTTP 400, nothing started', async (_case, text) => {
		const raw = Buffer.from(text);
		const { result, response } = await deliver({ body: {}, raw, signature: sign(raw) });
		expect(response.statusCode).toBe(400);
		expect(response.sent).toEqual({
			message: 'The body must be one JSON object: a WOZTELL channel event',
		});
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it('the same with Verify Signature off', async () => {
		const raw = Buffer.from('[1,2]');
		const { result, response } = await deliver({
			body: {},
			raw,
			parameters: { verifySignature: false },
		});
		expect(response.statusCode).toBe(400);
		expect(result.workflowData).toBeUndefined();
	});
});

describe('message trigger: events delivered by the sandbox (admin deliverWebhook)', () => {
	const context = useSandbox();
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	let url: string;
	const started: IDataObject[][] = [];

	/** Hands each POST to the trigger's webhook function and answers what it answered. */
	beforeAll(async () => {
		receiver = await startReceiver(async ({ raw, headers }) => {
			const signature = headers['x-woztell-signature'] as string | undefined;
			const body = JSON.parse(raw.toString()) as IDataObject;
			const { items, response } = await deliver({ body, raw, signature });
			if (items) started.push(items);
			return { status: response.statusCode, body: response.sent };
		});
		url = receiver.url;
	});
	afterAll(async () => await receiver.close());
	beforeEach(() => (started.length = 0));

	it('a signed customer message starts the workflow with its text', async () => {
		const { delivery } = await context.sandbox.admin.deliverWebhook({
			url,
			text: 'Is it shipped?',
		});
		expect(delivery.status).toBe(200);
		expect(started).toHaveLength(1);
		expect(started[0][0]).toMatchObject({ event: 'inboundMessage', text: 'Is it shipped?' });
		expect(context.sandbox.state.webhookDeliveries).toHaveLength(1);
	});

	it.each([
		['buttonReply', 'PAYLOAD', { reply: { id: 'track_order', title: 'Track order' } }],
		['listReply', 'PAYLOAD', { reply: { id: 'opening_hours', title: 'Opening hours' } }],
		[
			'location',
			'LOCATION',
			{
				location: {
					latitude: 22.2783,
					longitude: 114.1747,
					name: 'Sandbox Coffee',
					address: 'Central',
				},
			},
		],
		[
			'image',
			'IMAGE',
			{
				media: [
					{
						type: 'IMAGE',
						waMediaId: null,
						fileId: '6662bd2f4c0c1c00123a9f01',
						caption: 'My receipt',
					},
				],
			},
		],
		[
			'imageAttachment',
			'MISC',
			{
				mediaIds: ['1234567890'],
				media: [{ type: 'IMAGE', waMediaId: '1234567890', fileId: null, caption: null }],
			},
		],
		[
			'contacts',
			'CONTACTS',
			{
				contacts: [
					{
						name: { formatted_name: 'Ada Lovelace', first_name: 'Ada', last_name: 'Lovelace' },
						phones: [{ phone: '+44 20 7946 0000', wa_id: '442079460000', type: 'CELL' }],
					},
				],
			},
		],
		['reaction', 'REACTION', { reaction: { emoji: '👍', messageId: 'wamid.sandbox1' } }],
		['quotedReply', 'TEXT', { text: 'Yes, this one', quotedMessageId: 'wamid.sandbox1' }],
	] as const)(
		'a %s sample starts the workflow with it mapped',
		async (sample, messageType, expected) => {
			const { delivery } = await context.sandbox.admin.deliverWebhook({ url, sample });
			expect(delivery.status).toBe(200);
			expect(started).toHaveLength(1);
			expect(started[0][0]).toMatchObject({ event: 'inboundMessage', messageType, ...expected });
		},
	);

	it('changes a sample’s fields on request', async () => {
		await context.sandbox.admin.deliverWebhook({
			url,
			sample: 'listReply',
			data: { payload: 'find_a_shop', text: 'Find a shop' },
		});
		expect(started[0][0].reply).toEqual({ id: 'find_a_shop', title: 'Find a shop' });
	});

	it.each(['forged', 'none'] as const)(
		'a %s signature gets 401 and starts nothing',
		async (signature) => {
			const { delivery } = await context.sandbox.admin.deliverWebhook({ url, signature });
			expect(delivery.status).toBe(401);
			expect(started).toHaveLength(0);
		},
	);

	it('accepts a replayed signed event again: WOZTELL signs no timestamp to refuse it by', async () => {
		await context.sandbox.admin.deliverWebhook({ url, text: 'Cancel my order' });
		const { delivery } = await context.sandbox.admin.deliverWebhook({ url, replay: true });
		expect(delivery.status).toBe(200);
		expect(started.map((items) => items[0].text)).toEqual(['Cancel my order', 'Cancel my order']);
		const [first, again] = context.sandbox.state.webhookDeliveries;
		expect(again.request).toEqual(first.request);
	});

	it('refuses to deliver anywhere but this machine', async () => {
		await expect(
			context.sandbox.admin.deliverWebhook({ url: 'http://example.com/webhook' }),
		).rejects.toThrow('url must be on this machine');
	});
});

describe('message trigger: activation', () => {
	async function activate(parameters: IDataObject, credentials: Record<string, string>) {
		const { node, workflow, credentialsHelper } = triggerInWorkflow(
			'activation-test',
			parameters,
			credentials,
		);
		const context = new HookContext(
			workflow,
			node,
			additionalDataFor(credentialsHelper),
			'trigger',
			'activate',
		);
		return await trigger.webhookMethods.default.create.call(context);
	}

	it('activates with a Channel Secret in the credential', async () => {
		await expect(activate({}, {})).resolves.toBe(true);
	});

	it('refuses to activate without one, unless Verify Signature is off', async () => {
		await expect(activate({}, { channelSecret: ' ' })).rejects.toThrow(
			'The credential has no Channel Secret',
		);
		await expect(activate({ verifySignature: false }, { channelSecret: '' })).resolves.toBe(true);
	});
});
