import type {
	IDataObject,
	INodeExecutionData,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { openTap } from '../../../shared/answerToken';
import { CREDENTIAL_TYPE } from '../../../shared/transport';
import { answerItem, type AnswerFields } from './sendAndWait';

/**
 * n8n's waiting webhooks of Send and Wait (n8n-nodes-base utils/sendAndWait): restart webhooks,
 * registered for a waiting execution only, at `<WEBHOOK_URL>webhook-waiting/<execution>/<node ID>`;
 * n8n checks the URL's signature itself, because the operation is named `sendAndWait`. GET: a link
 * opened in a browser; POST: a tap the Message Trigger checked.
 */
export const answerWebhooks: IWebhookDescription[] = ['GET', 'POST'].map((httpMethod) => ({
	name: 'default',
	httpMethod,
	responseMode: 'onReceived',
	responseData: '',
	path: '={{ $nodeId }}',
	restartWebhook: true,
	isFullPath: true,
}));

/**
 * Link previews fetch a URL before anyone opens it: they must not answer. A short form of the
 * `isbot` check n8n's own Send and Wait makes (which a community node cannot import).
 */
const LINK_PREVIEW =
	/bot|crawl|spider|preview|facebookexternalhit|whatsapp|telegram|slack|discord|skype|linkedin|embedly|outlook|microsoft office|bingpreview/i;

const page = (title: string, text: string) =>
	`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;text-align:center"><h1>${title}</h1><p>${text}</p></body></html>`;

const NOT_OPEN = page(
	'No longer open',
	'This question was answered already or its time ran out. Nothing was changed.',
);

/**
 * The item the node waits with: the timed-out answer sendAndWait set as its input, carrying the
 * question's ID. n8n-core's WebhookContext holds a resumed node's input as `connectionInputData`,
 * which IWebhookFunctions does not declare.
 */
function waitingQuestionOf(context: IWebhookFunctions): IDataObject | undefined {
	const { connectionInputData } = context as unknown as {
		connectionInputData?: INodeExecutionData[];
	};
	const json = connectionInputData?.[0]?.json;
	return typeof json?.questionId === 'string' ? json : undefined;
}

function refuse(context: IWebhookFunctions, status: number, reason: string, isTap: boolean) {
	const response = context.getResponseObject().status(status);
	if (isTap) response.json({ recorded: false, reason });
	else response.send(NOT_OPEN);
	return { noWebhookResponse: true };
}

/**
 * Resumes the waiting execution with the answer, when it answers the question this run waits
 * for (not an earlier one of the same node, in a loop) before its time ran out; otherwise the
 * execution keeps waiting. A tap needs the Message Trigger's seal: only a holder of the Channel
 * Secret says who tapped.
 */
export async function answerWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const query = this.getQueryData() as IDataObject;
	const isTap = request.method === 'POST';
	if (!isTap && LINK_PREVIEW.test(String(request.headers['user-agent'] ?? ''))) {
		this.getResponseObject().status(200).send('');
		return { noWebhookResponse: true };
	}
	const question = waitingQuestionOf(this);
	const expiresAt = Number(query.exp) * 1000;
	if (!question || question.questionId !== query.q) return refuse(this, 409, 'notWaiting', isTap);
	if (expiresAt > 0 && Date.now() > expiresAt) return refuse(this, 409, 'expired', isTap);
	const approved = query.approved === 'true';

	let answer: AnswerFields;
	if (isTap) {
		const { channelSecret } = await this.getCredentials(CREDENTIAL_TYPE);
		const tap = openTap(String(channelSecret ?? '').trim(), this.getBodyData().answer);
		if (!tap || tap.approved !== approved || tap.questionId !== query.q)
			return refuse(this, 403, 'unchecked', isTap);
		answer = {
			approved,
			answeredBy: tap.answeredBy,
			answeredAt: tap.answeredAt,
			answeredWith: 'button',
		};
	} else {
		answer = {
			approved,
			answeredBy: null,
			answeredAt: new Date().toISOString(),
			answeredWith: 'link',
		};
	}
	const label = approved ? 'Approved' : 'Declined';
	return {
		webhookResponse: isTap
			? { recorded: true }
			: page(label, `Your answer is recorded: ${label}. You can close this page.`),
		workflowData: [[{ json: answerItem(question, answer) }]],
	};
}
