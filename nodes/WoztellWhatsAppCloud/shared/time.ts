/** Numbers below this are taken as seconds, above it as milliseconds (it is the year 5138 in seconds). */
const MILLISECONDS_FROM = 1e11;

/**
 * A moment in epoch milliseconds, from what a date field or an expression gives: an ISO date, a
 * Date or luxon DateTime, or a number of seconds or milliseconds. Undefined when it is none.
 */
export function toEpochMilliseconds(value: unknown): number | undefined {
	let milliseconds: number;
	if (
		typeof value === 'number' ||
		(typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()))
	) {
		const number = Number(value);
		milliseconds = number < MILLISECONDS_FROM ? number * 1000 : number;
	} else if (typeof value === 'string' && value.trim()) {
		milliseconds = Date.parse(value.trim());
	} else if (value instanceof Date) {
		milliseconds = value.getTime();
	} else if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
	) {
		milliseconds = (value as { toMillis: () => number }).toMillis();
	} else {
		return undefined;
	}
	return Number.isFinite(milliseconds) ? milliseconds : undefined;
}

/** The Public API wants UNIX seconds (the same values accepted). */
export function toUnixSeconds(value: unknown): number | undefined {
	const milliseconds = toEpochMilliseconds(value);
	return milliseconds === undefined ? undefined : Math.floor(milliseconds / 1000);
}
