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

/**
 * A node that sends `first` with the request (method + path) and every other field in the JSON
 * body, each field of its own; `json` fields are sent as parsed JSON.
 */
const bodyNode = (name, method, url, [first, ...others], json) =>
	description(
		name,
		[first, ...others].map((field) => ({
			displayName: field,
			name: field,
			type: field === json ? 'json' : 'string',
			default: '',
			routing: {
				...(field === first ? { request: { method, url } } : {}),
				send: { type: 'body', property: field },
			},
		})),
	);

/** PUT /whatsapp-message-template with the components already built, as Template → Create. */
class MinimalCreateNode {
	description = bodyNode(
		'minimalCreate',
		'PUT',
		'/whatsapp-message-template',
		['name', 'wabaId', 'language', 'category', 'components'],
		'components',
	);
}

/** POST /sendResponses (the Bot API) with a TEXT response, as Message → Send Text. */
class MinimalSendNode {
	description = bodyNode(
		'minimalSend',
		'POST',
		'/sendResponses',
		['recipientId', 'channelId', 'response'],
		'response',
	);
}

module.exports = { MinimalGetNode, MinimalCreateNode, MinimalSendNode };
