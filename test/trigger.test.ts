import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { sandboxCredentials } from './engine/harness';
import { createPoller, type PollerOptions } from './engine/poller';
import { useSandbox } from './engine/useSandbox';
import { identity, templateVersion } from './sandbox';

const context = useSandbox();

const { wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, channelId: CHANNEL_ID } = identity;
const ALL_STATUSES =
	'["APPROVED","PENDING","REJECTED","PENDING_DELETION","DELETED","PAUSED","DISABLED","IN_APPEAL","LIMIT_EXCEEDED","ARCHIVED"]';
const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** One template language version, in the sandbox. */
function seedTemplate(name: string, language = 'en_US', overrides: IDataObject = {}) {
	const version = templateVersion(name, language, overrides);
	context.sandbox.state.templates.push(version);
	return version;
}

function seedFlow(id: string, name: string, status = 'DRAFT') {
	const flow = {
		id,
		name,
		categories: ['SIGN_UP'],
		status,
		json: undefined,
		validation_errors: [],
	};
	context.sandbox.state.flows.push(flow);
	return flow;
}

/** An active trigger; later changes to `options` (the poll budget) apply to its next polls. */
function poller(parameters: INodeParameters, options: Partial<PollerOptions> = {}) {
	return createPoller(
		Object.assign(options, { credentials: sandboxCredentials(context.sandbox), parameters }),
	);
}

const jsonOf = (items: Array<{ json: IDataObject }> | null) =>
	items?.map((item) => item.json) ?? null;

describe.each([
	['n8n 1.x and 2.x by default (static data on the workflow)', false],
	['n8n 2.x with durable poll cursors (staged, committed with the execution)', true],
])('trigger, %s', (_title, durableCursors) => {
	it('records a baseline first, then emits a status change once, with the template named', async () => {
		seedTemplate('order_update', 'en_US', { status: 'PENDING', quality_score: 'UNKNOWN' });
		seedTemplate('order_update', 'es', { status: 'PENDING' });
		const trigger = poller({ events: ['templateStatusChanged'] }, { durableCursors });

		expect(await trigger.poll()).toEqual({ items: null });
		expect(
			context.requestsTo('/whatsapp-message-templates').map((request) => request.query),
		).toEqual([
			{ wabaId: WABA_ID, first: '100', status: ALL_STATUSES, accessToken: identity.accessToken },
		]);

		context.sandbox.admin.template({ name: 'order_update', language: 'en_US', status: 'APPROVED' });
		const { items, error } = await trigger.poll();
		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual([
			{
				event: 'templateStatusChanged',
				templateName: 'order_update',
				language: 'en_US',
				templateId: null,
				category: 'UTILITY',
				quality_score: 'UNKNOWN',
				field: 'status',
				previous: 'PENDING',
				current: 'APPROVED',
				rejectedReason: 'NONE',
				components: [{ type: 'BODY', text: 'order_update in en_US' }],
				detectedAt: expect.stringMatching(ISO_DATE),
			},
		]);
		expect(await trigger.poll()).toEqual({ items: null });
		expect(context.requestsTo('/whatsapp-message-templates')).toHaveLength(3);
	});

	it('a failed poll emits nothing and keeps the snapshot: the next good poll emits the change once', async () => {
		seedTemplate('welcome', 'en_US', { status: 'PENDING' });
		const trigger = poller(
			{ events: ['templateStatusChanged'], wabaId: WABA_ID },
			{ durableCursors },
		);
		await trigger.poll();
		const baseline = JSON.parse(JSON.stringify(trigger.staticData()));

		context.sandbox.admin.template({
			name: 'welcome',
			status: 'REJECTED',
			rejectedReason: 'INVALID_FORMAT',
		});
		// A refusal: not retried (a transient failure would be, see below).
		context.sandbox.failNext({ status: 403, body: { ok: 0, error: 'Channel not allowed' } });
		const failed = await trigger.poll();
		expect(failed.items).toBeNull();
		expect(failed.error?.message).toBe('Channel not allowed');
		expect(trigger.staticData()).toEqual(baseline);

		context.sandbox.failNext({ status: 200, body: { ok: 0, error: 'Invalid WABA' } });
		expect((await trigger.poll()).error?.message).toBe('Invalid WABA');

		const { items } = await trigger.poll();
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({
				event: 'templateStatusChanged',
				previous: 'PENDING',
				current: 'REJECTED',
				rejectedReason: 'INVALID_FORMAT',
			}),
		]);
		expect(await trigger.poll()).toEqual({ items: null });
	});

	it('a poll cut short by n8n’s poll budget reports no unseen template as deleted', async () => {
		for (let index = 0; index < 250; index++)
			seedTemplate(`template_${String(index).padStart(3, '0')}`);
		const options: Partial<PollerOptions> = { durableCursors };
		const trigger = poller(
			{ events: ['templateStatusChanged', 'templateDeleted'], wabaId: WABA_ID },
			options,
		);
		await trigger.poll();

		// A template on page 1 and one on page 3 changed; the budget allows one page.
		context.sandbox.admin.template({ name: 'template_000', status: 'PAUSED' });
		context.sandbox.admin.template({ name: 'template_200', status: 'DISABLED' });
		options.budgetMs = 1;
		context.sandbox.requests.length = 0;
		const cut = await trigger.poll();
		expect(context.requestsTo('/whatsapp-message-templates')).toHaveLength(1);
		expect(
			jsonOf(cut.items)?.map((item) => `${item.event} ${item.templateName} ${item.current}`),
		).toEqual(['templateStatusChanged template_000 PAUSED']);

		delete options.budgetMs;
		const full = await trigger.poll();
		expect(
			jsonOf(full.items)?.map((item) => `${item.event} ${item.templateName} ${item.current}`),
		).toEqual(['templateStatusChanged template_200 DISABLED']);
		expect(await trigger.poll()).toEqual({ items: null });
	});
});

describe('trigger, transient failures', () => {
	it('a 503 is tried again within the poll: the change is emitted by the same poll', async () => {
		seedTemplate('welcome', 'en_US', { status: 'PENDING' });
		const trigger = poller({ events: ['templateStatusChanged'], wabaId: WABA_ID });
		await trigger.poll();
		context.sandbox.admin.template({ name: 'welcome', status: 'APPROVED' });
		context.sandbox.failNext({ status: 503, body: { ok: 0, error: 'Busy' } });
		const { items, error } = await trigger.poll();
		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual([expect.objectContaining({ current: 'APPROVED' })]);
		expect(context.requestsTo('/whatsapp-message-templates')).toHaveLength(3);
	});

	it('a Retry-After past the poll’s budget is not waited for: the poll fails at once', async () => {
		seedTemplate('welcome');
		const trigger = poller(
			{ events: ['templateStatusChanged'], wabaId: WABA_ID },
			{ budgetMs: 10_000 },
		);
		context.sandbox.failNext({
			status: 429,
			body: { ok: 0, error: 'Too many requests' },
			headers: { 'Retry-After': '30' },
		});
		const { error } = await trigger.poll();
		expect(error?.message).toBe('Too many requests');
		// Retry-After (30 s) is within Max Wait (60 s) but past the poll's 8 s: no second try.
		expect(context.sandbox.requests).toHaveLength(1);
	});
});

describe('trigger events', () => {
	it('templateQualityChanged, templateCreated and templateDeleted (gone, or DELETED), in list order', async () => {
		seedTemplate('order_update');
		seedTemplate('old_offer');
		seedTemplate('retired');
		const events = [
			'templateQualityChanged',
			'templateCreated',
			'templateDeleted',
			'templateStatusChanged',
		];
		const trigger = poller({ events });
		await trigger.poll();

		context.sandbox.admin.template({ name: 'order_update', quality: 'RED' });
		context.sandbox.admin.template({ name: 'retired', status: 'DELETED' });
		context.sandbox.state.templates = context.sandbox.state.templates.filter(
			({ name }: IDataObject) => name !== 'old_offer',
		);
		const created = seedTemplate('order_update', 'de', {
			status: 'PENDING',
			quality_score: 'UNKNOWN',
		});
		const { items } = await trigger.poll();
		expect(
			jsonOf(items)?.map(({ event, templateName, language, field, previous, current }) => ({
				event,
				templateName,
				language,
				field,
				previous,
				current,
			})),
		).toEqual([
			{
				event: 'templateQualityChanged',
				templateName: 'order_update',
				language: 'en_US',
				field: 'quality_score',
				previous: 'GREEN',
				current: 'RED',
			},
			{
				event: 'templateCreated',
				templateName: 'order_update',
				language: 'de',
				field: 'status',
				previous: null,
				current: 'PENDING',
			},
			{
				event: 'templateDeleted',
				templateName: 'retired',
				language: 'en_US',
				field: 'status',
				previous: 'APPROVED',
				current: 'DELETED',
			},
			{
				event: 'templateDeleted',
				templateName: 'old_offer',
				language: 'en_US',
				field: 'status',
				previous: 'APPROVED',
				current: null,
			},
		]);
		// The gone version is named from the snapshot: its ID and category were kept.
		expect(jsonOf(items)?.[3]).toEqual({
			event: 'templateDeleted',
			templateName: 'old_offer',
			language: 'en_US',
			templateId: expect.stringMatching(/^\d+$/),
			category: 'UTILITY',
			quality_score: 'GREEN',
			field: 'status',
			previous: 'APPROVED',
			current: null,
			detectedAt: expect.any(String),
		});
		expect(created.status).toBe('PENDING');
		// A DELETED version that later disappears is not deleted twice.
		context.sandbox.state.templates = context.sandbox.state.templates.filter(
			({ name }: IDataObject) => name !== 'retired',
		);
		expect(await trigger.poll()).toEqual({ items: null });
	});

	it('Meta’s review in the sandbox: a created template turns APPROVED, or REJECTED when its name says so', async () => {
		context.sandbox.admin.reviewDelay({ ms: 60_000 });
		seedTemplate('existing');
		const trigger = poller({ events: ['templateCreated', 'templateStatusChanged'] });
		await trigger.poll();
		const created = [
			seedTemplate('spring_sale', 'en_US', { status: 'PENDING', reviewAt: Date.now() + 60_000 }),
			seedTemplate('reject_me', 'en_US', { status: 'PENDING', reviewAt: Date.now() + 60_000 }),
		];
		expect(
			jsonOf((await trigger.poll()).items)?.map(
				({ event, templateName, current }) => `${event} ${templateName} ${current}`,
			),
		).toEqual(['templateCreated spring_sale PENDING', 'templateCreated reject_me PENDING']);
		for (const version of created) version.reviewAt = Date.now();
		expect(
			jsonOf((await trigger.poll()).items)?.map(
				({ templateName, current, rejectedReason }) =>
					`${templateName} ${current} ${rejectedReason}`,
			),
		).toEqual(['spring_sale APPROVED NONE', 'reject_me REJECTED INVALID_FORMAT']);
	});

	it('flowStatusChanged carries the flow’s name, categories and validation errors', async () => {
		seedFlow('885692686603466', 'Sign up');
		seedFlow('885692686603467', 'Survey', 'PUBLISHED');
		const trigger = poller({ events: ['flowStatusChanged'] });
		await trigger.poll();
		expect(context.sandbox.requests.map((request) => request.path)).toEqual(['/flow']);
		expect(context.requestsTo('/flow')[0].query).toEqual({
			limit: '100',
			accessToken: identity.accessToken,
		});

		context.sandbox.admin.flow({ flowId: '885692686603467', status: 'BLOCKED' });
		const { items } = await trigger.poll();
		expect(jsonOf(items)).toEqual([
			{
				event: 'flowStatusChanged',
				flowId: '885692686603467',
				flowName: 'Survey',
				field: 'status',
				previous: 'PUBLISHED',
				current: 'BLOCKED',
				categories: ['SIGN_UP'],
				validationErrors: [],
				detectedAt: expect.any(String),
			},
		]);
		expect(context.requestsTo('/flow-detail').map((request) => request.query.flowId)).toEqual([
			'885692686603467',
		]);
	});

	it('phoneNumberChanged: one item per changed field', async () => {
		const trigger = poller({ events: ['phoneNumberChanged'] });
		await trigger.poll();
		context.sandbox.admin.phoneNumber({ quality_rating: 'RED', messaging_limit_tier: 'TIER_250' });
		const { items } = await trigger.poll();
		expect(
			context
				.requestsTo('/whatsapp-displayname-status')
				.map((request) => request.query.phoneNumberId),
		).toEqual([PHONE_NUMBER_ID, PHONE_NUMBER_ID]);
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({
				event: 'phoneNumberChanged',
				phoneNumberId: PHONE_NUMBER_ID,
				displayPhoneNumber: '+852 1234 5678',
				field: 'quality_rating',
				previous: 'GREEN',
				current: 'RED',
			}),
			expect.objectContaining({
				event: 'phoneNumberChanged',
				field: 'messaging_limit_tier',
				previous: 'TIER_1K',
				current: 'TIER_250',
			}),
		]);
	});

	it('businessKeyStatusChanged: a key set, then its signature turning invalid', async () => {
		const trigger = poller({ events: ['businessKeyStatusChanged'] });
		await trigger.poll();
		context.sandbox.state.businessPublicKey =
			'-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----';
		expect(jsonOf((await trigger.poll()).items)).toEqual([
			{
				event: 'businessKeyStatusChanged',
				channelId: CHANNEL_ID,
				field: 'business_public_key_signature_status',
				previous: null,
				current: 'VALID',
				businessPublicKey: context.sandbox.state.businessPublicKey,
				detectedAt: expect.any(String),
			},
		]);
		context.sandbox.admin.businessKey({ status: 'MISMATCH' });
		expect(jsonOf((await trigger.poll()).items)).toEqual([
			expect.objectContaining({ previous: 'VALID', current: 'MISMATCH' }),
		]);
	});

	it('reads only the sources of the selected events', async () => {
		const trigger = poller({ events: ['phoneNumberChanged', 'businessKeyStatusChanged'] });
		await trigger.poll();
		const paths = context.sandbox.requests
			.map((request) => request.path)
			.filter((path) => path !== '/waba-info');
		expect(paths.sort()).toEqual(['/whatsapp-business-encryption', '/whatsapp-displayname-status']);
	});
});

describe('trigger filters and options', () => {
	it('template name, languages, categories and statuses', async () => {
		seedTemplate('order_update', 'en_US', { status: 'PENDING' });
		seedTemplate('order_update', 'es', { status: 'PENDING' });
		seedTemplate('order_paid', 'en_US', { status: 'PENDING', category: 'MARKETING' });
		seedTemplate('welcome', 'en_US', { status: 'PENDING' });
		const trigger = poller({
			events: ['templateStatusChanged'],
			filters: {
				templateName: 'ORDER_',
				templateLanguages: ['en_US'],
				templateCategories: ['UTILITY'],
				templateStatuses: ['REJECTED'],
			},
		});
		await trigger.poll();
		for (const name of ['order_update', 'order_paid', 'welcome'])
			context.sandbox.admin.template({ name, status: 'REJECTED' });
		expect(
			jsonOf((await trigger.poll()).items)?.map(
				({ templateName, language }) => `${templateName} ${language}`,
			),
		).toEqual(['order_update en_US']);
		context.sandbox.admin.template({ name: 'order_update', status: 'APPROVED' });
		expect(await trigger.poll()).toEqual({ items: null });
		// The snapshot holds only what the filters let through.
		expect(
			Object.keys(
				(trigger.staticData() as { snapshots: { templates: { entries: object } } }).snapshots
					.templates.entries,
			),
		).toEqual(['order_update en_US']);
	});

	it('flow statuses', async () => {
		seedFlow('885692686603466', 'Sign up', 'PUBLISHED');
		seedFlow('885692686603467', 'Survey', 'PUBLISHED');
		const trigger = poller({
			events: ['flowStatusChanged'],
			filters: { flowStatuses: ['BLOCKED', 'THROTTLED'] },
		});
		await trigger.poll();
		context.sandbox.admin.flow({ flowId: '885692686603466', status: 'DEPRECATED' });
		context.sandbox.admin.flow({ flowId: '885692686603467', status: 'THROTTLED' });
		expect(
			jsonOf((await trigger.poll()).items)?.map(
				({ flowName, current }) => `${flowName} ${current}`,
			),
		).toEqual(['Survey THROTTLED']);
	});

	it('changing a filter starts a new baseline instead of reporting what it hides as deleted', async () => {
		seedTemplate('order_update');
		seedTemplate('welcome');
		const parameters: INodeParameters = {
			events: ['templateDeleted', 'templateCreated'],
			filters: {},
		};
		const trigger = poller(parameters);
		await trigger.poll();
		parameters.filters = { templateName: 'order' };
		expect(await trigger.poll()).toEqual({ items: null });
		parameters.filters = {};
		expect(await trigger.poll()).toEqual({ items: null });
	});

	it('Emit Existing on First Poll emits what exists, as created', async () => {
		seedTemplate('order_update');
		seedTemplate('gone_before', 'en_US', { status: 'DELETED' });
		const trigger = poller({
			events: ['templateCreated'],
			options: { emitExistingOnFirstPoll: true },
		});
		expect(
			jsonOf((await trigger.poll()).items)?.map(
				({ event, templateName }) => `${event} ${templateName}`,
			),
		).toEqual(['templateCreated order_update']);
		expect(await trigger.poll()).toEqual({ items: null });
	});

	it('a typed WABA ID that is not digits stops the poll before any request', async () => {
		const { error, items } = await poller({
			events: ['templateCreated'],
			wabaId: 'my-waba',
		}).poll();
		expect(items).toBeNull();
		expect(error?.message).toBe('WABA ID must be a numeric ID (digits only)');
		expect(context.sandbox.requests).toHaveLength(0);
	});
});

describe('trigger, Fetch Test Event (manual run)', () => {
	it('with no change: one sample built from the current state; the snapshot does not move', async () => {
		seedTemplate('order_update', 'en_US', { quality_score: 'YELLOW' });
		const trigger = poller({ events: ['templateQualityChanged'] });
		const { items } = await trigger.fetchTestEvent();
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({
				event: 'templateQualityChanged',
				templateName: 'order_update',
				field: 'quality_score',
				previous: 'YELLOW',
				current: 'YELLOW',
				sample: true,
			}),
		]);
		expect(trigger.staticData()).toEqual({});
	});

	it('with a change since the last poll: that change, and the active workflow still gets it', async () => {
		seedTemplate('order_update', 'en_US', { status: 'PENDING' });
		const trigger = poller({ events: ['templateStatusChanged'] });
		await trigger.poll();
		context.sandbox.admin.template({ name: 'order_update', status: 'APPROVED' });
		expect(jsonOf((await trigger.fetchTestEvent()).items)).toEqual([
			expect.objectContaining({ previous: 'PENDING', current: 'APPROVED' }),
		]);
		expect(jsonOf((await trigger.poll()).items)).toEqual([
			expect.objectContaining({ previous: 'PENDING', current: 'APPROVED' }),
		]);
	});

	it('throws a poll error to the editor', async () => {
		context.sandbox.failNext({ status: 401, body: { ok: 0, error: 'Invalid access token' } });
		const { error } = await poller({ events: ['flowStatusChanged'] }).fetchTestEvent();
		expect(error?.message).toBe('Invalid access token');
	});
});

describe('trigger cost', () => {
	it('10,000 template versions: 100 requests per poll, and the snapshot’s size', async () => {
		for (let index = 0; index < 10_000; index++) {
			seedTemplate(`campaign_template_${String(index).padStart(5, '0')}`, 'en_US', {
				id: String(1748340935000000 + index),
			});
		}
		const trigger = poller({ events: ['templateStatusChanged'], wabaId: WABA_ID });
		await trigger.poll();
		expect(context.requestsTo('/whatsapp-message-templates')).toHaveLength(100);
		// About 82 bytes a version: its key, the compared fields and the IDs kept to name it once gone.
		expect(Buffer.byteLength(JSON.stringify(trigger.staticData()))).toBe(820_084);
		context.sandbox.admin.template({ name: 'campaign_template_09999', status: 'PAUSED' });
		expect(jsonOf((await trigger.poll()).items)).toHaveLength(1);
		expect(context.requestsTo('/whatsapp-message-templates')).toHaveLength(200);
	}, 120_000);
});
