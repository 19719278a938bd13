#!/usr/bin/env node
'use strict';
// `npm run sandbox`: the WOZTELL sandbox alone, for trying workflows without a WOZTELL account.
// Flags shape how its Bot API behaves under load (routes/botApi.js), e.g.
//   npm run sandbox -- --rate=40 --fail-every=25 --refuse=85290000042 --slow=2000 --slow-for=85290000007
const { SAMPLES } = require('./routes/webhook');
const { startSandbox } = require('./server');
const { identity } = require('./state');

const port = Number(process.env.WOZTELL_SANDBOX_PORT ?? 4010);
const flag = (name) =>
	process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const list = (value) => (value ? value.split(',').map((entry) => entry.trim()) : undefined);
const number = (value) => (value === undefined ? undefined : Number(value));
const behaviour = Object.fromEntries(
	Object.entries({
		ratePerSecond: number(flag('rate')),
		failEvery: number(flag('fail-every')),
		failStatus: number(flag('fail-status')),
		refuse: list(flag('refuse')),
		slowAnswerMs: number(flag('slow')),
		slowFor: list(flag('slow-for')),
	}).filter(([, value]) => value !== undefined),
);

startSandbox({ port }).then((sandbox) => {
	const { behaviour: set } = sandbox.admin.botApiBehaviour(behaviour);
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
		`  Open API Token             ${identity.openApiToken}`,
		`  Open API URL               ${sandbox.openApiUrl}`,
		'and, with "Fetch With Open API Token":',
		`  Environment ID             ${identity.environmentId}`,
		'',
		'Members: 250 (the webhook customer 85291234567 first, with 300 messages), chatbot trees',
		'"Customer service" and "Marketing"; the Open API rate limit:',
		'  …/sandbox/openApiBehaviour {"ratePerWindow":20,"windowMs":1000} ({} lifts it)',
		'What WhatsApp changes on its side, for the trigger (POST JSON):',
		`  ${sandbox.baseUrl.replace(/\/v1\.2\/api$/, '')}/sandbox/template      {"name":"order_update","status":"APPROVED"}`,
		'  …/sandbox/flow {"flowId","status"} · …/sandbox/phoneNumber {"quality_rating":"RED"} ·',
		'  …/sandbox/businessKey {"status"} · …/sandbox/reviewDelay {"ms":5000}',
		'A customer message to a Message Trigger, signed with the Channel Secret:',
		'  …/sandbox/deliverWebhook {"url":"http://127.0.0.1:5678/webhook/…","text":"Hi"}',
		'  (add "signature":"forged" or "none" for a bad one; {"url":…,"replay":true} sends the last again;',
		`  "sample": ${SAMPLES.join(', ')} sends that instead, "data": {…} changing its fields)`,
		'How the Bot API behaves under load (flags --rate --fail-every --fail-status --refuse --slow --slow-for,',
		'or POST …/sandbox/botApiBehaviour {"ratePerSecond":40,"failEvery":25,"refuse":["85290000042"]}):',
		`  ${JSON.stringify(set)}`,
		'',
		'Press Ctrl+C to stop. State lives in memory and is lost on exit.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
});
