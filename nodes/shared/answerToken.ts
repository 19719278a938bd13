import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'crypto';

/**
 * The tokens of Message → Send and Wait for Approval. A reply button's ID carries everything the
 * Message Trigger needs to resume the waiting execution, sealed (AES-256-GCM) with a key derived
 * from the channel's secret, which the sending node's credential and the trigger's hold: n8n's
 * signed resume URL of that answer, who may tap, and when the wait ends. The trigger opens it,
 * checks the tap, and hands the waiting node the answer sealed the same way. Nothing is kept
 * between processes: a forged or altered ID does not open, and n8n resumes an execution once.
 */

/** What every answer button's ID starts with: how the Message Trigger tells an answer from a reply. */
export const ANSWER_ID_PREFIX = 'n8n-wait:';
/** WhatsApp Cloud API: a reply button's ID holds at most 256 characters. */
export const BUTTON_ID_MAX = 256;

const IV_BYTES = 12;
const TAG_BYTES = 16;
const QUESTION_ID_BYTES = 6;
const SIGNATURE_BYTES = 32;
/** What each sealed text is for: a button's ID cannot be passed off as an answer, nor the reverse. */
const BUTTON_PURPOSE = 'n8n-nodes-woztell-whatsapp-cloud answer button v1';
const TAP_PURPOSE = 'n8n-nodes-woztell-whatsapp-cloud answer tap v1';

export type Recipient = { recipientId: string } | { memberId: string };

/** One button of one question: the answer it gives, and what the trigger checks before giving it. */
export interface AnswerButton {
	approved: boolean;
	/** n8n's signed resume URL for this answer (`getSignedResumeUrl(answerUrlParameters(…))`). */
	resumeUrl: string;
	/** Tells this question from an earlier one of the same node in the same execution (a loop). */
	questionId: string;
	/** When the wait ends, in seconds since 1970; none when it waits without limit. */
	expiresAt?: number;
	/** Who the question went to. */
	recipient: Recipient;
	/** Whether a tap from another WhatsApp number counts too. */
	anyoneMayAnswer: boolean;
}

/** A tap the Message Trigger checked, as it hands it to the waiting node. */
export interface CheckedTap {
	approved: boolean;
	questionId: string;
	/** The WhatsApp number that tapped. */
	answeredBy: string | null;
	/** When WhatsApp says it was tapped (ISO). */
	answeredAt: string;
}

export const newQuestionId = () => randomBytes(QUESTION_ID_BYTES).toString('base64url');

/**
 * The query of an answer's resume URL, which n8n signs: the answer, the question, the end of the
 * wait. The trigger rebuilds the URL from a button's ID in this order.
 */
export function answerUrlParameters(
	answer: Pick<AnswerButton, 'approved' | 'questionId' | 'expiresAt'>,
): Record<string, string> {
	return {
		approved: String(answer.approved),
		q: answer.questionId,
		...(answer.expiresAt ? { exp: String(answer.expiresAt) } : {}),
	};
}

function keyOf(channelSecret: string): Buffer {
	return Buffer.from(
		hkdfSync('sha256', channelSecret, 'woztell-channel-secret', 'n8n send and wait', 32),
	);
}

function seal(channelSecret: string, purpose: string, plain: Buffer): string {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', keyOf(channelSecret), iv);
	cipher.setAAD(Buffer.from(purpose));
	const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
	return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

function open(channelSecret: string, purpose: string, text: string): Buffer | undefined {
	if (!channelSecret || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
	const raw = Buffer.from(text, 'base64url');
	if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
	try {
		const decipher = createDecipheriv(
			'aes-256-gcm',
			keyOf(channelSecret),
			raw.subarray(0, IV_BYTES),
		);
		decipher.setAAD(Buffer.from(purpose));
		decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
		return Buffer.concat([
			decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
			decipher.final(),
		]);
	} catch {
		return undefined;
	}
}

const FLAG_APPROVED = 1;
const FLAG_MEMBER = 2;
const FLAG_ANYONE = 4;
const FLAG_UUID_NODE = 8;
const FLAG_HEX_MEMBER = 16;
const FLAG_WAITING_PATH = 32;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** WOZTELL member IDs are 24 hexadecimal characters: 12 bytes. */
const HEX_MEMBER = /^[0-9a-f]{24}$/;
/** n8n's endpoint for waiting webhooks (N8N_ENDPOINT_WEBHOOK_WAIT), unless changed. */
const WAITING_PATH = '/webhook-waiting';

const short = (text: string) => {
	const bytes = Buffer.from(text);
	if (bytes.length > 255) throw new RangeError('too long for an answer button');
	return Buffer.concat([Buffer.from([bytes.length]), bytes]);
};

/** The parts of n8n's resume URL `<base>/<execution>/<node>?approved&q[&exp]&signature`. */
function partsOf(button: AnswerButton) {
	const url = new URL(button.resumeUrl);
	const signature = url.searchParams.get('signature') ?? '';
	const segments = url.pathname.split('/');
	const nodeId = decodeURIComponent(segments.pop() ?? '');
	const executionId = decodeURIComponent(segments.pop() ?? '');
	url.pathname = segments.join('/');
	url.search = '';
	const parts = { base: url.toString(), executionId, nodeId, signature };
	if (!/^[0-9a-f]{64}$/.test(signature) || resumeUrlOf(button, parts) !== button.resumeUrl)
		throw new RangeError('not a resume URL of this answer');
	return parts;
}

function resumeUrlOf(
	answer: Pick<AnswerButton, 'approved' | 'questionId' | 'expiresAt'>,
	parts: { base: string; executionId: string; nodeId: string; signature: string },
): string {
	const url = new URL(`${parts.base}/${parts.executionId}/${encodeURIComponent(parts.nodeId)}`);
	for (const [name, value] of Object.entries(answerUrlParameters(answer)))
		url.searchParams.set(name, value);
	url.searchParams.set('signature', parts.signature);
	return url.toString();
}

/**
 * A button's ID: the prefix, then the sealed answer. Packed to fit WhatsApp's 256 characters
 * (n8n's signature as bytes, a UUID node ID as 16 bytes); throws a RangeError when it does not.
 */
export function sealAnswerButton(channelSecret: string, button: AnswerButton): string {
	const { base, executionId, nodeId, signature } = partsOf(button);
	const isMember = 'memberId' in button.recipient;
	const recipient =
		'memberId' in button.recipient ? button.recipient.memberId : button.recipient.recipientId;
	const hexMember = isMember && HEX_MEMBER.test(recipient);
	const uuidNode = UUID.test(nodeId);
	const waitingPath = base.endsWith(WAITING_PATH);
	const head = Buffer.alloc(5);
	head.writeUInt8(
		(button.approved ? FLAG_APPROVED : 0) |
			(isMember ? FLAG_MEMBER : 0) |
			(button.anyoneMayAnswer ? FLAG_ANYONE : 0) |
			(uuidNode ? FLAG_UUID_NODE : 0) |
			(hexMember ? FLAG_HEX_MEMBER : 0) |
			(waitingPath ? FLAG_WAITING_PATH : 0),
	);
	head.writeUInt32BE(button.expiresAt ?? 0, 1);
	const questionId = Buffer.from(button.questionId, 'base64url');
	if (questionId.length !== QUESTION_ID_BYTES) throw new RangeError('not a question ID');
	const plain = Buffer.concat([
		head,
		questionId,
		Buffer.from(signature, 'hex'),
		uuidNode ? Buffer.from(nodeId.replace(/-/g, ''), 'hex') : short(nodeId),
		short(executionId),
		hexMember ? Buffer.from(recipient, 'hex') : short(recipient),
		Buffer.from(waitingPath ? base.slice(0, -WAITING_PATH.length) : base),
	]);
	const id = `${ANSWER_ID_PREFIX}${seal(channelSecret, BUTTON_PURPOSE, plain)}`;
	if (id.length > BUTTON_ID_MAX)
		throw new RangeError(`an answer button's ID would have ${id.length} characters`);
	return id;
}

export const isAnswerButtonId = (id: string) => id.startsWith(ANSWER_ID_PREFIX);

/** The button a tap names, when its ID was sealed with this channel secret and is intact. */
export function openAnswerButton(channelSecret: string, id: string): AnswerButton | undefined {
	if (!isAnswerButtonId(id)) return undefined;
	const plain = open(channelSecret, BUTTON_PURPOSE, id.slice(ANSWER_ID_PREFIX.length));
	if (!plain) return undefined;
	let at = 0;
	const take = (length: number) => plain.subarray(at, (at += length));
	const takeShort = () => take(plain[at++]).toString();
	const flags = take(1)[0];
	const expiresAt = take(4).readUInt32BE(0) || undefined;
	const questionId = take(QUESTION_ID_BYTES).toString('base64url');
	const signature = take(SIGNATURE_BYTES).toString('hex');
	const nodeId =
		flags & FLAG_UUID_NODE
			? take(16)
					.toString('hex')
					.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5')
			: takeShort();
	const executionId = takeShort();
	const recipientValue = flags & FLAG_HEX_MEMBER ? take(12).toString('hex') : takeShort();
	const base = `${plain.subarray(at).toString()}${flags & FLAG_WAITING_PATH ? WAITING_PATH : ''}`;
	const answer = { approved: Boolean(flags & FLAG_APPROVED), questionId, expiresAt };
	return {
		...answer,
		resumeUrl: resumeUrlOf(answer, { base, executionId, nodeId, signature }),
		recipient: flags & FLAG_MEMBER ? { memberId: recipientValue } : { recipientId: recipientValue },
		anyoneMayAnswer: Boolean(flags & FLAG_ANYONE),
	};
}

/** The trigger's checked tap, sealed for the waiting node: only a holder of the secret can say who tapped. */
export function sealTap(channelSecret: string, tap: CheckedTap): string {
	return seal(channelSecret, TAP_PURPOSE, Buffer.from(JSON.stringify(tap)));
}

export function openTap(channelSecret: string, sealed: unknown): CheckedTap | undefined {
	if (typeof sealed !== 'string') return undefined;
	const plain = open(channelSecret, TAP_PURPOSE, sealed);
	if (!plain) return undefined;
	const tap = JSON.parse(plain.toString()) as CheckedTap;
	return typeof tap.approved === 'boolean' && typeof tap.questionId === 'string' ? tap : undefined;
}
