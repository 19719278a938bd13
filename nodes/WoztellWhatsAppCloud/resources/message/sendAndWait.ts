import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';
import {
	answerUrlParameters,
	newQuestionId,
	sealAnswerButton,
	type Recipient,
} from '../../../shared/answerToken';
import { assertBotApiOk, explainFailure, failureOf } from '../../../shared/errors';
import { newTally, withRetries, type RetryBounds } from '../../../shared/retry';
import { lacksToken, missingToken } from '../../../shared/credentialTokens';
import { CREDENTIAL_TYPE } from '../../../shared/transport';
import { showFor } from '../../shared/descriptions';
import { itemRetryBounds } from '../../shared/retryOptions';
import {
	failedItem,
	mayHaveSent,
	recall,
	remember,
	runIndexOf,
	sentItem,
} from '../../shared/sending';
import { maxLength, refuseToSend, type ItemContext } from '../../shared/validate';
import { botApiRecipientOf } from './recipient';
import { buttonsMessage, toButtonsResponse } from './sendButtons';
import { sentMessageOf } from './sentMessages';

/** WhatsApp Cloud API: an interactive message's body ≤ 1,024 characters, a reply button's title ≤ 20. */
const BUTTONS_BODY_MAX = 1024;
const LABEL_MAX = 20;
/** WhatsApp Cloud API: a text message ≤ 4,096 characters; the links take their share. */
const TEXT_MAX = 4096;

const forSendAndWait = showFor('message', ['sendAndWait']);
const when = (show: IDisplayOptions['show']): IDisplayOptions => ({
	show: { ...forSendAndWait.show, ...show },
});

export const sendAndWaitFields: INodeProperties[] = [
	{
		// n8n's AI Agent human review (the node's HitlTool) fills a parameter named `message`.
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. Refund €240 for order 1042?',
		description: `The question to answer: at most ${BUTTONS_BODY_MAX} characters with buttons, about 3,500 with links`,
		displayOptions: forSendAndWait,
	},
	{
		displayName: 'Answer With',
		name: 'answerWith',
		type: 'options',
		options: [
			{
				name: 'WhatsApp Buttons',
				value: 'buttons',
				description:
					'Native reply buttons; the tap comes back through the channel’s published Message Trigger',
			},
			{
				name: 'Web Links',
				value: 'links',
				description:
					'Approve and decline links in the text, opened in a browser; no Message Trigger needed',
			},
		],
		default: 'buttons',
		description: 'How the answer comes back to n8n',
		displayOptions: forSendAndWait,
	},
	{
		displayName:
			"Buttons: the tap reaches n8n through the channel's webhook, so a workflow with the WOZTELL WhatsApp Cloud Message Trigger must be published for this channel, with a credential holding the same Channel Secret as this one. Without it, taps resume nothing: choose Web Links.",
		name: 'buttonsNotice',
		type: 'notice',
		default: '',
		displayOptions: when({ answerWith: ['buttons'] }),
	},
	{
		displayName:
			"Links: the text carries n8n's signed resume links, and whoever opens one answers. They need n8n's WEBHOOK_URL to be reachable from the recipient's phone; no Message Trigger is needed.",
		name: 'linksNotice',
		type: 'notice',
		default: '',
		displayOptions: when({ answerWith: ['links'] }),
	},
	{
		displayName: 'Answers',
		name: 'approvalType',
		type: 'options',
		options: [
			{ name: 'Approve and Decline', value: 'double' },
			{ name: 'Approve Only', value: 'single' },
		],
		default: 'double',
		description: 'Whether the recipient can also decline',
		displayOptions: forSendAndWait,
	},
	{
		displayName: 'Approve Label',
		name: 'approveLabel',
		type: 'string',
		default: '✓ Approve',
		description: `The Approve button's (or link's) label, at most ${LABEL_MAX} characters`,
		displayOptions: forSendAndWait,
	},
	{
		displayName: 'Decline Label',
		name: 'declineLabel',
		type: 'string',
		default: '✗ Decline',
		description: `The Decline button's (or link's) label, at most ${LABEL_MAX} characters`,
		displayOptions: when({ approvalType: ['double'] }),
	},
	{
		displayName: 'Options',
		name: 'waitOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: forSendAndWait,
		options: [
			{
				displayName: 'Limit Wait Time',
				name: 'limitWaitTime',
				type: 'fixedCollection',
				default: { values: { amount: 1, unit: 'hours' } },
				description:
					'Without an answer by then, the workflow goes on with approved false and timedOut true',
				options: [
					{
						displayName: 'Values',
						name: 'values',
						values: [
							{
								displayName: 'Amount',
								name: 'amount',
								type: 'number',
								typeOptions: { minValue: 1 },
								default: 1,
								description: 'How long to wait for the answer',
							},
							{
								displayName: 'Unit',
								name: 'unit',
								type: 'options',
								options: [
									{ name: 'Minutes', value: 'minutes' },
									{ name: 'Hours', value: 'hours' },
									{ name: 'Days', value: 'days' },
								],
								default: 'hours',
								description: 'What the amount counts',
							},
						],
					},
				],
			},
			{
				displayName: 'Who May Answer',
				name: 'whoMayAnswer',
				type: 'options',
				options: [
					{
						name: 'The Recipient Only',
						value: 'recipient',
						description: 'A tap from any other WhatsApp number resumes nothing',
					},
					{
						name: 'Anyone With the Buttons',
						value: 'anyone',
						description: 'A tap counts whoever makes it',
					},
				],
				default: 'recipient',
				description:
					'Whose tap on a button counts; a link counts for whoever opens it, so choose buttons to restrict it',
			},
		],
	},
];

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

interface Question {
	message: string;
	answerWith: 'buttons' | 'links';
	labels: Array<{ approved: boolean; label: string }>;
	/** The end of the wait (ms since 1970), or none. */
	waitTill?: number;
	anyoneMayAnswer: boolean;
}

/** The fields of the first item (n8n asks once per run, as its own Send and Wait does), checked. */
function questionOf(item: ItemContext): Question {
	const text = (name: string, fallback = '') => String(item.getNodeParameter(name, fallback) ?? '');
	const message = text('message');
	const answerWith = text('answerWith', 'buttons') === 'links' ? 'links' : 'buttons';
	const labels = [{ approved: true, label: text('approveLabel', '✓ Approve').trim() }];
	if (text('approvalType', 'double') === 'double')
		labels.push({ approved: false, label: text('declineLabel', '✗ Decline').trim() });
	const messageProblem = !message.trim()
		? 'must not be empty'
		: answerWith === 'buttons' && maxLength(BUTTONS_BODY_MAX)(message);
	if (messageProblem) refuseToSend(item, `Message ${messageProblem}`);
	for (const { approved, label } of labels) {
		const problem = maxLength(LABEL_MAX, 1)(label);
		if (problem) refuseToSend(item, `${approved ? 'Approve' : 'Decline'} Label ${problem}`);
	}
	if (labels.length === 2 && labels[0].label === labels[1].label)
		refuseToSend(item, 'Approve Label and Decline Label must differ');

	const options = item.getNodeParameter('waitOptions', {}) as IDataObject;
	const limit = (options.limitWaitTime as IDataObject | undefined)?.values as
		| { amount?: unknown; unit?: unknown }
		| undefined;
	let waitTill: number | undefined;
	if (limit) {
		const unitMs = UNIT_MS[limit.unit as keyof typeof UNIT_MS];
		const amount = Number(limit.amount);
		if (!unitMs || !Number.isFinite(amount) || amount <= 0)
			refuseToSend(item, 'Limit Wait Time must be a positive amount of minutes, hours or days');
		waitTill = Date.now() + amount * unitMs;
	}
	return {
		message,
		answerWith,
		labels,
		waitTill,
		anyoneMayAnswer: options.whoMayAnswer === 'anyone',
	};
}

/** One item of a custom operation, read as the routing engine's item checks read theirs. */
function firstItemOf(context: IExecuteFunctions): ItemContext {
	return {
		getNode: () => context.getNode(),
		getItemIndex: () => 0,
		getNodeParameter: (name: string, fallback?: unknown) =>
			context.getNodeParameter(name, 0, fallback),
	} as ItemContext;
}

interface Answer {
	approved: boolean;
	label: string;
	resumeUrl: string;
}

/** The question with reply buttons: Message → Send Buttons' builder, with the question as its body. */
const replyButtonsResponse = (text: string, buttons: Array<{ id: string; title: string }>) =>
	toButtonsResponse({
		...buttonsMessage.defaults,
		bodyText: text,
		replyButtons: { button: buttons },
	});

/** As n8n's own WhatsApp node does it: the question, then one signed link per answer. */
const linksText = (message: string, answers: Answer[]) =>
	[message, ...answers.map(({ label, resumeUrl }) => `${label}: ${resumeUrl}`)].join('\n\n');

function responseOf(
	item: ItemContext,
	question: Question,
	answers: Answer[],
	sealed: { channelSecret: string; questionId: string; recipient: Recipient },
): IDataObject {
	if (question.answerWith === 'links') {
		const text = linksText(question.message, answers);
		const problem = maxLength(TEXT_MAX, 1)(text);
		if (problem) refuseToSend(item, `Message with its links ${problem}`);
		return { type: 'TEXT', text };
	}
	try {
		const buttons = answers.map(({ approved, label, resumeUrl }) => ({
			title: label,
			id: sealAnswerButton(sealed.channelSecret, {
				approved,
				resumeUrl,
				questionId: sealed.questionId,
				expiresAt: question.waitTill && Math.ceil(question.waitTill / 1000),
				recipient: sealed.recipient,
				anyoneMayAnswer: question.anyoneMayAnswer,
			}),
		}));
		return replyButtonsResponse(question.message, buttons);
	} catch (error) {
		const length = answers[0].resumeUrl.split('?')[0].length;
		return refuseToSend(
			item,
			"n8n's address is too long to fit into a WhatsApp button",
			`A button's ID holds at most 256 characters and carries n8n's resume URL (${length} characters without its query here, from n8n's WEBHOOK_URL): ${(error as Error).message}. Use a shorter WEBHOOK_URL, or Answer With: Web Links. Nothing was sent.`,
		);
	}
}

/** Sends the question once: retried where WOZTELL says nothing was sent; a re-run never sends it twice. */
async function sendQuestion(
	this: IExecuteFunctions,
	body: IDataObject,
	bounds: RetryBounds,
): Promise<INodeExecutionData> {
	const key = JSON.stringify([
		this.getExecutionId(),
		this.getNode().id,
		runIndexOf(this, 0),
		'sendAndWait',
	]);
	const earlier = recall(key);
	if (earlier && 'error' in earlier) throw earlier.error;
	const { timeout } = this.getNodeParameter('requestOptions', 0, {}) as IDataObject;
	const send = async () => {
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: 'POST',
			url: '/sendResponses',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			body,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: typeof timeout === 'number' ? timeout : 300_000,
		})) as IN8nHttpFullResponse;
		return assertBotApiOk(this.getNode(), response, 0);
	};
	const tally = newTally();
	try {
		const answer = await withRetries(send, 'send', bounds, failureOf, tally);
		return sentItem({ json: sentMessageOf(answer), pairedItem: { item: 0 } }, body, tally);
	} catch (error) {
		const explained = explainFailure(error, 'send', tally);
		if (mayHaveSent(explained)) remember(key, { error: explained });
		if (this.continueOnFail()) return failedItem(explained, body, tally, 0);
		throw explained;
	}
}

/** Which question an answer belongs to: the node's output carries it with the answer. */
const QUESTION_KEYS = ['questionId', 'recipientId', 'memberId', 'messageIds'];
export const questionPartOf = (json: IDataObject): IDataObject =>
	Object.fromEntries(QUESTION_KEYS.filter((key) => key in json).map((key) => [key, json[key]]));

export interface AnswerFields {
	approved: boolean;
	answeredBy: string | null;
	answeredAt: string | null;
	answeredWith: 'button' | 'link' | null;
}

/** The node's output item: the answer (or its absence), then the question it answers. */
export const answerItem = (question: IDataObject, answer: AnswerFields, timedOut = false) => ({
	...answer,
	timedOut,
	...questionPartOf(question),
});

/**
 * Message → Send and Wait for Approval, a custom operation beside the routing engine (as n8n's
 * own WhatsApp node hosts it): sends the question with its answer buttons or links, then puts the
 * execution to wait. A tap (through the Message Trigger) or a link resumes it through the node's
 * webhook (answerWebhook.ts); at the wait limit n8n resumes it with the node's input, which here
 * is set to the timed-out answer.
 */
export async function sendAndWait(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const item = firstItemOf(this);
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	if (lacksToken(credentials, 'botApiToken')) {
		const { message, description } = missingToken('botApiToken', 'bot:sendResponses', 'Messages');
		refuseToSend(item, message, description);
	}
	const question = questionOf(item);
	const recipient = botApiRecipientOf(item);
	const channelSecret = String(credentials.channelSecret ?? '').trim();
	if (question.answerWith === 'buttons' && !channelSecret) {
		refuseToSend(
			item,
			'The credential has no Channel Secret',
			"WhatsApp buttons are answered through the channel's Message Trigger, and their IDs are sealed with the Channel Secret: enter the channel's webhook secret in the credential (WOZTELL: Settings → Channels → Edit), or Answer With: Web Links. Nothing was sent.",
		);
	}
	const bounds = itemRetryBounds(item);

	// n8n 1.x checks a resume URL's signature only when the node asks for it (its ExecuteContext's
	// setSignatureValidationRequired); n8n 2.x always does, for an operation named sendAndWait.
	(
		this as unknown as { setSignatureValidationRequired?: () => void }
	).setSignatureValidationRequired?.();
	const questionId = newQuestionId();
	const expiresAt = question.waitTill && Math.ceil(question.waitTill / 1000);
	const answers = question.labels.map(({ approved, label }) => ({
		approved,
		label,
		resumeUrl: this.getSignedResumeUrl(answerUrlParameters({ approved, questionId, expiresAt })),
	}));
	const response = responseOf(item, question, answers, { channelSecret, questionId, recipient });
	const body = {
		channelId: String(credentials.channelId ?? '').trim(),
		...recipient,
		response: [response],
	};
	const sent = await sendQuestion.call(this, body, bounds);
	if ('error' in sent.json) return [[sent]];

	const asked = { questionId, ...sent.json };
	// n8n resumes a timed-out wait by passing the node's input on (WorkflowExecute handleWaitingState):
	// the input this run waits with is what the node gives then.
	const unanswered = { approved: false, answeredBy: null, answeredAt: null, answeredWith: null };
	this.getExecuteData().data.main = [
		[{ json: answerItem(asked, unanswered, true), pairedItem: { item: 0 } }],
	];
	await this.putExecutionToWait(
		question.waitTill ? new Date(question.waitTill) : WAIT_INDEFINITELY,
	);
	return [[{ json: asked, pairedItem: { item: 0 } }]];
}
