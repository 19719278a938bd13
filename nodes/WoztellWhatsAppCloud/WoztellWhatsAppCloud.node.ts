import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { listSearch } from './listSearch';
import { accountDescription } from './resources/account';
import { analyticsDescription } from './resources/analytics';
import { businessEncryptionDescription } from './resources/businessEncryption';
import { businessProfileDescription } from './resources/businessProfile';
import { catalogDescription } from './resources/catalog';
import { chatbotDescription } from './resources/chatbot';
import { flowDescription } from './resources/flow';
import { mediaDescription } from './resources/media';
import { memberDescription, memberListFields } from './resources/member';
import { messageDescription } from './resources/message';
import { answerWebhook, answerWebhooks } from './resources/message/answerWebhook';
import { sendAndWait } from './resources/message/sendAndWait';
import { getTemplateVariables } from './resources/message/sendTemplate';
import { phoneNumberDescription } from './resources/phoneNumber';
import { productDescription } from './resources/product';
import { templateDescription, templateListFields } from './resources/template';
import { channelDefaultIdField } from './shared/channel';
import { returnAllAndLimit, showFor } from './shared/descriptions';
import { requestOptionsField } from './shared/requestOptions';
import { retryOptionsField } from './shared/retryOptions';

export class WoztellWhatsAppCloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WOZTELL WhatsApp Cloud',
		name: 'woztellWhatsAppCloud',
		icon: { light: 'file:../../icons/woztell.svg', dark: 'file:../../icons/woztell.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			"Manage WhatsApp templates, flows, profiles, analytics and catalogs with WOZTELL's Public API, members with its Open API, and send messages and redirect members to chatbot nodes with its Bot API",
		defaults: { name: 'WOZTELL WhatsApp Cloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		// Message → Send and Wait for Approval: n8n's waiting webhooks, registered only while waiting.
		webhooks: answerWebhooks,
		waitingNodeTooltip:
			'Waiting for the answer on WhatsApp: a tap on a button (through the Message Trigger) or a click on a link',
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			// WOZTELL explains its refusals in the body; shared/errors.ts reads it for every status.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Analytic', value: 'analytics' },
					{ name: 'Business Encryption', value: 'businessEncryption' },
					{ name: 'Business Profile', value: 'businessProfile' },
					{ name: 'Catalog', value: 'catalog' },
					{ name: 'Chatbot', value: 'chatbot' },
					{ name: 'Flow', value: 'flow' },
					{ name: 'Media', value: 'media' },
					{ name: 'Member', value: 'member' },
					{ name: 'Message', value: 'message' },
					{ name: 'Phone Number', value: 'phoneNumber' },
					{ name: 'Product', value: 'product' },
					{ name: 'Template', value: 'template' },
				],
				default: 'account',
			},
			...accountDescription,
			...analyticsDescription,
			...businessEncryptionDescription,
			...businessProfileDescription,
			...catalogDescription,
			...chatbotDescription,
			...flowDescription,
			...mediaDescription,
			...memberDescription,
			...messageDescription,
			...phoneNumberDescription,
			...productDescription,
			...templateDescription,
			channelDefaultIdField(
				'phoneNumberId',
				'Phone Number ID',
				showFor(['phoneNumber', 'businessProfile', 'media']),
			),
			...returnAllAndLimit,
			// n8n's order in a list: Return All and Limit first, then Filters and Options.
			...templateListFields,
			...memberListFields,
			retryOptionsField,
			requestOptionsField,
		],
	};

	methods = { listSearch, resourceMapping: { getTemplateVariables } };

	/** n8n-core runs a custom operation instead of the routing engine for its resource and operation. */
	customOperations = { message: { sendAndWait } };

	webhook = answerWebhook;
}
