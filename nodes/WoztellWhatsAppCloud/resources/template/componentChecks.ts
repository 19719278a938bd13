import type { IDataObject } from 'n8n-workflow';
import { httpUrl, maxLength, type Check, type FieldRule } from '../../shared/validate';

/**
 * WhatsApp's rules for template names and components, checked before a template leaves the node:
 * most template failures in the wild are malformed components and example counts.
 */

export const templateName: Check = (value) => {
	if (typeof value !== 'string' || value === '') return 'is required';
	if (!/^[a-z0-9_]+$/.test(value))
		return 'may only hold lowercase letters, digits and underscores, e.g. order_update';
	return maxLength(512)(value);
};

export const languageCode: Check = (value) =>
	typeof value === 'string' && /^[a-z]{2,3}(_[A-Z]{2})?$/.test(value)
		? undefined
		: 'must be a WhatsApp language code such as en_US, es or pt_BR';

const COMPONENT_TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'];
const MEDIA_HEADER_FORMATS = ['IMAGE', 'VIDEO', 'DOCUMENT'];
const HEADER_FORMATS = ['TEXT', ...MEDIA_HEADER_FORMATS, 'LOCATION'];
const BUTTON_TYPES = [
	'QUICK_REPLY',
	'URL',
	'PHONE_NUMBER',
	'COPY_CODE',
	'FLOW',
	'OTP',
	'CATALOG',
	'MPM',
];
const BUTTON_LIMITS: Array<[type: string, max: number, label: string]> = [
	['URL', 2, 'URL buttons'],
	['PHONE_NUMBER', 1, 'phone number button'],
	['COPY_CODE', 1, 'copy code button'],
];

const isFilled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** The numbers of the `{{n}}` variables of a text, each once, in order of first appearance. */
export function variablesIn(text: unknown): number[] {
	if (typeof text !== 'string') return [];
	const numbers = [...text.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((match) => Number(match[1]));
	return [...new Set(numbers)];
}

function componentOfType(components: unknown, type: string): IDataObject | undefined {
	if (!Array.isArray(components)) return undefined;
	return components.find((component: IDataObject | null) => component?.type === type);
}

/** The sample values of a component or button; `body_text` nests its list: `[["Ada", "#1234"]]`. */
function examplesAt(example: unknown, key?: string): unknown[] {
	const list = key ? (example as IDataObject | undefined)?.[key] : example;
	if (!Array.isArray(list)) return [];
	return key === 'body_text' ? (Array.isArray(list[0]) ? list[0] : []) : list;
}

export const componentList: Check = (components) => {
	if (!Array.isArray(components) || components.length === 0) {
		return 'must be a JSON list of components, e.g. [{"type": "BODY", "text": "Hello {{1}}"}]';
	}
	for (const [index, component] of components.entries()) {
		const type = (component as IDataObject | null)?.type;
		if (typeof type !== 'string' || !COMPONENT_TYPES.includes(type)) {
			return `entry ${index + 1} must have a type of ${COMPONENT_TYPES.join(', ')}`;
		}
		if (components.filter((other: IDataObject | null) => other?.type === type).length > 1) {
			return `can hold only one ${type} component`;
		}
	}
	return undefined;
};

export const headerComponent: Check = (components) => {
	const header = componentOfType(components, 'HEADER');
	if (!header) return undefined;
	const format = header.format;
	if (typeof format !== 'string' || !HEADER_FORMATS.includes(format)) {
		return `format must be one of ${HEADER_FORMATS.join(', ')}`;
	}
	if (MEDIA_HEADER_FORMATS.includes(format)) {
		return isFilled(examplesAt(header.example, 'header_handle')[0])
			? undefined
			: `${format.toLowerCase()} needs an example: a public URL of a sample file`;
	}
	if (format !== 'TEXT') return undefined;
	const textProblem = maxLength(60, 1)(header.text);
	if (textProblem) return `text ${textProblem}`;
	const variables = variablesIn(header.text);
	if (variables.length > 1)
		return `text can hold at most one variable (it has ${variables.length})`;
	if (variables.length === 1 && variables[0] !== 1) return 'text variable must be {{1}}';
	if (variables.length === 1 && !isFilled(examplesAt(header.example, 'header_text')[0])) {
		return 'example for {{1}} is missing';
	}
	return undefined;
};

export const bodyComponent: Check = (components) => {
	const body = componentOfType(components, 'BODY');
	if (!body) return 'is required';
	const textProblem = maxLength(1024, 1)(body.text);
	if (textProblem) return `text ${textProblem}`;
	const variables = variablesIn(body.text);
	if (variables.some((number, index) => number !== index + 1)) {
		const found = variables.map((number) => `{{${number}}}`).join(', ');
		return `variables must be numbered {{1}} to {{${variables.length}}} in order of appearance (found ${found})`;
	}
	const examples = examplesAt(body.example, 'body_text');
	const missing = variables.find((number) => !isFilled(examples[number - 1]));
	if (missing) return `example for {{${missing}}} is missing`;
	if (examples.length > variables.length) {
		return `has ${examples.length} example values for ${variables.length} variables`;
	}
	return undefined;
};

export const footerComponent: Check = (components) => {
	const footer = componentOfType(components, 'FOOTER');
	if (!footer) return undefined;
	const textProblem = maxLength(60, 1)(footer.text);
	if (textProblem) return `text ${textProblem}`;
	return variablesIn(footer.text).length ? 'text cannot hold variables' : undefined;
};

function buttonsOf(components: unknown): IDataObject[] | undefined {
	const buttons = componentOfType(components, 'BUTTONS')?.buttons;
	if (buttons === undefined) return undefined;
	return Array.isArray(buttons) ? (buttons as IDataObject[]) : [];
}

/** The button list as a whole: how many, of which kinds, in which order. */
export const buttonList: Check = (components) => {
	const buttons = buttonsOf(components);
	if (!buttons) return undefined;
	if (buttons.length === 0) return 'must hold at least one button, or be left out';
	if (buttons.length > 10) return `can hold at most 10 buttons (there are ${buttons.length})`;
	for (const [type, max, label] of BUTTON_LIMITS) {
		const count = buttons.filter((button) => button?.type === type).length;
		if (count > max) return `can hold at most ${max} ${label} (there are ${count})`;
	}
	const quickReplies = buttons.flatMap((button, index) =>
		button?.type === 'QUICK_REPLY' ? [index] : [],
	);
	const breaking = quickReplies.find(
		(position, index) => index > 0 && position !== quickReplies[index - 1] + 1,
	);
	if (breaking !== undefined) {
		return `must keep the quick replies together, before or after the other buttons (button ${breaking + 1} is apart)`;
	}
	return undefined;
};

function buttonProblem(button: IDataObject): string | undefined {
	const type = button?.type;
	if (typeof type !== 'string' || !BUTTON_TYPES.includes(type)) {
		return `must have a type of ${BUTTON_TYPES.join(', ')}`;
	}
	// WhatsApp labels copy code buttons itself.
	if (type !== 'COPY_CODE' && type !== 'OTP') {
		const textProblem = maxLength(25, 1)(button.text);
		if (textProblem) return `text ${textProblem}`;
	}
	if (type === 'URL') {
		const urlProblem = httpUrl(button.url);
		if (urlProblem) return `URL ${urlProblem}`;
		const variables = variablesIn(button.url);
		if (variables.length > 1 || (variables.length === 1 && variables[0] !== 1)) {
			return 'URL can hold one variable only, {{1}}';
		}
		if (variables.length === 1 && !isFilled(examplesAt(button.example)[0]))
			return 'example for {{1}} is missing';
	}
	if (type === 'PHONE_NUMBER' && !/^\+?\d{6,20}$/.test(String(button.phone_number ?? ''))) {
		return 'phone number must be digits with the country code, e.g. +85212345678';
	}
	if (type === 'COPY_CODE') {
		const codeProblem = maxLength(15, 1)(button.example);
		if (codeProblem) return `example code ${codeProblem}`;
	}
	if (
		type === 'FLOW' &&
		!isFilled(button.flow_id) &&
		!isFilled(button.flow_name) &&
		!button.flow_json
	) {
		return 'flow ID is required';
	}
	return undefined;
}

/** Each button on its own, named by its position: "Button 3 (URL) text …". */
export const eachButton: Check = (components) => {
	for (const [index, button] of (buttonsOf(components) ?? []).entries()) {
		const problem = buttonProblem(button);
		if (problem)
			return `${index + 1}${typeof button?.type === 'string' ? ` (${button.type})` : ''} ${problem}`;
	}
	return undefined;
};

export function componentRules(at: string): FieldRule[] {
	return [
		{ at, field: 'Components', check: componentList, always: true },
		{ at, field: 'Header', check: headerComponent, always: true },
		{ at, field: 'Body', check: bodyComponent, always: true },
		{ at, field: 'Footer', check: footerComponent, always: true },
		{ at, field: 'Buttons', check: buttonList, always: true },
		{ at, field: 'Button', check: eachButton, always: true },
	];
}
