import { generateUrlSignature, prepareUrlForSigning } from 'n8n-core';
import {
	answerUrlParameters,
	BUTTON_ID_MAX,
	isAnswerButtonId,
	newQuestionId,
	openAnswerButton,
	openTap,
	sealAnswerButton,
	sealTap,
	type AnswerButton,
} from '../../nodes/shared/answerToken';

const CHANNEL = 'the-channel-webhook-signing-value';
const N8N_INSTANCE = 'the-n8n-instance-signing-value';

/** What n8n-core's getSignedResumeUrl builds: `<base>/<execution>/<node>?…&signature=<hmac>`. */
function signedResumeUrl(
	base: string,
	executionId: string,
	nodeId: string,
	parameters: Record<string, string>,
) {
	const url = new URL(`${base}/${executionId}/${encodeURIComponent(nodeId)}`);
	for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
	url.searchParams.set('signature', generateUrlSignature(prepareUrlForSigning(url), N8N_INSTANCE));
	return url.toString();
}

function button(
	overrides: Partial<AnswerButton> = {},
	base = 'https://n8n.example.com/webhook-waiting',
) {
	const answer = {
		approved: true,
		questionId: newQuestionId(),
		expiresAt: 1893456000,
		...overrides,
	};
	return {
		recipient: { recipientId: '85291234567' },
		anyoneMayAnswer: false,
		...answer,
		resumeUrl: signedResumeUrl(
			base,
			'10342',
			'0f2b3c4d-1111-4222-8333-444455556666',
			answerUrlParameters(answer),
		),
		...(overrides.resumeUrl ? { resumeUrl: overrides.resumeUrl } : {}),
	} as AnswerButton;
}

describe('answer buttons', () => {
	it('give back, opened with the same secret, the answer, its signed resume URL and who may tap', () => {
		for (const original of [
			button(),
			button({ approved: false, expiresAt: undefined, anyoneMayAnswer: true }),
			button({ recipient: { memberId: '5ece50f3bf385b25c4e08db5' } }),
		]) {
			const id = sealAnswerButton(CHANNEL, original);
			expect(isAnswerButtonId(id)).toBe(true);
			expect(openAnswerButton(CHANNEL, id)).toEqual(original);
		}
	});

	it('keep n8n’s signature valid: the resume URL rebuilt from the ID is the one n8n signed', () => {
		const original = button();
		const opened = openAnswerButton(CHANNEL, sealAnswerButton(CHANNEL, original))!;
		const url = new URL(opened.resumeUrl);
		const signature = url.searchParams.get('signature');
		expect(signature).toBe(generateUrlSignature(prepareUrlForSigning(url), N8N_INSTANCE));
		expect(url.search).toBe(
			`?approved=true&q=${original.questionId}&exp=1893456000&signature=${signature}`,
		);
	});

	it('take node IDs that are not UUIDs, member IDs of any form, n8n behind a path prefix or with another waiting endpoint', () => {
		for (const base of [
			'https://example.com/automation/webhook-waiting',
			'http://localhost:5678/custom-wait',
		]) {
			const answer = { approved: true, questionId: newQuestionId() };
			const resumeUrl = signedResumeUrl(base, '7', 'Send and Wait', answerUrlParameters(answer));
			const original = button({
				...answer,
				expiresAt: undefined,
				resumeUrl,
				recipient: { memberId: 'Member-1' },
			});
			expect(openAnswerButton(CHANNEL, sealAnswerButton(CHANNEL, original))).toEqual(original);
		}
	});

	it('fit WhatsApp’s 256 characters with a 74-character WEBHOOK_URL, and refuse what does not fit', () => {
		const webhookUrl = `https://${'n'.repeat(53)}.example.com/`;
		expect(webhookUrl).toHaveLength(74);
		const fits = (base: string, recipient: AnswerButton['recipient']) => {
			const answer = { approved: true, questionId: newQuestionId(), expiresAt: 1893456000 };
			const resumeUrl = signedResumeUrl(
				base,
				'1234567',
				'0f2b3c4d-1111-4222-8333-444455556666',
				answerUrlParameters(answer),
			);
			return sealAnswerButton(CHANNEL, button({ ...answer, resumeUrl, recipient })).length;
		};
		for (const recipient of [
			{ recipientId: '852912345678901' },
			{ memberId: '5ece50f3bf385b25c4e08db5' },
		])
			expect(fits(`${webhookUrl}webhook-waiting`, recipient)).toBeLessThanOrEqual(BUTTON_ID_MAX);
		const longer = `https://${'n'.repeat(70)}.example.com/webhook-waiting`;
		expect(() => fits(longer, { recipientId: '852912345678901' })).toThrow(
			/an answer button's ID would have \d+ characters/,
		);
	});

	it('refuse a resume URL that is not the one of this answer', () => {
		const original = button();
		expect(() => sealAnswerButton(CHANNEL, { ...original, approved: false })).toThrow(RangeError);
		expect(() =>
			sealAnswerButton(CHANNEL, {
				...original,
				resumeUrl: original.resumeUrl.replace(/signature=.*/, ''),
			}),
		).toThrow(RangeError);
	});

	it('do not open with another secret, altered, cut, or without the prefix', () => {
		const id = sealAnswerButton(CHANNEL, button());
		expect(openAnswerButton('another secret', id)).toBeUndefined();
		expect(openAnswerButton('', id)).toBeUndefined();
		const body = id.slice('n8n-wait:'.length);
		const flipped = `${body.slice(0, 20)}${body[20] === 'A' ? 'B' : 'A'}${body.slice(21)}`;
		expect(openAnswerButton(CHANNEL, `n8n-wait:${flipped}`)).toBeUndefined();
		expect(openAnswerButton(CHANNEL, id.slice(0, -4))).toBeUndefined();
		expect(openAnswerButton(CHANNEL, body)).toBeUndefined();
		expect(openAnswerButton(CHANNEL, 'n8n-wait:not base64!')).toBeUndefined();
		expect(openAnswerButton(CHANNEL, 'n8n-wait:')).toBeUndefined();
	});

	it('are new for every question: two buttons of the same answer do not share an ID', () => {
		const original = button();
		expect(sealAnswerButton(CHANNEL, original)).not.toBe(sealAnswerButton(CHANNEL, original));
	});
});

describe('checked taps', () => {
	const tap = {
		approved: false,
		questionId: newQuestionId(),
		answeredBy: '85291234567',
		answeredAt: '2026-12-04T12:00:00.000Z',
	};

	it('open with the same secret only', () => {
		const sealed = sealTap(CHANNEL, tap);
		expect(openTap(CHANNEL, sealed)).toEqual(tap);
		expect(openTap('another secret', sealed)).toBeUndefined();
		expect(openTap(CHANNEL, undefined)).toBeUndefined();
		expect(openTap(CHANNEL, { answer: sealed })).toBeUndefined();
	});

	it('cannot be passed off as a button, nor a button as a tap', () => {
		const id = sealAnswerButton(CHANNEL, button());
		expect(openTap(CHANNEL, id.slice('n8n-wait:'.length))).toBeUndefined();
		expect(openAnswerButton(CHANNEL, `n8n-wait:${sealTap(CHANNEL, tap)}`)).toBeUndefined();
	});
});
