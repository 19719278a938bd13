/** Types of the JavaScript sandbox, for the TypeScript tests. */
export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | undefined>;
	body: unknown;
	api: 'public' | 'openApi' | 'bot';
	/** Date.now() when the request arrived. */
	receivedAt: number;
}

export interface Fault {
	status?: number;
	body?: unknown;
	raw?: string;
	headers?: Record<string, string>;
	delayMs?: number;
	drop?: boolean;
}

export interface Identity {
	accessToken: string;
	channelId: string;
	appId: string;
	appIntegrationId: string;
	appIntegrationSignature: string;
	environmentId: string;
	openApiToken: string;
	wabaId: string;
	phoneNumberId: string;
	botApiToken: string;
	channelSecret: string;
}

/** How the sandbox's Bot API misbehaves under load (routes/botApi.js); {} resets it. */
export interface BotApiBehaviour {
	/** Recipients (numbers or member IDs) refused for good, HTTP 400. */
	refuse?: string[];
	/** Accepted sends per clock second; past it HTTP 429 with Retry-After: 1. 0: no cap. */
	ratePerSecond?: number;
	/** Every Nth send answers failStatus (503 by default), nothing sent. 0: never. */
	failEvery?: number;
	failStatus?: number;
	/** Accepted, kept, then answered this late, for the recipients in slowFor (all when empty). */
	slowAnswerMs?: number;
	slowFor?: string[];
}

/** The sandbox's Open API rate limit (routes/openApi.js); {} resets it. */
export interface OpenApiBehaviour {
	/** Calls accepted per window; past it a refusal with Retry-After. 0: no limit. */
	ratePerWindow?: number;
	windowMs?: number;
	/** The HTTP status of a refused call: 200 (with errors[]) unless told otherwise. */
	limitedStatus?: number;
}

export type WebhookSample =
	| 'text'
	| 'buttonReply'
	| 'listReply'
	| 'location'
	| 'image'
	| 'imageAttachment'
	| 'contacts'
	| 'reaction'
	| 'quotedReply';

/** The sandbox's controls over what WhatsApp and Meta change on their side (routes/admin.js). */
export interface SandboxAdmin {
	botApiBehaviour(input: BotApiBehaviour): { behaviour: Required<BotApiBehaviour> };
	openApiBehaviour(input: OpenApiBehaviour): { behaviour: Required<OpenApiBehaviour> };
	reviewDelay(input: { ms: number }): void;
	template(input: {
		name: string;
		language?: string;
		status?: string;
		quality?: string;
		rejectedReason?: string;
	}): void;
	flow(input: { flowId: string; status: string }): void;
	phoneNumber(input: Record<string, string>): void;
	businessKey(input: { status: string }): void;
	/** POSTs a channel webhook event to a loopback URL, signed with the channel secret unless told. */
	deliverWebhook(input: {
		url: string;
		event?: Record<string, unknown>;
		/** A customer's message of this kind (routes/webhook.js SAMPLES); text by default. */
		sample?: WebhookSample;
		text?: string;
		/** Merged over the sample's `data`. */
		data?: Record<string, unknown>;
		/** Sent as the body instead of an event's JSON, signed all the same. */
		body?: string;
		signature?: 'valid' | 'forged' | 'none';
		/** Sends the previous delivery's bytes and signature again. */
		replay?: boolean;
	}): Promise<{ delivery: Delivery }>;
	/** The customer taps a reply button of the last message sent with buttons (routes/webhook.js). */
	tapButton(input: {
		url: string;
		title?: string;
		index?: number;
		/** Another WhatsApp number than the one the message went to. */
		from?: string;
		/** Replaces the button's ID: a forged tap. */
		payload?: string;
		signature?: 'valid' | 'forged' | 'none';
		replay?: boolean;
	}): Promise<{ delivery: Delivery }>;
	/** WOZTELL's outbound (MANUAL) event for the last message the Bot API sent. */
	echoLastSent(input: { url: string }): Promise<{ delivery: Delivery }>;
}

export interface Delivery {
	url: string;
	signature: string;
	status: number;
	body: string;
}

export interface Sandbox {
	baseUrl: string;
	openApiUrl: string;
	botApiUrl: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	state: Record<string, any> & { identity: Identity };
	requests: RecordedRequest[];
	admin: SandboxAdmin;
	failNext(...faults: Fault[]): void;
	reset(): void;
	close(): Promise<void>;
}

export function startSandbox(options?: {
	port?: number;
	host?: string;
	templateReviewMs?: number;
}): Promise<Sandbox>;
export const identity: Identity;
/** Where the sandbox answers the Open API (its path, after the origin). */
export const OPEN_API_PATH: string;
/** A loopback port nothing listens on. */
export function closedPort(): Promise<number>;
/** How many times each recipient (number or member ID) was sent something. */
export function sentCounts(state: Sandbox['state']): Map<string, number>;
/** One template language version as the sandbox keeps it, created a day ago unless told otherwise. */
export type TemplateVersion = Record<string, unknown> & {
	id: string;
	name: string;
	language: string;
	status: string;
};
export function templateVersion(
	name: string,
	language?: string,
	overrides?: Record<string, unknown>,
): TemplateVersion;
export function credentialData(
	baseUrl: string,
	overrides?: Record<string, string>,
): Record<string, string>;
