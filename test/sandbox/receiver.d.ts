/** Types of receiver.js, for the TypeScript tests. */
export interface Received {
	raw: Buffer;
	headers: Record<string, string | string[] | undefined>;
}

export function startReceiver(
	handle: (received: Received) => Promise<{ status: number; body?: unknown }>,
): Promise<{ url: string; close(): Promise<void> }>;
