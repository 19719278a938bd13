'use strict';
// The Flow APIs and the Business Encryption APIs. Flows move DRAFT → PUBLISHED → DEPRECATED, as on WhatsApp.
const { createPublicKey } = require('node:crypto');
const { fail, requireParameter, page } = require('../http');

const CATEGORIES = [
	'SIGN_UP',
	'SIGN_IN',
	'APPOINTMENT_BOOKING',
	'LEAD_GENERATION',
	'CONTACT_US',
	'CUSTOMER_SUPPORT',
	'SURVEY',
	'OTHER',
];
const FIRST_FLOW_ID = 885692686603466;
const PREVIEW_EXPIRES_AT = '2030-01-01T00:00:00+0000';

function newFlow(state, { name, categories, endpointUrl, json }) {
	const id = String(Math.max(FIRST_FLOW_ID - 1, ...state.flows.map((flow) => Number(flow.id))) + 1);
	const validation_errors = json ? validationErrorsOf(json) : [];
	const flow = {
		id,
		name,
		categories,
		status: 'DRAFT',
		endpoint_url: endpointUrl,
		json,
		validation_errors,
	};
	state.flows.push(flow);
	return flow;
}

function findFlow(state, flowId) {
	const flow = state.flows.find(({ id }) => id === String(flowId));
	if (!flow) fail(404, `Flow ${flowId} not found`);
	return flow;
}

function requireStatus(flow, status, action) {
	if (flow.status !== status)
		fail(400, `Flow ${flow.id} is ${flow.status}: only a ${status} flow can be ${action}`);
}

function checkCategories(categories) {
	if (!Array.isArray(categories) || categories.length === 0)
		fail(400, 'categories must be a non-empty array');
	const unknown = categories.filter((category) => !CATEGORIES.includes(category));
	if (unknown.length) fail(400, `Unknown categories: ${unknown.join(', ')}`);
}

function checkEndpointUrl(url) {
	if (url !== undefined && !/^https:\/\/\S+$/.test(url))
		fail(400, 'endpoint_url must be an https URL');
}

/** The sandbox's stand-in for WhatsApp's Flow JSON validation: every screen needs a layout. */
function validationErrorsOf(json) {
	return json.screens
		.map((screen, index) => ({ screen, index }))
		.filter(({ screen }) => !screen.layout)
		.map(({ screen, index }) => ({
			error: 'MISSING_REQUIRED_PROPERTY',
			error_type: 'FLOW_JSON_ERROR',
			message: `The required property "layout" is missing at "$root/screens/${index}" (screen ${screen.id}).`,
			pointers: [{ path: `screens[${index}]` }],
		}));
}

const previewOf = (flow) => ({
	preview_url: `https://business.facebook.com/wa/manage/flows/${flow.id}/preview/?token=sandbox-${flow.id}`,
	expires_at: PREVIEW_EXPIRES_AT,
});

const screensOf = (flow) =>
	(flow.json?.screens ?? []).map((screen) => ({
		id: screen.id,
		label: `${screen.title ?? screen.id} (${screen.id})`,
		data: JSON.stringify(screen.data ?? {}, null, 1),
		preview: previewOf(flow),
	}));

/** The reference's sample list entry: `"label": "TEST FLOW (DRAFT)", "value": "<id>", "status": "draft"`. */
const toListEntry = (flow) => ({
	label: `${flow.name} (${flow.status})`,
	value: flow.id,
	status: flow.status.toLowerCase(),
	assets: screensOf(flow),
	triggerMatchingObject: null,
});

function checkFlowJson(data) {
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		fail(400, 'data must be the Flow JSON object');
	if (typeof data.version !== 'string') fail(400, 'data.version is required');
	if (!Array.isArray(data.screens) || data.screens.length === 0)
		fail(400, 'data.screens must be a non-empty array');
}

/** Refuses what a well-formed request to these endpoints would never carry. */
function refuseUnknownFields(object, allowed, where) {
	const unknown = Object.keys(object ?? {}).filter((key) => !allowed.includes(key));
	if (unknown.length) fail(400, `Unknown fields in ${where}: ${unknown.join(', ')}`);
}

const flowRoutes = [
	{
		method: 'GET',
		path: '/flow',
		handle: ({ query }, state) => {
			requireParameter(query, 'limit');
			return page(state.flows.map(toListEntry), query, { sizeParameter: 'limit', maxSize: 100 });
		},
	},
	{
		method: 'GET',
		path: '/flow-detail',
		handle: ({ query }, state) => {
			const flow = findFlow(state, requireParameter(query, 'flowId'));
			return {
				id: flow.id,
				name: flow.name,
				categories: flow.categories,
				preview: previewOf(flow),
				status: flow.status,
				validation_errors: flow.validation_errors,
				json_version: flow.json?.version ?? null,
				whatsapp_business_account: {
					id: state.identity.wabaId,
					name: state.wabaInfo.name,
					currency: 'USD',
				},
				application: {
					link: 'https://platform.woztell.com/',
					name: 'Woztell',
					id: '689996742158814',
				},
			};
		},
	},
	{
		method: 'GET',
		path: '/flow-screen-payload',
		handle: ({ query }, state) => {
			const flow = findFlow(state, requireParameter(query, 'flowId'));
			const screens = screensOf(flow);
			if (!screens.length) fail(400, `Flow ${flow.id} has no Flow JSON yet`);
			const { id, label, data } = screens[0];
			return { payload: { id, label, data, screens } };
		},
	},
	{
		method: 'GET',
		path: '/flow-preview',
		handle: ({ query }, state) => ({
			data: previewOf(findFlow(state, requireParameter(query, 'flowId'))),
		}),
	},
	{
		method: 'PUT',
		path: '/create-flow',
		handle: ({ body }, state) => {
			refuseUnknownFields(body, ['data'], 'the body');
			const data = requireParameter(body, 'data');
			refuseUnknownFields(data, ['name', 'categories', 'clone_flow_id', 'endpoint_url'], 'data');
			const name = requireParameter(data, 'name');
			checkCategories(data.categories);
			checkEndpointUrl(data.endpoint_url);
			const source =
				data.clone_flow_id === undefined ? undefined : findFlow(state, data.clone_flow_id);
			const json = source?.json && structuredClone(source.json);
			const flow = newFlow(state, {
				name,
				categories: data.categories,
				endpointUrl: data.endpoint_url,
				json,
			});
			return { id: flow.id };
		},
	},
	{
		method: 'PATCH',
		path: '/flow-metadata',
		handle: ({ body }, state) => {
			refuseUnknownFields(body, ['flowId', 'data', 'endpoint_url'], 'the body');
			const flow = findFlow(state, requireParameter(body, 'flowId'));
			refuseUnknownFields(body.data, ['name', 'categories'], 'data');
			if (flow.status === 'DEPRECATED')
				fail(400, `Flow ${flow.id} is DEPRECATED and cannot be changed`);
			const { name, categories } = body.data ?? {};
			if (name === undefined && categories === undefined && body.endpoint_url === undefined) {
				fail(400, 'Nothing to update');
			}
			if (name !== undefined && !name) fail(400, 'name must not be empty');
			if (categories !== undefined) checkCategories(categories);
			checkEndpointUrl(body.endpoint_url);
			if (name !== undefined) flow.name = name;
			if (categories !== undefined) flow.categories = categories;
			if (body.endpoint_url !== undefined) flow.endpoint_url = body.endpoint_url;
			return { success: true };
		},
	},
	{
		method: 'PATCH',
		path: '/flow-json',
		handle: ({ body }, state) => {
			refuseUnknownFields(body, ['flowId', 'data'], 'the body');
			const flow = findFlow(state, requireParameter(body, 'flowId'));
			requireStatus(flow, 'DRAFT', 'changed');
			checkFlowJson(body.data);
			flow.json = body.data;
			flow.validation_errors = validationErrorsOf(body.data);
			return { success: true, validation_errors: flow.validation_errors };
		},
	},
	{
		method: 'DELETE',
		path: '/flow',
		handle: ({ body }, state) => {
			const flow = findFlow(state, requireParameter(body, 'flowId'));
			requireStatus(flow, 'DRAFT', 'deleted');
			state.flows.splice(state.flows.indexOf(flow), 1);
			return { success: true };
		},
	},
	{
		method: 'POST',
		path: '/publish-flow',
		handle: ({ body }, state) => {
			const flow = findFlow(state, requireParameter(body, 'flowId'));
			requireStatus(flow, 'DRAFT', 'published');
			if (!flow.json) fail(400, `Flow ${flow.id} has no Flow JSON to publish`);
			if (flow.validation_errors.length) {
				fail(
					400,
					`Flow ${flow.id} has ${flow.validation_errors.length} validation errors in its Flow JSON`,
				);
			}
			flow.status = 'PUBLISHED';
			return { success: true };
		},
	},
	{
		method: 'POST',
		path: '/deprecate-flow',
		handle: ({ body }, state) => {
			const flow = findFlow(state, requireParameter(body, 'flowId'));
			requireStatus(flow, 'PUBLISHED', 'deprecated');
			flow.status = 'DEPRECATED';
			return { success: true };
		},
	},
];

const businessEncryptionRoutes = [
	{
		method: 'GET',
		path: '/whatsapp-business-encryption',
		handle: (_request, state) => ({
			data: state.businessPublicKey
				? [
						{
							business_public_key: state.businessPublicKey,
							business_public_key_signature_status: state.businessKeyStatus,
						},
					]
				: [],
		}),
	},
	{
		method: 'POST',
		path: '/whatsapp-business-encryption',
		handle: ({ body }, state) => {
			const publicKey = requireParameter(body, 'publicKey');
			let key;
			try {
				key = createPublicKey(publicKey);
			} catch {
				fail(400, 'publicKey is not a PEM public key');
			}
			if (
				/PRIVATE/.test(publicKey) ||
				key.asymmetricKeyType !== 'rsa' ||
				key.asymmetricKeyDetails.modulusLength !== 2048
			) {
				fail(400, 'publicKey must be a 2048-bit RSA public key');
			}
			state.businessPublicKey = publicKey;
			return {};
		},
	},
];

// The reference: "The Payload & Signed context are required in the header" for all of them.
module.exports = [...flowRoutes, ...businessEncryptionRoutes].map((route) => ({
	...route,
	auth: ['signed'],
}));
