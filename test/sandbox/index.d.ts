/** Types of the JavaScript sandbox, for the TypeScript tests. */
export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | undefined>;
	body: unknown;
	api: 'public' | 'openApi';
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
}

export interface Sandbox {
	baseUrl: string;
	openApiUrl: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	state: Record<string, any> & { identity: Identity };
	requests: RecordedRequest[];
	failNext(...faults: Fault[]): void;
	reset(): void;
	close(): Promise<void>;
}

export function startSandbox(options?: { port?: number; host?: string }): Promise<Sandbox>;
export const identity: Identity;
export function credentialData(baseUrl: string, overrides?: Record<string, string>): Record<string, string>;
