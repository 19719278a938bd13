'use strict';
// WOZTELL's Open API (GraphQL, https://open.api.woztell.com/v3): the credential's signed-context
// query, and the member, conversation and chatbot-tree operations WOZTELL's own n8n package sends
// (nodes/Woztell/BaseQueries.ts), read by parsing the document and its variables (../graphql.js).
// As the Open API does (per WOZTELL's package's credential test), failures come in `errors[]`
// with HTTP 200, a bad token as "User is not authenticated.". Rate limits: the Open API reference
// names X-RateLimit-Limit, X-RateLimit-Remaining and Retry-After (seconds); what status a refused
// call gets is not shown: the sandbox answers 200 with `errors[]` unless told otherwise.
//
// Stricter than a GraphQL server: an argument written into the document as a string, list or
// object is refused (send it as a variable), so a value pasted into a query fails here.
const { parseOperation, GraphQlError } = require('../graphql');
const { fail } = require('../http');

const DEFAULT_OPEN_API_BEHAVIOUR = { ratePerWindow: 0, windowMs: 60_000, limitedStatus: 200 };

/** The credential's query (credentials/openApiSignedContext.ts), answered as before. */
function signedContext(query, state) {
	const { channelId, environmentId, appId, appIntegrationId, appIntegrationSignature } =
		state.identity;
	const channel = /channel\(channelId:\s*"([^"]*)"\)/.exec(query)?.[1];
	const environment = /environment\(envId:\s*"([^"]*)"\)/.exec(query)?.[1];
	if (channel !== channelId) {
		return { data: { apiViewer: { channel: null } }, errors: [{ message: 'Channel not found' }] };
	}
	if (environment !== environmentId) {
		return {
			data: { apiViewer: { channel: { appId, environment: null } } },
			errors: [{ message: 'Environment not found' }],
		};
	}
	return {
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
	};
}

const refuse = (message) => {
	throw new GraphQlError(message);
};

// ---- Cursors and connections (Relay): edges { node }, pageInfo.
const encodeCursor = (offset) => Buffer.from(`offset:${offset}`).toString('base64');
function decodeCursor(cursor, name) {
	const match = /^offset:(\d+)$/.exec(Buffer.from(String(cursor), 'base64').toString());
	if (!match) refuse(`Invalid cursor in "${name}"`);
	return Number(match[1]);
}

/** A page of `list`: forward with first/after, backward with last/before. */
function connection(list, { first, after, last, before }) {
	let start;
	let end;
	if (last !== undefined && last !== null) {
		end = before ? Math.min(list.length, decodeCursor(before, 'before')) : list.length;
		start = Math.max(0, end - last);
	} else {
		start = after ? decodeCursor(after, 'after') + 1 : 0;
		end = Math.min(list.length, start + (first ?? 10));
	}
	const nodes = list.slice(start, end);
	return {
		edges: nodes.map((node, index) => ({ node, cursor: encodeCursor(start + index) })),
		pageInfo: {
			hasNextPage: end < list.length,
			hasPreviousPage: start > 0,
			startCursor: nodes.length ? encodeCursor(start) : null,
			endCursor: nodes.length ? encodeCursor(end - 1) : null,
			totalCount: list.length,
		},
	};
}

// ---- What the account holds (../openApiAccount.js), as the queries see it.
function memberView(state, member) {
	const tree = state.trees.find(({ _id }) => _id === member.botMeta.treeId);
	const node = tree?.nodes.find(
		({ compositeId }) => compositeId === member.botMeta.nodeCompositeId,
	);
	return {
		...member,
		botMeta: {
			...member.botMeta,
			tree: tree ? { name: tree.name } : null,
			node: node ? { name: node.name } : null,
		},
	};
}

const onChannel = (state, channelId) =>
	channelId === undefined || channelId === null || channelId === state.identity.channelId;

function findMember(state, { channelId, externalId, memberId }) {
	if (!memberId && !externalId) refuse('member needs externalId (with channelId) or memberId');
	if (!onChannel(state, channelId)) return null;
	const found = state.members.find((member) =>
		memberId ? member._id === memberId : member.externalId === String(externalId),
	);
	return found ? memberView(state, found) : null;
}

const TAG_OPERATORS = ['IN'];

function listMembers(state, { channelId, tagFilters, first, after }) {
	if (!onChannel(state, channelId)) return connection([], { first });
	const filters = tagFilters ?? [];
	const members = state.members.filter((member) =>
		filters.every((filter) => filter.tags.some((tag) => member.tags.includes(tag))),
	);
	return connection(
		members.map((member) => memberView(state, member)),
		{ first, after },
	);
}

function history(state, { channelId, memberId, first, after, last, before, from, to }) {
	if (!memberId) refuse('conversationHistory needs memberId');
	const messages = onChannel(state, channelId) ? (state.conversations[memberId] ?? []) : [];
	const inRange = messages.filter(
		({ createdAt }) => (!from || createdAt >= from) && (!to || createdAt <= to),
	);
	return connection(inRange, { first, after, last, before });
}

function listTrees(state, { first, after, search }) {
	const needle = String(search ?? '').toLowerCase();
	return connection(
		state.trees.filter((tree) => tree.name.toLowerCase().includes(needle)),
		{ first, after },
	);
}

function listNodes(state, { treeIds, first, global }) {
	if (global) refuse('The sandbox keeps no global nodes');
	const trees = state.trees.filter(({ _id }) => !treeIds || treeIds.includes(_id));
	return connection(
		trees.flatMap((tree) => tree.nodes.map((node) => ({ ...node, treeId: tree._id }))),
		{ first },
	);
}

/**
 * `addMemberTags(input: { channel, externalId, tags })`. How WOZTELL reports an unknown member is
 * not shown: the sandbox answers `ok: 0` with an `err_code` of its own.
 */
function addMemberTags(state, { input }) {
	const member = state.members.find(
		({ externalId }) =>
			input.channel === state.identity.channelId && externalId === input.externalId,
	);
	if (!member) return { ok: 0, err_code: 'MEMBER_NOT_FOUND', member: null, memberId: null };
	member.tags = [...new Set([...member.tags, ...input.tags])];
	member.updatedAt = Date.now();
	return { ok: 1, err_code: null, member: memberView(state, member), memberId: member._id };
}

// ---- The schema the sandbox knows: each field's arguments and their types.
const API_VIEWER = {
	member: { args: { channelId: 'ID', externalId: 'ID', memberId: 'ID' }, resolve: findMember },
	members: {
		args: { first: 'IntMax100', after: 'String', channelId: 'String', tagFilters: '[TagFilter]' },
		resolve: listMembers,
	},
	conversationHistory: {
		args: {
			channelId: 'String',
			memberId: 'String',
			first: 'IntMax100',
			after: 'String',
			last: 'IntMax100',
			before: 'String',
			from: 'Long',
			to: 'Long',
		},
		resolve: history,
	},
	trees: { args: { first: 'IntMax100', after: 'String', search: 'String' }, resolve: listTrees },
	nodes: { args: { treeIds: '[ID]', first: 'IntMax100', global: 'Boolean' }, resolve: listNodes },
};
const ROOTS = {
	query: { apiViewer: { args: {}, fields: API_VIEWER } },
	mutation: {
		addMemberTags: { args: { input: 'ModifyMemberTagsInput!' }, resolve: addMemberTags },
	},
};

const INPUT_TYPES = {
	TagFilter: { operator: 'TagOperator', tags: '[String]' },
	ModifyMemberTagsInput: { channel: 'String', externalId: 'String', tags: '[String]' },
};

/** A variable's value checked against its declared type, as a GraphQL server coerces it. */
function checkValue(value, type, where) {
	if (type.endsWith('!')) {
		if (value === undefined || value === null)
			refuse(`${where} of required type "${type}" was not provided.`);
		return checkValue(value, type.slice(0, -1), where);
	}
	if (value === undefined || value === null) return;
	const invalid = (why) => refuse(`${where} got invalid value ${JSON.stringify(value)}; ${why}`);
	if (type.startsWith('[')) {
		if (!Array.isArray(value)) invalid(`Expected type "${type}" to be a list.`);
		for (const [index, entry] of value.entries())
			checkValue(entry, type.slice(1, -1), `${where}[${index}]`);
		return;
	}
	if (type === 'IntMax100' && !(Number.isInteger(value) && value >= 0 && value <= 100))
		invalid('Expected type "IntMax100": a whole number from 0 to 100.');
	if (type === 'Long' && !Number.isInteger(value)) invalid('Expected type "Long".');
	if (type === 'Boolean' && typeof value !== 'boolean') invalid('Expected type "Boolean".');
	if (type === 'String' && typeof value !== 'string') invalid('Expected type "String".');
	if (type === 'ID' && typeof value !== 'string' && !Number.isInteger(value))
		invalid('Expected type "ID".');
	if (type === 'TagOperator' && !TAG_OPERATORS.includes(value))
		invalid(
			`the sandbox knows only the TagFilter operator IN (the only one WOZTELL's public material shows).`,
		);
	const fields = INPUT_TYPES[type];
	if (fields) {
		if (typeof value !== 'object' || Array.isArray(value))
			invalid(`Expected type "${type}" to be an object.`);
		for (const [name, entry] of Object.entries(value)) {
			if (!fields[name]) refuse(`${where}: Field "${name}" is not defined by type "${type}".`);
			checkValue(entry, fields[name], `${where}.${name}`);
		}
	}
}

/** Runs one parsed operation against the account; GraphQL's validation errors included. */
function execute(operation, variables, state) {
	const declared = new Map(operation.variables.map(({ name, type }) => [name, type]));
	const label = operation.name ? ` in operation "${operation.name}"` : '';

	function argumentsOf(selection, argumentTypes, parent) {
		const values = {};
		for (const [name, value] of Object.entries(selection.args)) {
			const expected = argumentTypes[name];
			if (!expected) refuse(`Unknown argument "${name}" on field "${parent}.${selection.name}".`);
			if (value.kind === 'Inline')
				refuse(
					`The sandbox reads no ${value.what} written into the document (argument "${name}" of "${selection.name}"): send it as a variable.`,
				);
			if (value.kind === 'Literal') {
				checkValue(value.value, expected, `Argument "${name}"`);
				values[name] = value.value;
				continue;
			}
			const type = declared.get(value.name);
			if (!type) refuse(`Variable "$${value.name}" is not defined${label}.`);
			const base = (text) => text.replace(/!$/, '');
			if (base(type) !== base(expected) || (expected.endsWith('!') && !type.endsWith('!')))
				refuse(
					`Variable "$${value.name}" of type "${type}" used in position expecting type "${expected}".`,
				);
			values[name] = variables[value.name];
		}
		return values;
	}

	function project(value, selections, parent) {
		if (value === undefined || value === null) return null;
		if (Array.isArray(value)) return value.map((entry) => project(entry, selections, parent));
		if (!selections || typeof value !== 'object') return value;
		const out = {};
		for (const selection of selections) {
			if (!(selection.name in value))
				refuse(`Cannot query field "${selection.name}" on type "${parent}".`);
			out[selection.alias] = project(value[selection.name], selection.selections, selection.name);
		}
		return out;
	}

	// As a server validates before it runs anything: every variable used, every value of its type.
	const usedIn = (selections) =>
		selections.flatMap(({ args, selections: inner }) => [
			...Object.values(args)
				.filter((value) => value.kind === 'Variable')
				.map((value) => value.name),
			...usedIn(inner ?? []),
		]);
	const usedAnywhere = new Set(usedIn(operation.selections));
	for (const name of declared.keys()) {
		if (!usedAnywhere.has(name)) refuse(`Variable "$${name}" is never used${label}.`);
	}
	for (const [name, type] of declared) checkValue(variables[name], type, `Variable "$${name}"`);

	const roots = ROOTS[operation.type];
	const data = {};
	for (const selection of operation.selections) {
		const root = roots[selection.name];
		if (!root) refuse(`Cannot query field "${selection.name}" on type "${operation.type}".`);
		const args = argumentsOf(selection, root.args, operation.type);
		if (root.fields) {
			const viewer = {};
			for (const field of selection.selections ?? []) {
				const spec = root.fields[field.name];
				if (!spec) refuse(`Cannot query field "${field.name}" on type "ApiViewer".`);
				const result = spec.resolve(state, argumentsOf(field, spec.args, 'ApiViewer'));
				viewer[field.alias] = project(result, field.selections, field.name);
			}
			data[selection.alias] = viewer;
		} else {
			data[selection.alias] = project(
				root.resolve(state, args),
				selection.selections,
				selection.name,
			);
		}
	}
	return data;
}

/** Past the calls allowed in this window: the refusal; otherwise the count goes up. */
function rateLimit(state, now) {
	const { ratePerWindow, windowMs, limitedStatus } = state.openApiBehaviour;
	if (!ratePerWindow) return { headers: {} };
	if (now - state.openApiWindow.start >= windowMs) state.openApiWindow = { start: now, count: 0 };
	const refused = state.openApiWindow.count >= ratePerWindow;
	if (!refused) state.openApiWindow.count++;
	const headers = {
		'X-RateLimit-Limit': String(ratePerWindow),
		'X-RateLimit-Remaining': String(ratePerWindow - state.openApiWindow.count),
	};
	if (!refused) return { headers };
	state.openApiRefusals++;
	const seconds = Math.max(1, Math.ceil((state.openApiWindow.start + windowMs - now) / 1000));
	return {
		status: limitedStatus,
		headers: { ...headers, 'Retry-After': String(seconds) },
		body: {
			data: null,
			errors: [{ message: `Too many requests: rate limit of ${ratePerWindow} calls reached` }],
		},
	};
}

function answerOpenApi(request, state) {
	const limited = rateLimit(state, request.receivedAt);
	const answer = (body) => ({ status: 200, headers: limited.headers, body });
	if (limited.status) return limited;
	if (request.headers.authorization !== `Bearer ${state.identity.openApiToken}`) {
		return answer({ data: null, errors: [{ message: 'User is not authenticated.' }] });
	}
	const query = String(request.body?.query ?? '');
	if (/environment\(envId:/.test(query)) return answer(signedContext(query, state));
	try {
		const operation = parseOperation(query);
		return answer({ data: execute(operation, request.body?.variables ?? {}, state) });
	} catch (error) {
		if (error instanceof GraphQlError)
			return answer({ data: null, errors: [{ message: error.message }] });
		throw error;
	}
}

/** { ratePerWindow?, windowMs?, limitedStatus? }: the Open API's rate limit; {} resets it. */
function openApiBehaviour(state, input = {}) {
	const behaviour = { ...DEFAULT_OPEN_API_BEHAVIOUR, ...input };
	for (const name of ['ratePerWindow', 'windowMs', 'limitedStatus']) {
		if (!Number.isInteger(behaviour[name]) || behaviour[name] < 0)
			fail(400, `${name} must be a whole number, 0 or more`);
	}
	state.openApiBehaviour = behaviour;
	state.openApiWindow = { start: 0, count: 0 };
	return { behaviour };
}

module.exports = { answerOpenApi, openApiBehaviour, DEFAULT_OPEN_API_BEHAVIOUR };
