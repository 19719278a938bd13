import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';
import { openAnswerButton } from '../nodes/shared/answerToken';
import {
	NODE_NAME,
	resumeRun,
	runNode,
	sandboxCredentials,
	type RunOptions,
	type RunResult,
} from './engine/harness';
import { deliver, sign } from './engine/messageTrigger';
import { collectSecrets, findSecrets } from './engine/secrets';
import { useSandbox } from './engine/useSandbox';
import { startWaitingN8n } from './engine/waitingN8n';
import { identity } from './sandbox';
import { startReceiver } from './sandbox/receiver';

const context = useSandbox();
const CUSTOMER = '85291234567';
const MEMBER_ID = '5ece50f3bf385b25c4e08db5';
const QUESTION = 'Refund €240 for order 1042?';
const botRequests = () => context.sandbox.requests.filter((request) => request.api === 'bot');
const sentResponse = () => botRequests().at(-1)!.body as IDataObject;

const ask = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendAndWait',
	recipient: '+852 9123 4567',
	message: QUESTION,
	...parameters,
});

interface ReplyButton {
	type: string;
	reply: { payload: string; title: string };
}
const buttonsOf = (body: IDataObject) =>
	((body.response as IDataObject[])[0].action as { buttons: ReplyButton[] }).buttons;

/** The stack entry a waiting run resumes from: its input is what the node gives on a timeout. */
const waitingInput = (result: RunResult) =>
	result.run.data.executionData!.nodeExecutionStack[0].data.main[0]!.map((item) => item.json);

describe('message → sendAndWait: the question', () => {
	it('sends the question with Approve and Decline reply buttons, and waits without limit', async () => {
		const { sandbox } = context;
		const result = await runNode(ask(), {
			credentials: sandboxCredentials(sandbox),
			executionId: '10342',
		});
		expect(result.error).toBeUndefined();
		const body = sentResponse();
		expect(body).toMatchObject({ channelId: identity.channelId, recipientId: CUSTOMER });
		expect(body.response).toEqual([
			{
				type: 'WHATSAPP_REPLY_BUTTONS',
				body: { text: QUESTION },
				action: {
					buttons: [
						{ type: 'reply', reply: { payload: expect.any(String), title: '✓ Approve' } },
						{ type: 'reply', reply: { payload: expect.any(String), title: '✗ Decline' } },
					],
				},
			},
		]);
		const [approve, decline] = buttonsOf(body).map(({ reply }) =>
			openAnswerButton(identity.channelSecret, reply.payload),
		);
		for (const { reply } of buttonsOf(body)) {
			expect(reply.payload).toMatch(/^n8n-wait:[A-Za-z0-9_-]+$/);
			expect(reply.payload.length).toBeLessThanOrEqual(256);
		}
		expect(approve).toMatchObject({
			approved: true,
			recipient: { recipientId: CUSTOMER },
			anyoneMayAnswer: false,
			expiresAt: undefined,
		});
		expect(approve!.resumeUrl).toMatch(
			new RegExp(
				`^http://localhost:5678/webhook-waiting/10342/woztell-node\\?approved=true&q=${approve!.questionId}&signature=[0-9a-f]{64}$`,
			),
		);
		expect(decline).toMatchObject({ approved: false, questionId: approve!.questionId });
		expect(decline!.resumeUrl).toContain('?approved=false&');

		// n8n's own "wait indefinitely": the year 3000, which its WaitTracker never picks up.
		expect(result.run.waitTill).toEqual(WAIT_INDEFINITELY);
		expect(result.run.status).toBe('waiting');
		const asked = {
			questionId: approve!.questionId,
			recipientId: CUSTOMER,
			memberId: expect.stringMatching(/^[0-9a-f]{24}$/),
			messageIds: ['wamid.sandbox1'],
		};
		expect(result.items.map((item) => item.json)).toEqual([{ ...asked, attempts: 1 }]);
		expect(waitingInput(result)).toEqual([
			{
				approved: false,
				answeredBy: null,
				answeredAt: null,
				answeredWith: null,
				timedOut: true,
				...asked,
			},
		]);
	});

	it('puts the wait limit into the wait, the buttons and the signed URLs', async () => {
		const { sandbox } = context;
		const before = Date.now();
		const result = await runNode(
			ask({ waitOptions: { limitWaitTime: { values: { amount: 2, unit: 'hours' } } } }),
			{ credentials: sandboxCredentials(sandbox) },
		);
		const waitTill = (result.run.waitTill as Date).getTime();
		expect(waitTill).toBeGreaterThanOrEqual(before + 2 * 3_600_000);
		expect(waitTill).toBeLessThanOrEqual(Date.now() + 2 * 3_600_000);
		const approve = openAnswerButton(
			identity.channelSecret,
			buttonsOf(sentResponse())[0].reply.payload,
		)!;
		expect(approve.expiresAt).toBe(Math.ceil(waitTill / 1000));
		expect(approve.resumeUrl).toContain(`&exp=${approve.expiresAt}&signature=`);
	});

	it('asks with an Approve button only, with the labels given, to a member ID, letting anyone answer', async () => {
		const { sandbox } = context;
		await runNode(
			ask({
				recipientType: 'memberId',
				recipient: MEMBER_ID,
				approvalType: 'single',
				approveLabel: 'Yes, refund',
				waitOptions: { whoMayAnswer: 'anyone' },
			}),
			{ credentials: sandboxCredentials(sandbox) },
		);
		const buttons = buttonsOf(sentResponse());
		expect(buttons.map(({ reply }) => reply.title)).toEqual(['Yes, refund']);
		expect(openAnswerButton(identity.channelSecret, buttons[0].reply.payload)).toMatchObject({
			approved: true,
			recipient: { memberId: MEMBER_ID },
			anyoneMayAnswer: true,
		});
		expect(sentResponse()).toMatchObject({ memberId: MEMBER_ID });
	});

	it('with Web Links, sends n8n’s signed links in the text, as n8n’s own WhatsApp node does', async () => {
		const { sandbox } = context;
		const result = await runNode(ask({ answerWith: 'links' }), {
			credentials: sandboxCredentials(sandbox, { channelSecret: '' }),
			executionId: '77',
		});
		expect(result.error).toBeUndefined();
		const [response] = sentResponse().response as IDataObject[];
		expect(response.type).toBe('TEXT');
		const [question, approve, decline] = String(response.text).split('\n\n');
		expect(question).toBe(QUESTION);
		expect(approve).toMatch(
			/^✓ Approve: http:\/\/localhost:5678\/webhook-waiting\/77\/woztell-node\?approved=true&q=[\w-]{8}&signature=[0-9a-f]{64}$/,
		);
		expect(decline).toMatch(/^✗ Decline: http:.*\?approved=false&q=[\w-]{8}&signature=/);
		expect(result.run.status).toBe('waiting');
	});

	it('asks once, for the first item, as n8n’s own Send and Wait does', async () => {
		const { sandbox } = context;
		const result = await runNode(ask({ recipient: '={{ $json.phone }}' }), {
			credentials: sandboxCredentials(sandbox),
			items: [{ phone: CUSTOMER }, { phone: '85291230000' }],
		});
		expect(botRequests()).toHaveLength(1);
		expect(sentResponse()).toMatchObject({ recipientId: CUSTOMER });
		expect(result.items).toHaveLength(1);
	});

	it.each<[string, INodeParameters, Record<string, string>, RegExp]>([
		[
			'buttons without a Channel Secret',
			{},
			{ channelSecret: '' },
			/^The credential has no Channel Secret$/,
		],
		['no Bot API token', {}, { botApiToken: '' }, /^The credential has no Bot API Access Token$/],
		['a blank question', { message: '  ' }, {}, /^Message must not be empty$/],
		[
			'a question longer than a buttons message takes',
			{ message: 'x'.repeat(1025) },
			{},
			/^Message must have at most 1024 characters \(it has 1025\)$/,
		],
		[
			'a label longer than a button takes',
			{ declineLabel: 'No, keep the money please' },
			{},
			/^Decline Label must have at most 20 characters/,
		],
		[
			'two answers with one label',
			{ approveLabel: 'OK', declineLabel: 'OK' },
			{},
			/^Approve Label and Decline Label must differ$/,
		],
		['a wrong number', { recipient: '12' }, {}, /^Recipient \(WhatsApp Number\) must be/],
		[
			'links too long for a text',
			{ answerWith: 'links', message: 'x'.repeat(4000) },
			{},
			/^Message with its links must have at most 4096 characters/,
		],
	])(
		'refuses %s, sends nothing and does not wait',
		async (_case, parameters, credentials, message) => {
			const { sandbox } = context;
			const result = await runNode(ask(parameters), {
				credentials: sandboxCredentials(sandbox, credentials),
			});
			expect(result.error?.message).toMatch(message);
			expect(botRequests()).toHaveLength(0);
			expect(result.run.waitTill).toBeUndefined();
		},
	);

	it('a question WOZTELL may have sent is not sent again, by the node nor by n8n’s Retry On Fail', async () => {
		const { sandbox } = context;
		sandbox.admin.botApiBehaviour({ slowAnswerMs: 1500 });
		const result = await runNode(ask({ requestOptions: { timeout: 300 } }), {
			credentials: sandboxCredentials(sandbox),
			node: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		});
		expect(result.error?.message).toBe('WOZTELL may or may not have sent this message');
		expect(botRequests()).toHaveLength(1);
		expect(result.run.waitTill).toBeUndefined();
	});

	it('with Continue On Fail, gives a refused send as an error item and does not wait', async () => {
		const { sandbox } = context;
		sandbox.admin.botApiBehaviour({ refuse: [CUSTOMER] });
		const result = await runNode(ask(), {
			credentials: sandboxCredentials(sandbox),
			node: { onError: 'continueRegularOutput' },
		});
		expect(result.items.map((item) => item.json)).toEqual([
			{
				error: `Recipient ${CUSTOMER} cannot receive WhatsApp messages`,
				details: expect.objectContaining({ recipientId: CUSTOMER, httpCode: '400', attempts: 1 }),
			},
		]);
		expect(result.run.waitTill).toBeUndefined();
	});
});

describe('message → sendAndWait: the answer', () => {
	let n8n: Awaited<ReturnType<typeof startWaitingN8n>>;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	/** What the Message Trigger's workflow would have started with, per delivery. */
	const started: IDataObject[][] = [];
	let triggerCredentials: Record<string, string> = {};
	let triggerParameters: IDataObject = {};

	const options = (): RunOptions => ({
		credentials: sandboxCredentials(context.sandbox),
		webhookWaitingBaseUrl: n8n.webhookWaitingBaseUrl,
	});

	beforeAll(async () => {
		n8n = await startWaitingN8n({ credentials: sandboxCredentials(context.sandbox) });
		// The published Message Trigger: WOZTELL's webhook events go through its webhook function.
		receiver = await startReceiver(async ({ raw, headers }) => {
			const { items, response } = await deliver({
				body: JSON.parse(raw.toString()) as IDataObject,
				raw,
				signature: headers['x-woztell-signature'] as string | undefined,
				credentials: triggerCredentials,
				parameters: triggerParameters,
			});
			if (items) started.push(items);
			return { status: response.statusCode, body: response.sent };
		});
	});
	afterAll(async () => {
		await n8n.close();
		await receiver.close();
	});
	beforeEach(() => {
		started.length = 0;
		triggerCredentials = {};
		triggerParameters = {};
	});

	async function askAndWait(parameters: INodeParameters = {}) {
		const waiting = await runNode(ask(parameters), options());
		expect(waiting.error).toBeUndefined();
		n8n.wait(waiting);
		return waiting;
	}
	const tap = (input: Omit<Parameters<typeof context.sandbox.admin.tapButton>[0], 'url'> = {}) =>
		context.sandbox.admin.tapButton({ url: receiver.url, ...input });
	const outputOf = (waiting: RunResult) =>
		n8n
			.resumedRun(waiting)
			?.run.data.resultData.runData[NODE_NAME][0].data?.main[0]?.map((item) => item.json);

	it('a tap on Approve by the recipient resumes the execution with the answer; the trigger starts nothing', async () => {
		const waiting = await askAndWait();
		const [{ questionId }] = waitingInput(waiting);
		const { delivery } = await tap({ title: '✓ Approve' });
		expect(delivery.status).toBe(200);
		expect(JSON.parse(delivery.body)).toEqual({ received: true, answer: 'resumed' });
		expect(started).toEqual([]);
		const [tapped] = context.sandbox.state.webhookDeliveries;
		expect(outputOf(waiting)).toEqual([
			{
				approved: true,
				answeredBy: CUSTOMER,
				answeredAt: new Date(tapped.event.timestamp).toISOString(),
				answeredWith: 'button',
				timedOut: false,
				questionId,
				recipientId: CUSTOMER,
				memberId: expect.any(String),
				messageIds: ['wamid.sandbox1'],
			},
		]);
		expect(n8n.resumedRun(waiting)!.run.status).toBe('success');
	});

	it('a tap on Decline resumes it declined; the other button, a second tap and a replay resume nothing', async () => {
		const waiting = await askAndWait();
		const { delivery } = await tap({ title: '✗ Decline' });
		expect(JSON.parse(delivery.body)).toEqual({ received: true, answer: 'resumed' });
		expect(outputOf(waiting)?.[0]).toMatchObject({ approved: false, answeredWith: 'button' });
		const again = [
			await tap({ title: '✓ Approve' }),
			await tap({ title: '✗ Decline' }),
			await tap({ replay: true }),
		];
		for (const { delivery: late } of again) {
			expect(late.status).toBe(200);
			expect(JSON.parse(late.body)).toEqual({ received: true, answer: 'notWaiting' });
		}
		expect(outputOf(waiting)?.[0]).toMatchObject({ approved: false });
		expect(started).toEqual([]);
	});

	it.each<[string, Parameters<typeof tap>[0]]>([
		['from another number', { from: '85290000000' }],
		['with an altered ID', { payload: 'n8n-wait:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
	])('a tap %s resumes nothing and starts nothing', async (_case, input) => {
		const waiting = await askAndWait();
		const { delivery } = await tap(input);
		expect(JSON.parse(delivery.body)).toEqual({ received: true, answer: 'refused' });
		expect(n8n.stillWaiting(waiting)).toBe(true);
		expect(started).toEqual([]);
		// The recipient's own tap still counts.
		expect(JSON.parse((await tap()).delivery.body)).toEqual({ received: true, answer: 'resumed' });
	});

	it('a tap of a button one character off resumes nothing', async () => {
		const waiting = await askAndWait();
		const id = buttonsOf(sentResponse())[0].reply.payload;
		const altered = `${id.slice(0, 40)}${id[40] === 'x' ? 'y' : 'x'}${id.slice(41)}`;
		const { delivery } = await tap({ payload: altered });
		expect(JSON.parse(delivery.body)).toEqual({ received: true, answer: 'refused' });
		expect(n8n.stillWaiting(waiting)).toBe(true);
	});

	it('with Anyone With the Buttons, a tap from another number counts and names who tapped', async () => {
		const waiting = await askAndWait({ waitOptions: { whoMayAnswer: 'anyone' } });
		await tap({ from: '85290000000' });
		expect(outputOf(waiting)?.[0]).toMatchObject({ approved: true, answeredBy: '85290000000' });
	});

	it('a tap reaching a trigger whose credential has another Channel Secret resumes nothing', async () => {
		const waiting = await askAndWait();
		const otherSecret = 'another-channel-secret';
		// Signed with the secret that trigger knows: the event gets in, the button does not open.
		const body = {
			from: CUSTOMER,
			timestamp: Date.now(),
			type: 'PAYLOAD',
			data: { payload: buttonsOf(sentResponse())[0].reply.payload },
			channel: identity.channelId,
		};
		const raw = Buffer.from(JSON.stringify(body));
		const { response } = await deliver({
			body,
			raw,
			signature: sign(raw, otherSecret),
			credentials: { channelSecret: otherSecret },
		});
		expect(response.sent).toEqual({ received: true, answer: 'refused' });
		expect(n8n.stillWaiting(waiting)).toBe(true);
	});

	it('an unsigned tap (Verify Signature off) resumes nothing', async () => {
		const waiting = await askAndWait();
		triggerParameters = { verifySignature: false };
		const { delivery } = await tap({ signature: 'none' });
		expect(JSON.parse(delivery.body)).toEqual({ received: true, answer: 'refused' });
		expect(n8n.stillWaiting(waiting)).toBe(true);
	});

	it('a tap after the wait limit resumes nothing', async () => {
		const waiting = await askAndWait({
			waitOptions: { limitWaitTime: { values: { amount: 1, unit: 'minutes' } } },
		});
		const later = Date.now() + 61_000;
		const now = jest.spyOn(Date, 'now').mockReturnValue(later);
		try {
			const { delivery } = await tap();
			expect(JSON.parse(delivery.body)).toEqual({ received: true, answer: 'notWaiting' });
		} finally {
			now.mockRestore();
		}
		expect(n8n.stillWaiting(waiting)).toBe(true);
	});

	it('at the wait limit, n8n resumes the execution with approved false and timedOut true', async () => {
		const waiting = await askAndWait({
			waitOptions: { limitWaitTime: { values: { amount: 1, unit: 'minutes' } } },
		});
		const timedOut = await resumeRun(waiting, options());
		expect(timedOut.run.status).toBe('success');
		expect(timedOut.items.map((item) => item.json)).toEqual([
			{
				approved: false,
				answeredBy: null,
				answeredAt: null,
				answeredWith: null,
				timedOut: true,
				questionId: expect.any(String),
				recipientId: CUSTOMER,
				memberId: expect.any(String),
				messageIds: ['wamid.sandbox1'],
			},
		]);
	});

	it('a link opened in a browser resumes the execution; a link preview does not', async () => {
		const waiting = await askAndWait({ answerWith: 'links' });
		const text = String((sentResponse().response as IDataObject[])[0].text);
		const [, approveUrl] = /✓ Approve: (\S+)/.exec(text)!;
		const preview = await fetch(approveUrl, { headers: { 'user-agent': 'WhatsApp/2.23.20 A' } });
		expect(preview.status).toBe(200);
		expect(await preview.text()).toBe('');
		expect(n8n.stillWaiting(waiting)).toBe(true);
		const browser = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1';
		const opened = await fetch(approveUrl, { headers: { 'user-agent': browser } });
		expect(opened.status).toBe(200);
		expect(await opened.text()).toContain('Your answer is recorded: Approved');
		expect(outputOf(waiting)?.[0]).toMatchObject({
			approved: true,
			answeredBy: null,
			answeredWith: 'link',
			timedOut: false,
		});
		const again = await fetch(approveUrl, { headers: { 'user-agent': browser } });
		expect(await again.text()).toContain('No action required');
	});

	it('a link whose signature was changed, or that answers another question, resumes nothing', async () => {
		const waiting = await askAndWait({ answerWith: 'links' });
		const text = String((sentResponse().response as IDataObject[])[0].text);
		const [, approveUrl] = /✓ Approve: (\S+)/.exec(text)!;
		const forged = await fetch(approveUrl.replace('approved=true', 'approved=false'));
		expect(forged.status).toBe(401);
		// An earlier question of the same node in the same execution (a loop): n8n signed its link too.
		const runExecutionData = waiting.run.data;
		const [entry] = runExecutionData.executionData!.nodeExecutionStack;
		const [waitingItem] = entry.data.main[0]!;
		waitingItem.json = { ...waitingItem.json, questionId: 'AAAAAAAA' };
		const stale = await fetch(approveUrl, { headers: { 'user-agent': 'Mozilla/5.0' } });
		expect(stale.status).toBe(409);
		expect(await stale.text()).toContain('No longer open');
		expect(n8n.stillWaiting(waiting)).toBe(true);
	});

	it('a POST without the trigger’s sealed answer resumes nothing', async () => {
		const waiting = await askAndWait({ answerWith: 'links' });
		const [, approveUrl] = /✓ Approve: (\S+)/.exec(
			String((sentResponse().response as IDataObject[])[0].text),
		)!;
		const posted = await fetch(approveUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ answer: 'made-up', answeredBy: '85290000000' }),
		});
		expect(posted.status).toBe(403);
		expect(await posted.json()).toEqual({ recorded: false, reason: 'unchecked' });
		expect(n8n.stillWaiting(waiting)).toBe(true);
	});

	it('the trigger’s workflow never sees an answer button’s ID or a resume signature', async () => {
		for (const answerWith of ['buttons', 'links']) {
			await askAndWait({ answerWith });
			const { delivery } = await context.sandbox.admin.echoLastSent({ url: receiver.url });
			expect(delivery.status).toBe(200);
		}
		expect(started).toHaveLength(2);
		const seen = JSON.stringify(started);
		expect(seen).not.toContain('n8n-wait:');
		expect(seen).not.toMatch(/signature=[0-9a-f]{64}/);
		expect(seen).toContain('signature=…');
		expect(started[0][0]).toMatchObject({ event: 'outboundMessage', sentBy: 'MANUAL' });
		expect(findSecrets(started, collectSecrets(sandboxCredentials(context.sandbox)))).toEqual([]);
	});
});
