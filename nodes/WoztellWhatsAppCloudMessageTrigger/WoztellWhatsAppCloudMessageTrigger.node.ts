import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { answerTap, withoutAnswerSecrets } from './approvals';
import { messageItemOf, RECEIVED, type MessageEventName } from './events';
import { isSignedByChannel } from './signature';

const SIGNATURE_HEADER = 'x-woztell-signature';

const isEventObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The event: the body as received, when it is one JSON object; undefined for anything else. */
function eventOf(rawBody: unknown, parsed: unknown): IDataObject | undefined {
	if (!Buffer.isBuffer(rawBody)) return isEventObject(parsed) ? parsed : undefined;
	try {
		const event: unknown = JSON.parse(rawBody.toString('utf8'));
		return isEventObject(event) ? event : undefined;
	} catch {
		return undefined;
	}
}

export class WoztellWhatsAppCloudMessageTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WOZTELL WhatsApp Cloud Message Trigger',
		name: 'woztellWhatsAppCloudMessageTrigger',
		icon: {
			light: 'file:../../icons/woztellMessageTrigger.svg',
			dark: 'file:../../icons/woztellMessageTrigger.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			"Starts the workflow when a customer writes, a message's delivery status changes or the bot or an agent sends, from the WOZTELL channel's signed webhook",
		defaults: { name: 'WOZTELL WhatsApp Cloud Message Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					"Paste the Production URL above into the WOZTELL channel's webhook setting (WOZTELL: Settings → Channels → Edit your WhatsApp Cloud channel), and the channel's secret into the credential's Channel Secret",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{
						name: 'Delivery Status',
						value: 'deliveryStatus',
						description: 'A message was sent, delivered or read (SENT, DELIVERED, READ)',
					},
					{
						name: 'Inbound Message',
						value: 'inboundMessage',
						description: 'A customer sent a message, a file or pressed a button',
					},
					{
						name: 'Outbound Message',
						value: 'outboundMessage',
						description: 'The bot (BOT) or an agent (MANUAL) sent a message',
					},
				],
				default: ['inboundMessage'],
				description: 'Which webhook events start the workflow; the others are answered and dropped',
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					"Whether to accept only events signed with the credential's Channel Secret (X-Woztell-Signature); others get HTTP 401 and start nothing",
			},
			{
				displayName:
					'Anyone who knows this webhook URL can now start the workflow with a made-up customer message. Turn Verify Signature back on once the Channel Secret is in the credential.',
				name: 'unverifiedNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { verifySignature: [false] } },
			},
		],
	};

	/**
	 * No WOZTELL API sets a channel's webhook URL: the user pastes it into the channel's settings.
	 * What activation can do is refuse a workflow that would answer every event with 401.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('verifySignature', true) === false) return true;
				const { channelSecret } = await this.getCredentials(CREDENTIAL_TYPE);
				if (typeof channelSecret !== 'string' || !channelSecret.trim()) {
					throw new NodeOperationError(this.getNode(), 'The credential has no Channel Secret', {
						description:
							"Every event would be refused with HTTP 401: enter the secret of the channel's webhook (WOZTELL: Settings → Channels → Edit) in the credential's Channel Secret.",
					});
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const verifySignature = this.getNodeParameter('verifySignature', true) !== false;
		if (verifySignature) {
			const { channelSecret } = await this.getCredentials(CREDENTIAL_TYPE);
			const secret = typeof channelSecret === 'string' ? channelSecret.trim() : '';
			// n8n keeps the body as received in rawBody: the signature is over those bytes, not the parsed JSON.
			const signed =
				Buffer.isBuffer(request.rawBody) &&
				isSignedByChannel(request.rawBody, request.headers[SIGNATURE_HEADER], secret);
			if (!signed) {
				this.getResponseObject()
					.status(401)
					.json({ message: 'Missing or invalid X-Woztell-Signature' });
				return { noWebhookResponse: true };
			}
		}
		const event = eventOf(request.rawBody, this.getBodyData());
		if (!event) {
			this.getResponseObject()
				.status(400)
				.json({ message: 'The body must be one JSON object: a WOZTELL channel event' });
			return { noWebhookResponse: true };
		}
		// A tap answering Message → Send and Wait resumes that execution, and starts nothing here.
		const answered = await answerTap.call(this, event, verifySignature);
		if (answered) return answered;
		const item = messageItemOf(withoutAnswerSecrets(event));
		const events = this.getNodeParameter('events', []) as MessageEventName[];
		if (!events.includes(item.event as MessageEventName)) return { webhookResponse: RECEIVED };
		return { workflowData: [[{ json: item as IDataObject }]], webhookResponse: RECEIVED };
	}
}
