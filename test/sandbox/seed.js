'use strict';
// Realistic content for the sandbox a person explores (`npm run dev`, the browser suite): message
// templates in several statuses, categories and languages (one rejected with a reason) and flows
// in every status. The catalogs and their products are in every sandbox (state.js). Tests that
// need an empty account start the sandbox without this.

const DAY_MS = 24 * 60 * 60 * 1000;

const body = (text, example) => ({
	type: 'BODY',
	text,
	...(example ? { example: { body_text: [example] } } : {}),
});

const TEMPLATES = [
	{
		name: 'order_update',
		language: 'en_US',
		category: 'UTILITY',
		status: 'APPROVED',
		quality_score: 'GREEN',
		components: [
			{ type: 'HEADER', format: 'TEXT', text: 'Order update' },
			body('Hi {{1}}, your order {{2}} has shipped.', ['Ada', '#1042']),
			{ type: 'FOOTER', text: 'Reply STOP to opt out' },
		],
	},
	{
		name: 'order_update',
		language: 'zh_HK',
		category: 'UTILITY',
		status: 'APPROVED',
		quality_score: 'GREEN',
		components: [body('{{1}} 你好，你的訂單 {{2}} 已寄出。', ['陳小姐', '#1042'])],
	},
	{
		name: 'spring_sale',
		language: 'en_US',
		category: 'MARKETING',
		status: 'APPROVED',
		quality_score: 'YELLOW',
		components: [
			body('Spring sale: {{1}} off everything until Sunday.', ['20%']),
			{
				type: 'BUTTONS',
				buttons: [{ type: 'URL', text: 'Shop now', url: 'https://example.com/sale' }],
			},
		],
	},
	{
		name: 'appointment_reminder',
		language: 'en_GB',
		category: 'UTILITY',
		status: 'PENDING',
		quality_score: 'UNKNOWN',
		components: [body('Reminder: your appointment is on {{1}}.', ['Monday 10:00'])],
	},
	{
		name: 'verification_code',
		language: 'en_US',
		category: 'AUTHENTICATION',
		status: 'APPROVED',
		quality_score: 'GREEN',
		components: [body('{{1}} is your verification code.', ['482913'])],
	},
	{
		name: 'free_gift_reject',
		language: 'en_US',
		category: 'MARKETING',
		status: 'REJECTED',
		rejected_reason: 'PROMOTIONAL',
		quality_score: 'UNKNOWN',
		components: [body('Claim your FREE gift now!!!')],
	},
	{
		name: 'winter_promo',
		language: 'es_ES',
		category: 'MARKETING',
		status: 'PAUSED',
		quality_score: 'RED',
		components: [body('Rebajas de invierno: {{1}} de descuento.', ['30%'])],
	},
];

const screen = (id, title, terminal) => ({
	id,
	title,
	...(terminal ? { terminal: true } : {}),
	layout: { type: 'SingleColumnLayout', children: [{ type: 'TextBody', text: title }] },
});
const flowJson = {
	version: '6.0',
	screens: [screen('WELCOME', 'Welcome'), screen('DONE', 'Thanks', true)],
};

const FLOWS = [
	{ name: 'Lead capture', categories: ['LEAD_GENERATION'], status: 'DRAFT', json: flowJson },
	{
		name: 'Appointment booking',
		categories: ['APPOINTMENT_BOOKING'],
		status: 'PUBLISHED',
		json: flowJson,
	},
	{ name: 'Customer survey 2025', categories: ['SURVEY'], status: 'DEPRECATED', json: flowJson },
	{ name: 'Sign up', categories: ['SIGN_UP'], status: 'BLOCKED', json: flowJson },
	{ name: 'Contact us', categories: ['CONTACT_US'], status: 'THROTTLED', json: flowJson },
];

/** Fills a fresh sandbox state (createState()) with the templates and flows above. */
function seed(state, now = Date.now()) {
	state.templates.push(
		...TEMPLATES.map((template, index) => ({
			id: String(516723536625000 + index),
			rejected_reason: 'NONE',
			...template,
			createdAt: now - (TEMPLATES.length - index) * DAY_MS,
			editedAt: [],
		})),
	);
	state.flows.push(
		...FLOWS.map((flow, index) => ({
			id: String(885692686603000 + index),
			endpoint_url: undefined,
			validation_errors: [],
			...flow,
			json: structuredClone(flow.json),
		})),
	);
	return state;
}

module.exports = { seed, TEMPLATES, FLOWS };
