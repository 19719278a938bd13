'use strict';
// The sandbox's in-memory WOZTELL account. Identifiers are the reference's own sample values.
const { DEFAULT_BEHAVIOUR } = require('./routes/botApi');
const { DEFAULT_OPEN_API_BEHAVIOUR } = require('./routes/openApi');
const { openApiAccount } = require('./openApiAccount');

const identity = {
	accessToken: 'sandbox-access-token',
	channelId: '696327315430a1f98231dfde',
	appId: '699802d69a73fc555f1c6bc4',
	appIntegrationId: '696327325430a1cbd131dfdf',
	appIntegrationSignature: '1RJ7rKRTHbOBoY95AgtXF5WT2578gy9+b4ekBp727cQ=',
	environmentId: '7lQNjrXbDO',
	openApiToken: 'sandbox-open-api-token',
	wabaId: '422126422872292',
	phoneNumberId: '123124123232',
	botApiToken: 'sandbox-bot-api-token',
	channelSecret: 'sandbox-channel-secret',
};

function createState() {
	const products = Array.from({ length: 60 }, (_, index) => ({
		name: `Sandbox Product ${index + 1}`,
		price: `HK$${(index + 1) * 10}.00`,
		image_url: `https://example.com/products/${index + 1}.png`,
		retailer_id: `sku-${String(index + 1).padStart(3, '0')}`,
		id: `252339962195${String(81000 + index)}`,
	}));
	return {
		identity: { ...identity },
		wabaInfo: {
			waId: '85212345678',
			phoneNumberId: identity.phoneNumberId,
			wabaId: identity.wabaId,
			name: 'Sandbox Business',
			phoneNumber: '85212345678',
			phoneNumberCC: '852',
			formattedPhoneNumber: '+852 1234 5678',
			namespace: '2dwsa4_e24e_42f8_6b5a_110232ae4d5',
			embeddedSignup: true,
		},
		displayNameStatus: {
			account_mode: 'LIVE',
			verified_name: 'Sandbox Business',
			code_verification_status: 'VERIFIED',
			display_phone_number: '+852 1234 5678',
			quality_rating: 'GREEN',
			is_official_business_account: false,
			messaging_limit_tier: 'TIER_1K',
			id: identity.phoneNumberId,
		},
		businessProfile: {
			about: 'Hello from the sandbox',
			address: 'Sandbox Building',
			description: 'A business that only exists on 127.0.0.1',
			email: 'sandbox@woztell.test',
			profile_picture_url: 'https://example.com/logo.png',
			websites: ['https://woztell.com/'],
			vertical: 'PROF_SERVICES',
			messaging_product: 'whatsapp',
		},
		media: [],
		/** What the Bot API was asked to send, in order (routes/botApi.js). */
		sentResponses: [],
		sentCount: 0,
		/** Every send request that reached the Bot API's checks, refused or not. */
		sendAttempts: 0,
		/** How the Bot API misbehaves under load (routes/botApi.js), and its current second. */
		botApiBehaviour: { ...DEFAULT_BEHAVIOUR },
		sendWindow: { second: 0, accepted: 0 },
		/** Webhook events the sandbox delivered (routes/webhook.js), with the receiver's answer. */
		webhookDeliveries: [],
		catalogs: [
			{ id: '1234577510532066', name: 'test_products', products },
			{ id: '1234577510532067', name: 'empty_catalog', products: [] },
		],
		templates: [],
		flows: [],
		/** Members, conversations, chatbot trees and redirects (openApiAccount.js). */
		...openApiAccount(identity.channelId, '85212345678'),
		/** The Open API's rate limit (routes/openApi.js), its current window and its refusals. */
		openApiBehaviour: { ...DEFAULT_OPEN_API_BEHAVIOUR },
		openApiWindow: { start: 0, count: 0 },
		openApiRefusals: 0,
		businessPublicKey: undefined,
		businessKeyStatus: 'VALID',
		templateReviewMs: 0,
	};
}

const DAY_MS = 24 * 60 * 60 * 1000;
let templateVersions = 0;

/** One template language version as the sandbox keeps it, created a day ago unless told otherwise. */
function templateVersion(name, language = 'en_US', overrides = {}) {
	templateVersions += 1;
	return {
		id: String(1748340935544000 + templateVersions),
		name,
		language,
		category: 'UTILITY',
		status: 'APPROVED',
		rejected_reason: 'NONE',
		quality_score: 'GREEN',
		components: [{ type: 'BODY', text: `${name} in ${language}` }],
		createdAt: Date.now() - DAY_MS + templateVersions,
		editedAt: [],
		...overrides,
	};
}

/** The Bot API's address beside a sandbox's Public API address (server.js: BOT_API_PATH). */
const botApiUrlOf = (baseUrl) => baseUrl.replace(/\/v1\.2\/api$/, '/bot-api');
/** The Open API's address beside it (server.js: OPEN_API_PATH). */
const openApiUrlOf = (baseUrl) => baseUrl.replace(/\/v1\.2\/api$/, '/open-api/v3');

/** What a "WOZTELL WhatsApp Cloud API" credential holds to reach a sandbox, signed context typed in. */
function credentialData(baseUrl, overrides = {}) {
	return {
		baseUrl,
		botApiUrl: botApiUrlOf(baseUrl),
		botApiToken: identity.botApiToken,
		openApiToken: identity.openApiToken,
		openApiUrl: openApiUrlOf(baseUrl),
		channelSecret: identity.channelSecret,
		accessToken: identity.accessToken,
		channelId: identity.channelId,
		signedContextSource: 'manual',
		appId: identity.appId,
		appIntegrationId: identity.appIntegrationId,
		appIntegrationSignature: identity.appIntegrationSignature,
		...overrides,
	};
}

module.exports = { identity, createState, credentialData, templateVersion };
