/**
 * Tags as a list: a list as given, or a text split at commas (WOZTELL's own n8n package splits
 * its Tags field at "," and the full-width "，"). Each tag is trimmed; empty ones and repeats go.
 */
export function tagsOf(value: unknown): string[] {
	const entries = Array.isArray(value)
		? value.map((entry) => String(entry ?? ''))
		: typeof value === 'string'
			? value.split(/[,，]/)
			: [];
	return [...new Set(entries.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

export const TAGS_HINT =
	'Comma-separated, e.g. refund, vip; an expression may also give a list. Text is sent as it is: quotes, braces and line breaks included.';
