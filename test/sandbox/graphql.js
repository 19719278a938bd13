'use strict';
// A small GraphQL reader for the sandbox's Open API: one operation (query or mutation) with its
// variable definitions and selections, as the GraphQL spec (October 2021) writes them. It reads
// inline numbers, booleans, enums and null; an inline string, list or object is refused (see
// openApi.js: the node must send every value as a variable). No fragments or directives.

class GraphQlError extends Error {}

const PUNCTUATORS = new Set(['!', '$', '(', ')', ':', '=', '[', ']', '{', '}', '|', '@']);

function tokenize(source) {
	const tokens = [];
	let at = 0;
	while (at < source.length) {
		const char = source[at];
		if (/[\s,\uFEFF]/.test(char)) {
			at++;
		} else if (char === '#') {
			while (at < source.length && source[at] !== '\n' && source[at] !== '\r') at++;
		} else if (source.startsWith('...', at)) {
			throw new GraphQlError('Fragments are not supported by the sandbox');
		} else if (PUNCTUATORS.has(char)) {
			tokens.push({ kind: char, at });
			at++;
		} else if (/[_A-Za-z]/.test(char)) {
			const name = /^[_A-Za-z][_0-9A-Za-z]*/.exec(source.slice(at))[0];
			tokens.push({ kind: 'Name', value: name, at });
			at += name.length;
		} else if (/[-0-9]/.test(char)) {
			const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(at));
			if (!number) throw new GraphQlError(`Syntax Error: Invalid number at ${at}`);
			const float = number[2] !== undefined || number[3] !== undefined;
			tokens.push({ kind: float ? 'Float' : 'Int', value: Number(number[0]), at });
			at += number[0].length;
		} else if (char === '"') {
			const block = source.startsWith('"""', at);
			const end = block ? source.indexOf('"""', at + 3) : stringEnd(source, at);
			if (end < 0) throw new GraphQlError(`Syntax Error: Unterminated string at ${at}`);
			tokens.push({ kind: 'String', at });
			at = end + (block ? 3 : 1);
		} else {
			throw new GraphQlError(`Syntax Error: Unexpected character "${char}" at ${at}`);
		}
	}
	tokens.push({ kind: 'EOF', at });
	return tokens;
}

function stringEnd(source, start) {
	for (let at = start + 1; at < source.length; at++) {
		if (source[at] === '\\') at++;
		else if (source[at] === '"') return at;
		else if (source[at] === '\n' || source[at] === '\r') return -1;
	}
	return -1;
}

/** Reads `source` into `{ type, name, variables: [{ name, type }], selections }`. */
function parseOperation(source) {
	const tokens = tokenize(String(source));
	let index = 0;
	const peek = () => tokens[index];
	const take = (kind, value) => {
		const token = tokens[index];
		if (token.kind !== kind || (value !== undefined && token.value !== value))
			throw new GraphQlError(
				`Syntax Error: Expected ${value ?? kind}, found ${token.value ?? token.kind} at ${token.at}`,
			);
		index++;
		return token;
	};
	const takeIf = (kind) => (peek().kind === kind ? tokens[index++] : undefined);

	function type() {
		let text;
		if (takeIf('[')) {
			text = `[${type()}]`;
			take(']');
		} else {
			text = take('Name').value;
		}
		return takeIf('!') ? `${text}!` : text;
	}

	function value() {
		const token = peek();
		if (token.kind === '$') {
			index++;
			return { kind: 'Variable', name: take('Name').value };
		}
		if (token.kind === 'Int' || token.kind === 'Float') {
			index++;
			return { kind: 'Literal', value: token.value };
		}
		if (token.kind === 'Name') {
			index++;
			if (token.value === 'true' || token.value === 'false')
				return { kind: 'Literal', value: token.value === 'true' };
			if (token.value === 'null') return { kind: 'Literal', value: null };
			return { kind: 'Literal', value: token.value };
		}
		if (token.kind === 'String') {
			index++;
			return { kind: 'Inline', what: 'string' };
		}
		if (token.kind === '[' || token.kind === '{') {
			const close = token.kind === '[' ? ']' : '}';
			index++;
			while (!takeIf(close)) {
				if (close === '}') {
					take('Name');
					take(':');
				}
				value();
			}
			return { kind: 'Inline', what: close === ']' ? 'list' : 'object' };
		}
		throw new GraphQlError(`Syntax Error: Unexpected ${token.value ?? token.kind} at ${token.at}`);
	}

	function selectionSet() {
		take('{');
		const selections = [];
		while (!takeIf('}')) {
			let name = take('Name').value;
			let alias = name;
			if (takeIf(':')) name = take('Name').value;
			const args = {};
			if (takeIf('(')) {
				while (!takeIf(')')) {
					const argument = take('Name').value;
					take(':');
					args[argument] = value();
				}
			}
			if (peek().kind === '@')
				throw new GraphQlError('Directives are not supported by the sandbox');
			selections.push({
				name,
				alias,
				args,
				selections: peek().kind === '{' ? selectionSet() : undefined,
			});
		}
		return selections;
	}

	let operationType = 'query';
	let name;
	const variables = [];
	if (peek().kind === 'Name') {
		operationType = take('Name').value;
		if (operationType !== 'query' && operationType !== 'mutation')
			throw new GraphQlError(`The sandbox answers queries and mutations, not ${operationType}`);
		if (peek().kind === 'Name') name = take('Name').value;
		if (takeIf('(')) {
			while (!takeIf(')')) {
				take('$');
				const variable = take('Name').value;
				take(':');
				variables.push({ name: variable, type: type() });
				if (takeIf('=')) value();
			}
		}
	}
	const selections = selectionSet();
	if (peek().kind !== 'EOF')
		throw new GraphQlError('The sandbox answers a document with one operation only');
	return { type: operationType, name, variables, selections };
}

module.exports = { parseOperation, GraphQlError };
