'use strict';
// Message Template APIs. State keeps one record per language version (each has its own ID, as
// the reference says); the list groups them by name, like the reference's sample answer.
const { fail, requireParameter, parseJsonList, page } = require('../http');

/** The reference: `status` "defaults to: ["APPROVED"]["PENDING"]["REJECTED"]["PENDING_DELETION"]["DELETED"]". */
const DEFAULT_STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PENDING_DELETION', 'DELETED'];
/** WhatsApp's other template statuses: listed only when asked for. */
const STATUSES = [
	...DEFAULT_STATUSES,
	'PAUSED',
	'DISABLED',
	'IN_APPEAL',
	'LIMIT_EXCEEDED',
	'ARCHIVED',
];
const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION', 'TRANSACTIONAL', 'OTP'];
const NAME = /^[a-z0-9_]{1,512}$/;
const HOUR_MS = 60 * 60 * 1000;
const CREATIONS_PER_HOUR = 100;
const EDIT_WINDOW_MS = 24 * HOUR_MS;
const EDITS_PER_30_DAYS = 10;

function requireWaba(source, state) {
	const wabaId = requireParameter(source, 'wabaId');
	if (wabaId !== state.identity.wabaId) fail(404, `WABA ${wabaId} not found`);
}

/** The reference shows `category` values as JSON arrays (["MARKETING"]); a plain value is taken too. */
function parseListOrValue(value, name) {
	if (value === undefined) return undefined;
	return String(value).trim().startsWith('[') ? parseJsonList(value, name) : [value];
}

const textsOf = (version) =>
	version.components.flatMap((component) => [
		component.text,
		...(component.buttons ?? []).map(({ text }) => text),
	]);

function contains(haystack, needle) {
	return (
		typeof haystack === 'string' && haystack.toLowerCase().includes(String(needle).toLowerCase())
	);
}

function checkStatuses(query) {
	const unknown = (parseJsonList(query.status, 'status') ?? []).filter(
		(status) => !STATUSES.includes(status),
	);
	if (unknown.length) fail(400, `Unknown template status ${unknown.join(', ')}`);
}

function matchesFilters(version, query) {
	const statuses = parseJsonList(query.status, 'status') ?? DEFAULT_STATUSES;
	const categories = parseListOrValue(query.category, 'category');
	const languages = parseJsonList(query.language, 'language');
	const contentMatches = (needle) => textsOf(version).some((text) => contains(text, needle));
	return (
		statuses.includes(version.status) &&
		(!categories || categories.includes(version.category)) &&
		(!query.quality_score || version.quality_score === query.quality_score) &&
		(!languages || languages.includes(version.language)) &&
		(query.name === undefined || contains(version.name, query.name)) &&
		(query.content === undefined || contentMatches(query.content)) &&
		(query.name_or_content === undefined ||
			contains(version.name, query.name_or_content) ||
			contentMatches(query.name_or_content))
	);
}

/** "GET /whatsapp-message-templates will only return the ID of the most recent language." */
function groupByName(versions) {
	const groups = new Map();
	for (const version of versions) {
		const group = groups.get(version.name) ?? [];
		group.push(version);
		groups.set(version.name, group);
	}
	return [...groups.values()].map((group) => {
		const mostRecent = group.reduce((latest, version) =>
			version.createdAt >= latest.createdAt ? version : latest,
		);
		return {
			id: mostRecent.id,
			name: mostRecent.name,
			category: mostRecent.category,
			languages: group.map(({ language }) => language),
			statuses: group.map(({ language, status }) => ({ language, status })),
			templates: group.map(({ language, status, rejected_reason, components, quality_score }) => ({
				language,
				status,
				rejected_reason,
				components,
				quality_score: { score: quality_score },
			})),
		};
	});
}

function requireComponents(body) {
	const components = requireParameter(body, 'components');
	if (!Array.isArray(components) || !components.some((component) => component?.type === 'BODY')) {
		fail(400, 'components must be an array with a BODY component');
	}
	return components;
}

function nextId(state) {
	state.templateIdSeed = (state.templateIdSeed ?? 516723536625510) + 1;
	return String(state.templateIdSeed);
}

module.exports = [
	{
		method: 'GET',
		path: '/whatsapp-message-templates',
		auth: ['token'],
		handle: ({ query }, state) => {
			requireWaba(query, state);
			requireParameter(query, 'first');
			checkStatuses(query);
			const groups = groupByName(
				state.templates.filter((version) => matchesFilters(version, query)),
			);
			return page(groups, query, { sizeParameter: 'first', maxSize: 100 });
		},
	},
	{
		method: 'PUT',
		path: '/whatsapp-message-template',
		auth: ['token'],
		handle: ({ body }, state) => {
			requireWaba(body, state);
			const name = requireParameter(body, 'name');
			const language = requireParameter(body, 'language');
			const category = requireParameter(body, 'category');
			const components = requireComponents(body);
			if (!NAME.test(name))
				fail(400, 'name may only hold lowercase letters, digits and underscores');
			if (!CATEGORIES.includes(category)) fail(400, `Invalid category ${category}`);
			if (
				state.templates.some((version) => version.name === name && version.language === language)
			) {
				fail(400, `Template ${name} already exists in ${language}`);
			}
			const now = Date.now();
			const createdLastHour = state.templates.filter(
				(version) => now - version.createdAt < HOUR_MS,
			).length;
			if (createdLastHour >= (state.templateCreationsPerHour ?? CREATIONS_PER_HOUR))
				fail(429, 'At most 100 message templates can be created per hour');
			const version = {
				id: nextId(state),
				name,
				language,
				category,
				// Meta's review, simulated: settled by routes/admin.js once it is due.
				status: 'PENDING',
				reviewAt: now + (state.templateReviewMs ?? 0),
				rejected_reason: 'NONE',
				quality_score: 'UNKNOWN',
				components,
				createdAt: now,
				editedAt: [],
			};
			state.templates.push(version);
			return { id: version.id, language };
		},
	},
	{
		method: 'PATCH',
		path: '/whatsapp-message-template',
		auth: ['token'],
		handle: ({ body }, state) => {
			requireWaba(body, state);
			const id = requireParameter(body, 'messageTemplateId');
			const name = requireParameter(body, 'messageTemplateName');
			const language = requireParameter(body, 'messageTemplateLanguage');
			const components = requireComponents(body);
			const version = state.templates.find((candidate) => candidate.id === id);
			if (!version) fail(404, `Message template ${id} not found`);
			if (version.name !== name || version.language !== language) {
				fail(
					400,
					`Message template ${id} is ${version.name} in ${version.language}, not ${name} in ${language}`,
				);
			}
			const now = Date.now();
			const edits = (version.editedAt ?? []).filter((at) => now - at < 30 * 24 * HOUR_MS);
			// The reference: "can only be edited once in a 24 hour window, and up to 10 times in a 30 day
			// window". Refused with HTTP 200 and ok: 0, the answer the node must not take for success.
			if (edits.some((at) => now - at < EDIT_WINDOW_MS)) {
				fail(200, 'A message template can only be edited once in a 24 hour window');
			}
			if (edits.length >= EDITS_PER_30_DAYS)
				fail(200, 'A message template can only be edited 10 times in 30 days');
			version.components = components;
			version.editedAt = [...edits, now];
			return { success: true };
		},
	},
	{
		method: 'DELETE',
		path: '/whatsapp-message-template',
		auth: ['token'],
		handle: ({ body }, state) => {
			requireWaba(body, state);
			const name = requireParameter(body, 'name');
			const remaining = state.templates.filter((version) => version.name !== name);
			if (remaining.length === state.templates.length)
				fail(404, `Message template ${name} not found`);
			state.templates = remaining;
			return { success: true };
		},
	},
];
