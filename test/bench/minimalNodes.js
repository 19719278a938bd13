'use strict';
// The engine's floor: the smallest declarative nodes making the same requests as the benchmarked
// operations, each with the one expression such a node needs for its base URL.
const description = (name, properties) => ({
	displayName: name,
	name,
	group: ['transform'],
	version: 1,
	description: 'Benchmark baseline',
	defaults: { name },
	inputs: ['main'],
	outputs: ['main'],
	credentials: [{ name: 'woztellWhatsAppCloudApi', required: true }],
	requestDefaults: { baseURL: '={{$credentials.baseUrl}}', json: true },
	properties,
});

/** GET /whatsapp-business-profile, as Business Profile → Get. */
class MinimalGetNode {
	description = description('minimalGet', [
		{
			displayName: 'Phone Number ID',
			name: 'phoneNumberId',
			type: 'string',
			default: '',
			routing: {
				request: { method: 'GET', url: '/whatsapp-business-profile' },
				send: { type: 'query', property: 'phoneNumberId' },
				output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] },
			},
		},
	]);
}

/** PUT /whatsapp-message-template with the components already built, as Template → Create. */
class MinimalCreateNode {
	description = description('minimalCreate', [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			routing: {
				request: { method: 'PUT', url: '/whatsapp-message-template' },
				send: { type: 'body', property: 'name' },
			},
		},
		...['wabaId', 'language', 'category', 'components'].map((name) => ({
			displayName: name,
			name,
			type: name === 'components' ? 'json' : 'string',
			default: '',
			routing: { send: { type: 'body', property: name } },
		})),
	]);
}

/** POST /sendResponses (the Bot API) with a TEXT response, as Message → Send Text. */
class MinimalSendNode {
	description = description('minimalSend', [
		{
			displayName: 'Recipient',
			name: 'recipientId',
			type: 'string',
			default: '',
			routing: {
				request: { method: 'POST', url: '/sendResponses' },
				send: { type: 'body', property: 'recipientId' },
			},
		},
		...['channelId', 'response'].map((name) => ({
			displayName: name,
			name,
			type: name === 'response' ? 'json' : 'string',
			default: '',
			routing: { send: { type: 'body', property: name } },
		})),
	]);
}

module.exports = { MinimalGetNode, MinimalCreateNode, MinimalSendNode };
