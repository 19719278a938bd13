import type { IDataObject } from 'n8n-workflow';

/** WhatsApp refuses a Flow JSON larger than 10 MB. */
export const FLOW_JSON_MAX_BYTES = 10 * 1024 * 1024;

export type FlowJsonCheck =
	| { flowJson: IDataObject; problem?: undefined }
	| { flowJson?: undefined; problem: string };

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function sizeProblem(text: string): string | undefined {
	const bytes = Buffer.byteLength(text, 'utf8');
	if (bytes <= FLOW_JSON_MAX_BYTES) return undefined;
	return `is ${(bytes / 1024 / 1024).toFixed(1)} MB; WhatsApp takes at most 10 MB`;
}

function structureProblem(flowJson: IDataObject): string | undefined {
	const { version, screens } = flowJson;
	if (version === undefined) return 'has no "version", e.g. "version": "3.1"';
	if (typeof version !== 'string' || !version.trim()) return '"version" must be text, e.g. "3.1"';
	if (!Array.isArray(screens)) return 'has no "screens" list';
	if (screens.length === 0) return '"screens" is empty: a flow needs at least one screen';
	for (const [index, screen] of screens.entries()) {
		if (!isObject(screen)) return `screens[${index}] is not an object`;
		if (typeof screen.id !== 'string' || !screen.id.trim()) return `screens[${index}] has no "id"`;
	}
	if (!screens.some((screen) => (screen as IDataObject).terminal === true)) {
		return 'has no terminal screen: give the screen that ends the flow "terminal": true';
	}
	return undefined;
}

/**
 * Reads a Flow JSON given as text or as an object and checks what WhatsApp requires of every
 * flow, so that the error names the problem instead of the whole document being refused.
 */
export function checkFlowJson(value: unknown): FlowJsonCheck {
	let flowJson: unknown = value;
	if (typeof value === 'string') {
		if (!value.trim()) return { problem: 'is empty' };
		const tooLarge = sizeProblem(value);
		if (tooLarge) return { problem: tooLarge };
		try {
			flowJson = JSON.parse(value);
		} catch (error) {
			return { problem: `is not valid JSON: ${(error as Error).message}` };
		}
	} else if (isObject(value)) {
		const tooLarge = sizeProblem(JSON.stringify(value));
		if (tooLarge) return { problem: tooLarge };
	}
	if (!isObject(flowJson)) return { problem: 'must be a JSON object with "version" and "screens"' };
	const problem = structureProblem(flowJson);
	return problem ? { problem } : { flowJson };
}
