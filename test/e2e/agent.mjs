// The node as an AI agent's tool in a real n8n: Manual Trigger → AI Agent (V3) with an OpenAI
// Chat Model whose credential points at the scripted double (openaiDouble.mjs), and one WOZTELL
// tool whose fields the model fills with $fromAI(). Each case scripts the model's tool call and
// checks, from what the double and the sandbox recorded, the tool list n8n sent to the model, the
// request WOZTELL received, the tool result the model read back, and the agent's answer.
// The README's agent example runs here too, its Chat Trigger replaced by a Manual Trigger and a
// Set node holding the chat message (`n8n execute` starts only at a manual trigger).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_NAME, repoRoot } from '../../scripts/n8n-install.mjs';
import {
	CREDENTIAL_TYPE,
	freePort,
	runN8n,
	SANDBOX_CREDENTIAL_ID,
	SANDBOX_CREDENTIAL_NAME,
} from '../../scripts/n8n-process.mjs';
import { exampleCases, like } from './cases.mjs';
import { FINAL_TEXT_PREFIX, startOpenAiDouble } from './openaiDouble.mjs';

const { identity } = createRequire(import.meta.url)('../sandbox/state.js');

export const TOOL_TYPE = `${PACKAGE_NAME}.woztellWhatsAppCloudTool`;
const AGENT_TYPE = '@n8n/n8n-nodes-langchain.agent';
const MODEL_TYPE = '@n8n/n8n-nodes-langchain.lmChatOpenAi';
const CHAT_TRIGGER_TYPE = '@n8n/n8n-nodes-langchain.chatTrigger';
const OPENAI_CREDENTIAL = {
	id: 'wozOpenAiDouble1',
	name: 'OpenAI (scripted double)',
	type: 'openAiApi',
};
const woztellCredentials = {
	[CREDENTIAL_TYPE]: { id: SANDBOX_CREDENTIAL_ID, name: SANDBOX_CREDENTIAL_NAME },
};
const openAiCredentials = { openAiApi: { id: OPENAI_CREDENTIAL.id, name: OPENAI_CREDENTIAL.name } };

/** The example's tool nodes, set up as the README tells users: each agent case attaches one. */
const EXAMPLE = exampleCases.find((c) => c.agent).example;
const exampleWorkflow = JSON.parse(
	fs.readFileSync(path.join(repoRoot, 'examples', EXAMPLE), 'utf8'),
);
const exampleTool = (name) => {
	const found = exampleWorkflow.nodes.find(
		(candidate) => candidate.name === name && candidate.type === TOOL_TYPE,
	);
	assert.ok(found, `${EXAMPLE} has no WOZTELL tool named ${name}`);
	return { name, parameters: found.parameters };
};
export const TOOLS = {
	templates: exampleTool('List Message Templates'),
	profile: exampleTool('Update Business Profile'),
	flow: exampleTool('Get Flow'),
};
export const toolName = (tool) => tool.name.replace(/[^a-zA-Z0-9_-]+/g, '_');

const node = (name, type, typeVersion, position, parameters, extra = {}) => ({
	id: `agent-${name.replace(/\W/g, '')}`,
	name,
	type,
	typeVersion,
	position,
	parameters,
	...extra,
});

export function agentWorkflow(id, prompt, tool) {
	return {
		id,
		name: `e2e agent: ${tool.name}`,
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger', 1, [0, 0], {}),
			node('AI Agent', AGENT_TYPE, 3.1, [220, 0], {
				promptType: 'define',
				text: prompt,
				options: {},
			}),
			node(
				'OpenAI Chat Model',
				MODEL_TYPE,
				1.3,
				[160, 220],
				{ model: { __rl: true, mode: 'list', value: 'gpt-4.1-mini' }, options: {} },
				{ credentials: openAiCredentials },
			),
			node(tool.name, TOOL_TYPE, 1, [360, 220], tool.parameters, {
				credentials: woztellCredentials,
			}),
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			[tool.name]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/**
 * The example as `n8n execute` can run it: its Chat Trigger becomes a Manual Trigger followed by
 * a Set node that holds the chat message, with the credentials a user would pick.
 */
function runnableAgentExample(chatInput) {
	const workflow = exampleWorkflow;
	const trigger = workflow.nodes.find((candidate) => candidate.type === CHAT_TRIGGER_TYPE);
	assert.ok(trigger, `${EXAMPLE} has no Chat Trigger`);
	const nodes = workflow.nodes.map((candidate) => {
		if (candidate === trigger)
			return node(trigger.name, 'n8n-nodes-base.manualTrigger', 1, trigger.position, {});
		if (candidate.type === TOOL_TYPE) return { ...candidate, credentials: woztellCredentials };
		if (candidate.type === MODEL_TYPE) return { ...candidate, credentials: openAiCredentials };
		return candidate;
	});
	const message = node('Chat Message', 'n8n-nodes-base.set', 3.4, trigger.position, {
		assignments: {
			assignments: [
				{ id: 'chatInput', name: 'chatInput', value: chatInput, type: 'string' },
				{ id: 'sessionId', name: 'sessionId', value: 'e2e-session', type: 'string' },
			],
		},
		options: {},
	});
	return {
		...workflow,
		id: 'wozAgentExample0',
		nodes: [...nodes, message],
		connections: {
			...workflow.connections,
			[trigger.name]: { main: [[{ node: message.name, type: 'main', index: 0 }]] },
			[message.name]: workflow.connections[trigger.name],
		},
	};
}

/** What the model was sent, from the double's record: the first request's tools and the tool result. */
function conversation(double) {
	const calls = double.requests.filter((request) => request.path === '/v1/responses');
	assert.equal(
		calls.length,
		double.requests.length,
		`the model was called elsewhere: ${double.requests.map((r) => r.path).join(', ')}`,
	);
	assert.equal(
		calls.length,
		2,
		`expected a tool-call turn and a final turn, got ${calls.length} requests`,
	);
	const [first, second] = calls.map((request) => request.body);
	const toolOutput = second.input.find((entry) => entry.type === 'function_call_output');
	assert.ok(
		toolOutput,
		`the second turn carries no tool result: ${JSON.stringify(second.input).slice(0, 600)}`,
	);
	return { first, tools: first.tools, toolOutput: toolOutput.output };
}

const stringKey = (description) => ({ type: 'string', description });

/** What n8n must send the model for each tool: the action it describes it with, and the $fromAI keys. */
const SENT = {
	templates: {
		action: 'Get many message templates with their statuses and rejection reasons',
		properties: {
			name_contains: stringKey(
				'Part of the template name to look for, or an empty string for any name',
			),
			// A 'json' key reaches the model with no type: only its description says "array".
			statuses: {
				description:
					'The statuses to list, as an array of APPROVED, PENDING, REJECTED, PENDING_DELETION, DELETED',
			},
		},
	},
	profile: {
		action: 'Update the business profile',
		properties: {
			about: stringKey('The new About text of the business profile, 1 to 139 characters'),
		},
	},
	flow: {
		action: 'Get a flow by ID with its status and validation errors',
		properties: { flow_id: stringKey('The numeric ID of the WhatsApp Flow') },
	},
};

/** The function tool n8n sent for one of TOOLS: name, description, $fromAI schema. */
function expectTool(tools, key) {
	const name = toolName(TOOLS[key]);
	const sent = tools.find((candidate) => candidate.name === name);
	assert.ok(sent, `no tool ${name} among ${tools.map((candidate) => candidate.name).join(', ')}`);
	const { action, properties } = SENT[key];
	assert.deepEqual(sent, {
		type: 'function',
		name,
		description: `${action} in WOZTELL WhatsApp Cloud`,
		parameters: {
			type: 'object',
			properties,
			required: Object.keys(properties),
			additionalProperties: false,
			$schema: 'http://json-schema.org/draft-07/schema#',
		},
		strict: false,
	});
}

const seedTemplate = (state, name, status, rejected_reason = 'NONE') =>
	state.templates.push({
		id: String(1748340935544100 + state.templates.length),
		name,
		language: 'en_US',
		category: 'UTILITY',
		status,
		rejected_reason,
		quality_score: 'GREEN',
		components: [{ type: 'BODY', text: `Hello from ${name}` }],
		createdAt: state.templates.length,
		editedAt: [],
	});
const seedTemplates = (state) => {
	seedTemplate(state, 'order_update', 'REJECTED', 'INVALID_FORMAT');
	seedTemplate(state, 'order_cancelled', 'APPROVED');
	seedTemplate(state, 'welcome_offer', 'REJECTED', 'PROMOTIONAL');
};
const FLOW = {
	id: '885692686603466',
	name: 'Feedback survey',
	categories: ['SURVEY'],
	status: 'PUBLISHED',
	validation_errors: [],
};

/** The templates tool's call reached WOZTELL with the model's filters; every template found reached the model. */
const templatesCheck =
	(name, found) =>
	({ tools, toolOutput, answer, requestsTo }) => {
		expectTool(tools, 'templates');
		const [list] = requestsTo('/whatsapp-message-templates');
		like(list, { method: 'GET', query: { name, status: '["REJECTED"]', wabaId: identity.wabaId } });
		const result = JSON.parse(toolOutput);
		assert.deepEqual(
			result.map((template) => [template.name, template.templates[0].rejected_reason]),
			found,
		);
		for (const [, reason] of found) assert.ok(answer.includes(reason), answer);
	};

const QUESTION = 'Which of our order templates were rejected, and why?';

const agentCases = [
	{
		id: 'wozAgentTemplate',
		tool: TOOLS.templates,
		title:
			'template Get Many: the model’s name and status filters reach WOZTELL, the list reaches the model',
		prompt: QUESTION,
		call: { name_contains: 'order', statuses: ['REJECTED'] },
		seed: seedTemplates,
		check: templatesCheck('order', [['order_update', 'INVALID_FORMAT']]),
	},
	{
		id: 'wozAgentProfile0',
		tool: TOOLS.profile,
		title:
			'business profile Update: the model-written About is sent, the success reaches the model',
		prompt: 'Set our About text to say we are open 9 to 5, Monday to Friday.',
		call: { about: 'Open 9 to 5, Monday to Friday' },
		check({ tools, toolOutput, answer, requestsTo, state }) {
			expectTool(tools, 'profile');
			const [patch] = requestsTo('/whatsapp-business-profile').filter(
				(request) => request.method === 'PATCH',
			);
			like(patch, {
				body: {
					phoneNumberId: identity.phoneNumberId,
					profile: { messaging_product: 'whatsapp', about: 'Open 9 to 5, Monday to Friday' },
				},
			});
			assert.deepEqual(JSON.parse(toolOutput), [{ success: true }]);
			assert.equal(state.businessProfile.about, 'Open 9 to 5, Monday to Friday');
			assert.ok(answer.includes('"success":true'), answer);
		},
	},
	{
		id: 'wozAgentProfLong',
		tool: TOOLS.profile,
		title:
			'business profile Update with a 140-character About: the node’s check reaches the model, nothing is sent',
		prompt: 'Make our About text as long as you can.',
		call: { about: 'x'.repeat(140) },
		check({ toolOutput, answer, requestsTo, state }) {
			assert.deepEqual(requestsTo('/whatsapp-business-profile'), []);
			assert.deepEqual(JSON.parse(toolOutput), [
				{ error: 'About must have at most 139 characters (it has 140)' },
			]);
			assert.equal(state.businessProfile.about, 'Hello from the sandbox');
			assert.ok(answer.includes('at most 139 characters'), answer);
		},
	},
	{
		id: 'wozAgentFlowGet0',
		tool: TOOLS.flow,
		title: 'flow Get: the ID the model passes picks the flow, its details reach the model',
		prompt: 'What is the status of flow 885692686603466?',
		call: { flow_id: FLOW.id },
		seed: (state) => state.flows.push({ ...FLOW }),
		check({ tools, toolOutput, answer, requestsTo }) {
			expectTool(tools, 'flow');
			like(requestsTo('/flow-detail')[0], { method: 'GET', query: { flowId: FLOW.id } });
			const [flow, ...others] = JSON.parse(toolOutput);
			assert.deepEqual(others, []);
			like(flow, { id: FLOW.id, name: FLOW.name, status: 'PUBLISHED' });
			assert.ok(answer.includes('Feedback survey'), answer);
		},
	},
	{
		id: 'wozAgentFlowMiss',
		tool: TOOLS.flow,
		title:
			'flow Get of an unknown ID: WOZTELL’s error reaches the model as the tool result, the run succeeds',
		prompt: 'What is the status of flow 999?',
		call: { flow_id: '999' },
		check({ toolOutput, answer, requestsTo }) {
			like(requestsTo('/flow-detail')[0], { method: 'GET', query: { flowId: '999' } });
			// n8n hands the model the error's message only, not its description.
			assert.deepEqual(JSON.parse(toolOutput), [{ error: 'Flow 999 not found' }]);
			assert.ok(answer.includes('Flow 999 not found'), answer);
		},
	},
];

/**
 * Starts the double; `credential` goes into the credential import, `workflows` into the
 * workflow import, and `run` executes the cases with `n8n execute` after the import.
 */
export async function prepareAgentSuite() {
	const double = await startOpenAiDouble();
	const credential = {
		...OPENAI_CREDENTIAL,
		data: { apiKey: 'sk-scripted-double', url: double.baseUrl, header: false },
	};
	const exampleCase = {
		id: 'wozAgentExample0',
		tool: TOOLS.templates,
		title: exampleCases.find((c) => c.agent).title,
		label: `examples/${EXAMPLE}`,
		call: { name_contains: '', statuses: ['REJECTED'] },
		seed: seedTemplates,
		check(context) {
			assert.deepEqual(
				context.tools.map((tool) => tool.name).sort(),
				Object.values(TOOLS).map(toolName).sort(),
			);
			for (const key of Object.keys(TOOLS)) expectTool(context.tools, key);
			// The model's empty name ("any name") is left out of the query.
			templatesCheck(undefined, [
				['order_update', 'INVALID_FORMAT'],
				['welcome_offer', 'PROMOTIONAL'],
			])(context);
			const [system, user] = context.first.input;
			like(system, { role: 'system' });
			assert.match(system.content, /through WOZTELL/);
			like(user, { role: 'user', content: QUESTION });
		},
	};
	const workflows = [
		...agentCases.map((c) => agentWorkflow(c.id, c.prompt, c.tool)),
		runnableAgentExample(QUESTION),
	];
	return {
		credential,
		workflows,
		double,
		/** What a workflow's OpenAI Chat Model node names as its credential. */
		openAiCredentials,
		close: () => double.close(),
		/** Runs every case (or those whose title or workflow matches `only`) through `test`. */
		async run({ env, sandbox, test, parseRunOutput, only }) {
			const selected = [...agentCases, exampleCase].filter(
				(c) => !only || c.title.includes(only) || (c.label ?? 'agent').includes(only),
			);
			for (const c of selected) {
				await test(`${c.label ?? `agent → ${c.tool.name}`}: ${c.title}`, async () => {
					sandbox.reset();
					c.seed?.(sandbox.state);
					double.script({ name: toolName(c.tool), arguments: c.call });
					// A task-broker port free now: other n8n processes on this machine may have taken the last one.
					const brokerPort = String(await freePort());
					const result = await runN8n(['execute', `--id=${c.id}`, '--rawOutput'], {
						env: { ...env, N8N_RUNNERS_BROKER_PORT: brokerPort },
					});
					const run = parseRunOutput(result.stdout);
					const where = `n8n exit ${result.code}\n${result.stdout.slice(-1500)}\n${result.stderr.slice(-1500)}`;
					assert.equal(result.code, 0, where);
					const runData = run?.data?.resultData?.runData ?? {};
					const answer = runData['AI Agent']?.[0]?.data?.main?.[0]?.[0]?.json?.output;
					assert.equal(typeof answer, 'string', `no agent output; ${where}`);
					assert.ok(answer.startsWith(FINAL_TEXT_PREFIX), answer);
					c.check({
						...conversation(double),
						answer,
						requestsTo: (p) => sandbox.requests.filter((request) => request.path === p),
						state: sandbox.state,
					});
				});
			}
		},
	};
}
