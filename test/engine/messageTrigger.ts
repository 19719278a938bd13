import { createHmac } from 'crypto';
import type {
	IDataObject,
	INode,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { WebhookContext } from 'n8n-core';
import { WoztellWhatsAppCloudMessageTrigger } from '../../nodes/WoztellWhatsAppCloudMessageTrigger/WoztellWhatsAppCloudMessageTrigger.node';
import { additionalDataFor, CREDENTIAL_TYPE, credentialType, typesServing } from './harness';
import { CredentialsHelper } from './credentialsHelper';
import { credentialData, identity } from '../sandbox';

export const trigger = new WoztellWhatsAppCloudMessageTrigger();
export const ALL_EVENTS = ['inboundMessage', 'deliveryStatus', 'outboundMessage'];

export const sign = (raw: Buffer, secret = identity.channelSecret) =>
	createHmac('sha256', secret).update(raw).digest('base64');

export interface Delivery {
	body: IDataObject;
	signature?: string;
	/** Bytes as received, when they differ from JSON.stringify(body). */
	raw?: Buffer;
	parameters?: IDataObject;
	credentials?: Record<string, string>;
}

/** The message trigger in an active workflow, with the sandbox credential (overridden by `credentials`). */
export function triggerInWorkflow(
	id: string,
	parameters: IDataObject,
	credentials: Record<string, string>,
) {
	const node: INode = {
		id: 'message-trigger',
		name: 'WOZTELL Message Trigger',
		type: 'n8n-nodes-woztell-whatsapp-cloud.woztellWhatsAppCloudMessageTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: { events: ALL_EVENTS, ...parameters },
		credentials: { [CREDENTIAL_TYPE]: { id: 'sandbox', name: 'WOZTELL Sandbox' } },
		webhookId: 'c0ffee00-0000-4000-8000-000000000000',
	};
	const workflow = new Workflow({
		id,
		nodes: [node],
		connections: {},
		nodeTypes: typesServing(trigger),
		active: true,
	});
	const credentialsHelper = new CredentialsHelper({ [CREDENTIAL_TYPE]: credentialType });
	credentialsHelper.stored.set(CREDENTIAL_TYPE, {
		...credentialData('http://127.0.0.1:9/v1.2/api'),
		...credentials,
	});
	return { node, workflow, credentialsHelper };
}

/** Runs the trigger's webhook function inside n8n-core's WebhookContext, as n8n does on a POST. */
export async function deliver({
	body,
	signature,
	raw,
	parameters = {},
	credentials = {},
}: Delivery) {
	const rawBody = raw ?? Buffer.from(JSON.stringify(body));
	const { node, workflow, credentialsHelper } = triggerInWorkflow(
		'webhook-test',
		parameters,
		credentials,
	);
	const response = { statusCode: 200, sent: undefined as unknown };
	const httpResponse = {
		status(code: number) {
			response.statusCode = code;
			return httpResponse;
		},
		json(value: unknown) {
			response.sent = value;
			return httpResponse;
		},
	};
	const headers: IDataObject = { 'content-type': 'application/json' };
	if (signature !== undefined) headers['x-woztell-signature'] = signature;
	const additionalData = {
		...additionalDataFor(credentialsHelper),
		httpRequest: { body, headers, rawBody, params: {}, query: {} },
		httpResponse,
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: 'webhook',
		webhookDescription: trigger.description.webhooks![0],
		workflowId: workflow.id,
	} as IWebhookData;
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		'webhook',
		webhookData,
		[],
		null,
	);
	const result = await trigger.webhook.call(context);
	return { result, response, items: result.workflowData?.[0].map((item) => item.json) };
}
