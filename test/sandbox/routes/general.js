'use strict';
const { fail, requireParameter, parseJsonList, page } = require('../http');

const PROFILE_FIELDS = [
	'about',
	'address',
	'description',
	'email',
	'profile_picture_url',
	'websites',
	'vertical',
];
const MEDIA_TYPES = ['image', 'audio', 'video', 'file'];
const GRANULARITIES = { HALF_HOUR: 1800, DAILY: 86400, MONTHLY: 30 * 86400 };

function requirePhoneNumber(source, state) {
	const phoneNumberId = requireParameter(source, 'phoneNumberId');
	if (phoneNumberId !== state.identity.phoneNumberId)
		fail(404, `Phone number ${phoneNumberId} not found`);
}

function findCatalog(state, catalogId) {
	const catalog = state.catalogs.find(({ id }) => id === catalogId);
	if (!catalog) fail(404, `Catalog ${catalogId} not found`);
	return catalog;
}

function conversationAnalytics(query) {
	const from = Number(requireParameter(query, 'from'));
	const to = Number(requireParameter(query, 'to'));
	const granularity = requireParameter(query, 'granularity');
	if (!Number.isInteger(from) || !Number.isInteger(to))
		fail(400, 'from and to must be UNIX timestamps');
	if (from >= to) fail(400, 'from must be before to');
	if (!GRANULARITIES[granularity]) fail(400, `Invalid granularity ${granularity}`);
	const filters = {};
	for (const name of [
		'numbers',
		'metric_types',
		'conversation_types',
		'conversation_directions',
		'dimensions',
	]) {
		filters[name] = parseJsonList(query[name], name);
	}
	const step = GRANULARITIES[granularity];
	const points = [];
	for (let start = from; start < to && points.length < 500; start += step) {
		points.push({
			start,
			end: Math.min(start + step, to),
			conversation: 1 + (points.length % 3),
			phone_number: filters.numbers?.[0] ?? '85212345678',
			country: 'HK',
			conversation_type: filters.conversation_types?.[0] ?? 'REGULAR',
			conversation_direction: (
				filters.conversation_directions?.[0] ?? 'user_initiated'
			).toUpperCase(),
			cost: 0.05 * (points.length % 3),
		});
	}
	return { conversationAnalytics: { data_points: points } };
}

module.exports = [
	{
		method: 'GET',
		path: '/waba-info',
		auth: ['token'],
		handle: ({ query }, state) => {
			if (query.channelId) {
				if (query.channelId !== state.identity.channelId)
					fail(404, `Channel ${query.channelId} not found`);
			} else if (query.wabaId) {
				if (query.wabaId !== state.identity.wabaId) fail(404, `WABA ${query.wabaId} not found`);
			} else {
				fail(400, 'Either channelId or wabaId is required');
			}
			return { result: state.wabaInfo };
		},
	},
	{
		method: 'GET',
		path: '/whatsapp-displayname-status',
		auth: ['token', 'signed'],
		handle: ({ query }, state) => {
			requirePhoneNumber(query, state);
			return { data: state.displayNameStatus };
		},
	},
	{
		method: 'GET',
		path: '/whatsapp-business-profile',
		auth: ['token'],
		handle: ({ query }, state) => {
			requirePhoneNumber(query, state);
			return { data: state.businessProfile };
		},
	},
	{
		method: 'PATCH',
		path: '/whatsapp-business-profile',
		auth: ['token'],
		handle: ({ body }, state) => {
			requirePhoneNumber(body, state);
			const profile = requireParameter(body, 'profile');
			if (profile.messaging_product !== 'whatsapp') fail(400, 'messaging_product must be whatsapp');
			const unknown = Object.keys(profile).filter(
				(key) => key !== 'messaging_product' && !PROFILE_FIELDS.includes(key),
			);
			if (unknown.length) fail(400, `Unknown profile fields: ${unknown.join(', ')}`);
			if (profile.websites && (!Array.isArray(profile.websites) || profile.websites.length > 2)) {
				fail(400, 'websites must be an array of at most 2 URLs');
			}
			if (profile.about !== undefined && (profile.about.length < 1 || profile.about.length > 139)) {
				fail(400, 'about must have 1 to 139 characters');
			}
			Object.assign(state.businessProfile, profile);
			return {};
		},
	},
	{
		method: 'PUT',
		path: '/media-id',
		auth: ['token'],
		handle: ({ body }, state) => {
			requirePhoneNumber(body, state);
			const type = requireParameter(body, 'type');
			const url = requireParameter(body, 'url');
			if (!MEDIA_TYPES.includes(type)) fail(400, `type must be one of ${MEDIA_TYPES.join(', ')}`);
			if (!/^https?:\/\//.test(url)) fail(400, 'url must be a public http(s) link');
			const mediaId = String(5770270532993662 + state.media.length);
			state.media.push({ mediaId, type, url });
			return { mediaId, fileType: type };
		},
	},
	{
		method: 'GET',
		path: '/conversation-analytics',
		auth: ['signed'],
		handle: ({ query }) => conversationAnalytics(query),
	},
	{
		method: 'GET',
		path: '/catalogs',
		auth: ['signed'],
		handle: ({ query }, state) =>
			page(
				state.catalogs.map(({ id, name }) => ({ id, name })),
				query,
				{ sizeParameter: 'limit', defaultSize: 25 },
			),
	},
	{
		method: 'GET',
		path: '/products',
		auth: ['signed'],
		handle: ({ query }, state) =>
			page(findCatalog(state, requireParameter(query, 'catalogId')).products, query, {
				sizeParameter: 'limit',
				defaultSize: 25,
			}),
	},
];
