import type {
	IDataObject,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { validateUrlSignature, WebhookContext } from 'n8n-core';
import {
	additionalDataFor,
	CREDENTIAL_TYPE,
	credentialType,
	nodeType,
	resumeRun,
	typesServing,
	type RunOptions,
	type RunResult,
} from './harness';
import { CredentialsHelper } from './credentialsHelper';
import { startReceiver, type Received } from '../sandbox/receiver';

export interface WaitingAnswer {
	status: number;
	body?: unknown;
	html?: string;
}

/** A fake express response: what the node's webhook writes itself. */
function responseRecorder() {
	const response = {
		status(code: number) {
			answer.status = code;
			return response;
		},
		json(value: unknown) {
			answer.body = value;
			return response;
		},
		send(value: string) {
			answer.html = value;
			return response;
		},
	};
	const answer: WaitingAnswer = { status: 200 };
	return { answer, response };
}

/** The secret n8n signs resume URLs with: n8n-core's InstanceSettings, as every context holds it. */
const hmacSecretOf = (context: WebhookContext) =>
	(context as unknown as { instanceSettings: { hmacSignatureSecret: string } }).instanceSettings
		.hmacSignatureSecret;

/**
 * n8n's `/webhook-waiting/<execution>/<node>` route for runs of the engine harness, as n8n 2.41's
 * WaitingWebhooks serves it: the URL's signature checked (a Send and Wait node), "No action
 * required" once the execution finished, the node's webhook run in n8n-core's WebhookContext
 * over the waiting execution, and the run resumed with what it gave.
 */
export async function startWaitingN8n(options: RunOptions) {
	const waiting = new Map<string, RunResult>();
	const resumed = new Map<string, RunResult>();
	const noActionRequired = { status: 200, html: '<html>No action required</html>' };

	async function answer(request: Received): Promise<WaitingAnswer> {
		const url = new URL(request.url, 'http://127.0.0.1');
		const [, endpoint, executionId, nodeId] = url.pathname.split('/');
		const run = waiting.get(executionId);
		if (endpoint !== 'webhook-waiting' || (!run && !resumed.has(executionId)))
			return { status: 404, body: { message: `The execution "${executionId}" does not exist.` } };
		if (!run) return noActionRequired;
		const runExecutionData = run.run.data;
		const [entry] = runExecutionData.executionData!.nodeExecutionStack;
		const credentialsHelper = new CredentialsHelper({ [CREDENTIAL_TYPE]: credentialType });
		credentialsHelper.stored.set(CREDENTIAL_TYPE, options.credentials);
		const workflow = new Workflow({
			id: 'test',
			nodes: [entry.node],
			connections: {},
			nodeTypes: typesServing(nodeType),
			active: false,
		});
		const { answer: written, response } = responseRecorder();
		const additionalData = {
			...additionalDataFor(credentialsHelper),
			executionId,
			httpRequest: {
				method: request.method,
				headers: request.headers,
				query: Object.fromEntries(url.searchParams),
				body: request.raw.length ? (JSON.parse(request.raw.toString()) as IDataObject) : {},
				params: {},
			},
			httpResponse: response,
		} as unknown as IWorkflowExecuteAdditionalData;
		const webhookData = {
			httpMethod: request.method,
			node: entry.node.name,
			path: entry.node.id,
			webhookDescription: nodeType.description.webhooks!.find(
				(webhook) => webhook.httpMethod === request.method,
			),
			workflowId: 'test',
		} as IWebhookData;
		const context = new WebhookContext(
			workflow,
			entry.node,
			additionalData,
			'webhook',
			webhookData,
			[],
			runExecutionData,
		);
		// A Send and Wait node's URL carries n8n's signature (WaitingWebhooks validateSignature).
		const signature = url.searchParams.get('signature') ?? '';
		if (!validateUrlSignature(signature, url, hmacSecretOf(context)))
			return { status: 401, html: '<html>Invalid token</html>' };
		// Waiting at another node: n8n finds no webhook of this one to run.
		if (entry.node.id !== decodeURIComponent(nodeId)) return noActionRequired;
		const result: IWebhookResponseData = await nodeType.webhook!.call(context);
		if (!result.workflowData) return written;
		waiting.delete(executionId);
		resumed.set(
			executionId,
			await resumeRun(run, { ...options, webhookItems: result.workflowData }),
		);
		const page = result.webhookResponse;
		return typeof page === 'string' ? { status: 200, html: page } : { status: 200, body: page };
	}

	const server = await startReceiver(answer);
	return {
		/** What n8n's WEBHOOK_URL would make of it: the base of every resume URL. */
		webhookWaitingBaseUrl: `${server.origin}/webhook-waiting`,
		/** A run that waits for its answer here. */
		wait(run: RunResult) {
			waiting.set(run.executionId, run);
		},
		/** The run an answer resumed, once it has. */
		resumedRun: (run: RunResult) => resumed.get(run.executionId),
		stillWaiting: (run: RunResult) => waiting.has(run.executionId),
		close: () => server.close(),
	};
}
