/** Types of receiver.js, for the TypeScript tests. */
export interface Received {
	method: string;
	/** The path and query, as received. */
	url: string;
	raw: Buffer;
	headers: Record<string, string | string[] | undefined>;
}

export function startReceiver(
	handle: (received: Received) => Promise<{ status: number; body?: unknown; html?: string }>,
): Promise<{ origin: string; url: string; close(): Promise<void> }>;
