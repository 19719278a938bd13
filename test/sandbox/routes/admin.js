'use strict';
// The sandbox's own controls, outside WOZTELL's contract: what WhatsApp and Meta change on their
// side (reviews, quality, tiers, blocked flows, key status), so that the trigger can be tried
// and tested. Tests call `sandbox.admin.*`; a person can POST JSON to /sandbox/<name>.
const { fail, requireParameter } = require('../http');
const { deliverWebhook, echoLastSent, tapButton } = require('./webhook');
const { botApiBehaviour } = require('./botApi');
const { openApiBehaviour } = require('./openApi');

const REJECTED_REASON = 'INVALID_FORMAT';

/**
 * Meta's review, simulated: a created template is PENDING until its review is due, then
 * APPROVED, or REJECTED when its name contains "reject". Settled before every request.
 */
function settleReviews(state, now = Date.now()) {
	for (const version of state.templates) {
		if (version.status !== 'PENDING' || version.reviewAt === undefined || version.reviewAt > now)
			continue;
		const rejected = version.name.includes('reject');
		version.status = rejected ? 'REJECTED' : 'APPROVED';
		version.rejected_reason = rejected ? REJECTED_REASON : 'NONE';
		delete version.reviewAt;
	}
}

function templateVersions(state, { name, language }) {
	requireParameter({ name }, 'name');
	const versions = state.templates.filter(
		(version) => version.name === name && (!language || version.language === language),
	);
	if (!versions.length)
		fail(404, `Message template ${name}${language ? ` in ${language}` : ''} not found`);
	return versions;
}

const admin = {
	/** { ms }: how long a created template stays PENDING. */
	reviewDelay(state, { ms }) {
		if (!Number.isInteger(ms) || ms < 0) fail(400, 'ms must be a whole number of milliseconds');
		state.templateReviewMs = ms;
	},
	/** { name, language?, status?, quality?, rejectedReason? } */
	template(state, { name, language, status, quality, rejectedReason }) {
		for (const version of templateVersions(state, { name, language })) {
			if (status !== undefined) {
				version.status = status;
				delete version.reviewAt;
			}
			if (quality !== undefined) version.quality_score = quality;
			if (rejectedReason !== undefined) version.rejected_reason = rejectedReason;
		}
	},
	/** { flowId, status } */
	flow(state, { flowId, status }) {
		const flow = state.flows.find(({ id }) => id === String(flowId));
		if (!flow) fail(404, `Flow ${flowId} not found`);
		flow.status = requireParameter({ status }, 'status');
	},
	/** Fields of GET /whatsapp-displayname-status, e.g. { quality_rating: 'RED' }. */
	phoneNumber(state, fields) {
		Object.assign(state.displayNameStatus, fields);
	},
	/** { status }: the business public key's signature status. */
	businessKey(state, { status }) {
		state.businessKeyStatus = requireParameter({ status }, 'status');
	},
	deliverWebhook,
	tapButton,
	echoLastSent,
	botApiBehaviour,
	openApiBehaviour,
};

module.exports = { admin, settleReviews };
