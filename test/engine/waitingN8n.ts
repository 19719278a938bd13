import { createServer, type IncomingMessage, type Server } from 'http';
import { createRequire } from 'module';
import type {
	IDataObject,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { InstanceSettings, validateUrlSignature, WebhookContext } from 'n8n-core';
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

/** n8n-core's own dependency container: InstanceSettings holds the secret n8n signs resume URLs with. */
const { Container } = createRequire(require.resolve('n8n-core'))(
	'@n8n/di',
) as typeof import('@n8n/di');

export interface WaitingAnswer {
	status: number;
	body: string;
}

/** A fake express response: what the node's webhook writes itself. */
function responseRecorder() {
	const answer = { status: 200, body: undefined as string | undefined };
	const response = {
		status(code: number) {
			answer.status = code;
			return response;
		},
		json(value: unknown) {
			answer.body = JSON.stringify(value);
			return response;
		},
		send(value: string) {
			answer.body = value;
			return response;
		},
	};
	return { answer, response };
}

async function bodyOf(request: IncomingMessage): Promise<IDataObject> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	const raw = Buffer.concat(chunks).toString();
	return raw ? (JSON.parse(raw) as IDataObject) : {};
}

/**
 * n8n's `/webhook-waiting/<execution>/<node>` route for runs of the engine harness, as n8n 2.41's
 * WaitingWebhooks serves it: the URL's signature checked (a Send and Wait node), "No action
 * required" once the execution finished, the node's webhook run in n8n-core's WebhookContext
 * over the waiting execution, and the run resumed with what it gave.
 */
export async function startWaitingN8n(options: RunOptions) {
	const waiting = new Map<string, RunResult>();
	const resumed = new Map<string, RunResult>();
	const hmacSecret = Container.get(InstanceSettings).hmacSignatureSecret;

	async function answer(request: IncomingMessage): Promise<WaitingAnswer> {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const [, endpoint, executionId, nodeId] = url.pathname.split('/');
		const signature = url.searchParams.get('signature') ?? '';
		if (endpoint !== 'webhook-waiting' || !validateUrlSignature(signature, url, hmacSecret))
			return { status: 401, body: 'Invalid token' };
		const run = waiting.get(executionId);
		if (!run) {
			const finished = resumed.has(executionId);
			return finished
				? { status: 200, body: '<html>No action required</html>' }
				: { status: 404, body: `The execution "${executionId}" does not exist.` };
		}
		const runExecutionData = run.run.data;
		const [entry] = runExecutionData.executionData!.nodeExecutionStack;
		if (entry.node.id !== decodeURIComponent(nodeId))
			return { status: 200, body: '<html>No action required</html>' };
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
		const body = request.method === 'POST' ? await bodyOf(request) : {};
		const additionalData = {
			...additionalDataFor(credentialsHelper),
			executionId,
			httpRequest: {
				method: request.method,
				headers: request.headers,
				query: Object.fromEntries(url.searchParams),
				body,
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
		const result: IWebhookResponseData = await nodeType.webhook!.call(context);
		if (result.workflowData) {
			waiting.delete(executionId);
			resumed.set(
				executionId,
				await resumeRun(run, { ...options, webhookItems: result.workflowData }),
			);
			const page = result.webhookResponse;
			return { status: 200, body: typeof page === 'string' ? page : JSON.stringify(page) };
		}
		return { status: written.status, body: written.body ?? '' };
	}

	const server: Server = createServer((request, response) => {
		answer(request).then(
			({ status, body }) => {
				response.writeHead(status, {
					'Content-Type': body.startsWith('{') ? 'application/json' : 'text/html',
				});
				response.end(body);
			},
			(error: Error) => {
				response.writeHead(500);
				response.end(error.message);
			},
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return {
		/** What n8n's WEBHOOK_URL would make of it: the base of every resume URL. */
		webhookWaitingBaseUrl: `http://127.0.0.1:${port}/webhook-waiting`,
		/** A run that waits for its answer here. */
		wait(run: RunResult) {
			waiting.set(run.executionId, run);
		},
		/** The run an answer resumed, once it has. */
		resumedRun: (run: RunResult) => resumed.get(run.executionId),
		stillWaiting: (run: RunResult) => waiting.has(run.executionId),
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
