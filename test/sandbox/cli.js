#!/usr/bin/env node
'use strict';
// `npm run sandbox`: the WOZTELL sandbox alone, for trying workflows without a WOZTELL account.
const { startSandbox } = require('./server');
const { identity } = require('./state');

const port = Number(process.env.WOZTELL_SANDBOX_PORT ?? 4010);

startSandbox({ port }).then((sandbox) => {
	const lines = [
		`WOZTELL sandbox listening on ${sandbox.baseUrl}`,
		'',
		'Create a "WOZTELL WhatsApp Cloud API" credential in n8n with:',
		`  Base URL                   ${sandbox.baseUrl}`,
		`  Access Token               ${identity.accessToken}`,
		`  Channel ID                 ${identity.channelId}`,
		`  App ID                     ${identity.appId}`,
		`  App Integration ID         ${identity.appIntegrationId}`,
		`  App Integration Signature  ${identity.appIntegrationSignature}`,
		`  Bot API Access Token       ${identity.botApiToken}`,
		`  Bot API URL                ${sandbox.botApiUrl}`,
		`  Channel Secret             ${identity.channelSecret}`,
		'or, with "Fetch With Open API Token":',
		`  Open API Token             ${identity.openApiToken}`,
		`  Environment ID             ${identity.environmentId}`,
		`  Open API URL               ${sandbox.openApiUrl}`,
		'',
		'What WhatsApp changes on its side, for the trigger (POST JSON):',
		`  ${sandbox.baseUrl.replace(/\/v1\.2\/api$/, '')}/sandbox/template      {"name":"order_update","status":"APPROVED"}`,
		'  …/sandbox/flow {"flowId","status"} · …/sandbox/phoneNumber {"quality_rating":"RED"} ·',
		'  …/sandbox/businessKey {"status"} · …/sandbox/reviewDelay {"ms":5000}',
		'A customer message to a Message Trigger, signed with the Channel Secret:',
		'  …/sandbox/deliverWebhook {"url":"http://127.0.0.1:5678/webhook/…","text":"Hi"}',
		'  (add "signature":"forged" or "none" for a bad one; {"url":…,"replay":true} sends the last again)',
		'',
		'Press Ctrl+C to stop. State lives in memory and is lost on exit.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
});
