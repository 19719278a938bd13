'use strict';
// WOZTELL's Open API (GraphQL), reduced to the one query the credential asks.

module.exports = function answerOpenApi(request, state) {
	const {
		openApiToken,
		channelId,
		environmentId,
		appId,
		appIntegrationId,
		appIntegrationSignature,
	} = state.identity;
	if (request.headers.authorization !== `Bearer ${openApiToken}`) {
		return { status: 401, body: { errors: [{ message: 'Unauthorized' }] } };
	}
	const query = String(request.body?.query ?? '');
	const channel = /channel\(channelId:\s*"([^"]*)"\)/.exec(query)?.[1];
	const environment = /environment\(envId:\s*"([^"]*)"\)/.exec(query)?.[1];
	if (channel !== channelId) {
		return {
			status: 200,
			body: { data: { apiViewer: { channel: null } }, errors: [{ message: 'Channel not found' }] },
		};
	}
	if (environment !== environmentId) {
		return {
			status: 200,
			body: {
				data: { apiViewer: { channel: { appId, environment: null } } },
				errors: [{ message: 'Environment not found' }],
			},
		};
	}
	return {
		status: 200,
		body: {
			data: {
				apiViewer: {
					channel: {
						appId,
						environment: {
							info: {
								integrationId: 'whatsapp-cloud',
								build: 3,
								alias: 'sandbox',
								appIntegrationId,
								subscribed: true,
							},
							integration: { integrationId: 'whatsapp-cloud' },
							appIntegrationSignature,
						},
					},
				},
			},
		},
	};
};
