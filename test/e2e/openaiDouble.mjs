// The e2e suite's one test double: a scripted OpenAI-compatible server on 127.0.0.1 for n8n's
// OpenAI Chat Model under the AI Agent. It records every request and answers like a model that
// calls one tool and then reports: a request holding no tool result gets the scripted tool call
// (the arguments a case chooses), a request holding one gets a final text quoting that result.
// It speaks what OpenAI Chat Model 1.3 uses by default, the Responses API (POST /v1/responses),
// without streaming: n8n's agent streams only behind a chat trigger set to stream.
import http from 'node:http';

export const FINAL_TEXT_PREFIX = 'The tool answered: ';

/** The tool result in a request's input, or undefined on the first turn. */
export function toolResult(body) {
	const outputs = (body.input ?? []).filter((entry) => entry.type === 'function_call_output');
	return outputs.at(-1)?.output;
}

/** A Responses API answer holding a tool call ({ call }) or a final text ({ text }). */
function reply(body, { call, text }, turn) {
	const output = call
		? [
				{
					type: 'function_call',
					id: `fc_${turn}`,
					call_id: `call_${turn}`,
					name: call.name,
					arguments: JSON.stringify(call.arguments),
					status: 'completed',
				},
			]
		: [
				{
					type: 'message',
					id: `msg_${turn}`,
					role: 'assistant',
					status: 'completed',
					content: [{ type: 'output_text', text, annotations: [] }],
				},
			];
	return {
		id: `resp_${turn}`,
		object: 'response',
		created_at: Math.floor(Date.now() / 1000),
		status: 'completed',
		model: body.model,
		output,
		usage: { input_tokens: 10, output_tokens: 5, total_tokens: 15 },
	};
}

/** One tool call, then a final text quoting the tool's result. */
const answer = (body, call, result, turn) =>
	reply(body, result === undefined ? { call } : { text: `${FINAL_TEXT_PREFIX}${result}` }, turn);

/**
 * Starts the double on a free loopback port. `script(call)` sets the tool call ({ name,
 * arguments }) the next first turn answers with; or `script(respond)` answers each request with
 * `respond(body)`: `{ call: { name, arguments } }`, `{ text }` or `{ status }` (an error answer).
 * `requests` holds { path, body } of every request.
 */
export async function startOpenAiDouble() {
	const requests = [];
	let call;
	const server = http.createServer((request, response) => {
		let raw = '';
		request.on('data', (chunk) => (raw += chunk));
		request.on('end', () => {
			let body;
			try {
				body = JSON.parse(raw || '{}');
			} catch {
				body = { unparsed: raw };
			}
			requests.push({ method: request.method, path: request.url, headers: request.headers, body });
			const refuse = (status, message) => {
				response.writeHead(status, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ error: { message, type: 'invalid_request_error' } }));
			};
			if (request.method !== 'POST' || request.url !== '/v1/responses')
				return refuse(404, `The double does not serve ${request.method} ${request.url}`);
			if (body.stream) return refuse(400, 'The double does not stream');
			if (!call) return refuse(500, 'No tool call scripted');
			const turn = requests.length;
			if (typeof call === 'function') {
				const scripted = call(body);
				if (scripted.status) return refuse(scripted.status, 'The scripted model failed');
				response.writeHead(200, { 'content-type': 'application/json' });
				return response.end(JSON.stringify(reply(body, scripted, turn)));
			}
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(JSON.stringify(answer(body, call, toolResult(body), turn)));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		script(next) {
			call = next;
			requests.length = 0;
		},
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}
