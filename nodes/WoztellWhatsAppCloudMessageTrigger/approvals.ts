import type {
	IDataObject,
	IN8nHttpFullResponse,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import {
	ANSWER_ID_PREFIX,
	isAnswerButtonId,
	openAnswerButton,
	sealTap,
	type AnswerButton,
} from '../shared/answerToken';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { messageItemOf, RECEIVED, replyOf } from './events';

/**
 * What became of a tap on an answer button of Message → Send and Wait for Approval, as the
 * trigger answers WOZTELL (`{ "received": true, "answer": <outcome> }`):
 * - `resumed`: the waiting execution goes on with this answer;
 * - `notWaiting`: nothing waits for it any more (answered already, the other button was tapped
 *   first, the wait ended, the execution was stopped or deleted);
 * - `refused`: not an answer this channel sealed (forged, altered, another Channel Secret), a tap
 *   from a number that may not answer, or an event whose signature was not checked;
 * - `unreachable`: n8n's resume URL did not answer (HTTP 503, so that a retry may get through).
 */
export type AnswerOutcome = 'resumed' | 'notWaiting' | 'refused' | 'unreachable';

const RESUME_TIMEOUT_MS = 15_000;

function isRecipient(button: AnswerButton, answeredBy: string | null, memberId: unknown) {
	if ('memberId' in button.recipient) return memberId === button.recipient.memberId;
	return answeredBy === button.recipient.recipientId;
}

/** Hands the sealed answer to the waiting execution, at n8n's signed resume URL of that answer. */
async function postAnswer(
	this: IWebhookFunctions,
	resumeUrl: string,
	answer: string,
): Promise<AnswerOutcome> {
	try {
		// n8n checks the URL's signature; the waiting node checks the sealed answer.
		const { statusCode, body } = (await this.helpers.httpRequest({
			method: 'POST',
			url: resumeUrl,
			body: { answer },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: RESUME_TIMEOUT_MS,
		})) as IN8nHttpFullResponse;
		if (statusCode >= 500) return 'unreachable';
		if (statusCode === 401 || statusCode === 403) return 'refused';
		return (body as IDataObject | undefined)?.recorded === true ? 'resumed' : 'notWaiting';
	} catch {
		// The error would name the resume URL: it is not passed on.
		return 'unreachable';
	}
}

async function resume(
	this: IWebhookFunctions,
	event: IDataObject,
	id: string,
): Promise<AnswerOutcome> {
	const { channelSecret } = await this.getCredentials(CREDENTIAL_TYPE);
	const secret = String(channelSecret ?? '').trim();
	const button = openAnswerButton(secret, id);
	if (!button) return 'refused';
	if (button.expiresAt && Date.now() > button.expiresAt * 1000) return 'notWaiting';
	const { from, memberId, timestamp } = messageItemOf(event);
	const answeredBy = typeof from === 'string' ? from.replace(/\D/g, '') : null;
	if (!button.anyoneMayAnswer && !isRecipient(button, answeredBy, memberId)) return 'refused';
	const answer = sealTap(secret, {
		approved: button.approved,
		questionId: button.questionId,
		answeredBy,
		answeredAt: typeof timestamp === 'string' ? timestamp : new Date().toISOString(),
	});
	return await postAnswer.call(this, button.resumeUrl, answer);
}

/**
 * A tap on an answer button resumes the execution waiting for it, and starts no workflow of the
 * trigger's own: answered here, with its outcome. Undefined for every other event.
 * `signatureChecked`: only an event signed with the Channel Secret can answer.
 */
export async function answerTap(
	this: IWebhookFunctions,
	event: IDataObject,
	signatureChecked: boolean,
): Promise<IWebhookResponseData | undefined> {
	const reply = replyOf(event);
	if (!reply || !isAnswerButtonId(reply.id)) return undefined;
	const outcome = signatureChecked ? await resume.call(this, event, reply.id) : 'refused';
	this.getResponseObject()
		.status(outcome === 'unreachable' ? 503 : 200)
		.json({ ...RECEIVED, answer: outcome });
	return { noWebhookResponse: true };
}

const SECRETS = [
	new RegExp(`${ANSWER_ID_PREFIX}[A-Za-z0-9_-]+`, 'g'),
	/(?<=[?&]signature=)[0-9a-f]{64}/g,
];

function redact(value: unknown): unknown {
	if (typeof value === 'string')
		return SECRETS.reduce((text, secret) => text.replace(secret, '…'), value);
	if (Array.isArray(value)) return value.map(redact);
	if (value !== null && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, redact(entry)]));
	return value;
}

/**
 * The event without answer buttons' IDs and n8n's resume signatures: WOZTELL echoes what the
 * Bot API sent (an outbound event), and neither may reach the trigger's workflow.
 */
export function withoutAnswerSecrets(event: IDataObject): IDataObject {
	const text = JSON.stringify(event);
	if (!text.includes(ANSWER_ID_PREFIX) && !text.includes('signature=')) return event;
	return redact(event) as IDataObject;
}
