'use strict';
// The engine's floor: the smallest declarative node making the same request as the benchmarked operation.
class MinimalNode {
	description = {
		displayName: 'Minimal',
		name: 'minimal',
		group: ['transform'],
		version: 1,
		description: 'Benchmark baseline',
		defaults: { name: 'Minimal' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'woztellWhatsAppCloudApi', required: true }],
		requestDefaults: { baseURL: '={{$credentials.baseUrl}}', json: true },
		properties: [
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
		],
	};
}
module.exports = { MinimalNode };
