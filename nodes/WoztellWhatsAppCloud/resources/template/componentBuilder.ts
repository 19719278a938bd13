import type { IDataObject } from 'n8n-workflow';
import { variablesIn } from './componentChecks';

export type HeaderFormat = 'NONE' | 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION';

export interface BuilderButton {
	type: string;
	text?: string;
	url?: string;
	urlExample?: string;
	phoneNumber?: string;
	code?: string;
	flowId?: string;
	flowAction?: string;
	navigateScreen?: string;
}

/** What the builder fields hold. */
export interface TemplateBuilderInput {
	headerFormat: HeaderFormat;
	headerText?: string;
	headerExample?: string;
	headerMediaUrl?: string;
	bodyText: string;
	bodyExamples?: string[];
	footerText?: string;
	buttons?: BuilderButton[];
}

function headerFrom(input: TemplateBuilderInput): IDataObject | undefined {
	const { headerFormat: format, headerText: text = '', headerExample, headerMediaUrl } = input;
	if (format === 'NONE') return undefined;
	if (format === 'TEXT') {
		const example =
			variablesIn(text).length && headerExample
				? { example: { header_text: [headerExample] } }
				: {};
		return { type: 'HEADER', format, text, ...example };
	}
	if (format === 'LOCATION') return { type: 'HEADER', format };
	// The reference: "By inserting the image URL into "example":{"header_handle":["IMAGE_URL"]}, this
	// API will automatically upload the example".
	return { type: 'HEADER', format, example: { header_handle: [headerMediaUrl ?? ''] } };
}

function buttonFrom(button: BuilderButton): IDataObject {
	const { type, text = '' } = button;
	switch (type) {
		case 'URL': {
			const example =
				variablesIn(button.url).length && button.urlExample ? { example: [button.urlExample] } : {};
			return { type, text, url: button.url ?? '', ...example };
		}
		case 'PHONE_NUMBER':
			return { type, text, phone_number: button.phoneNumber ?? '' };
		case 'COPY_CODE':
			return { type, example: button.code ?? '' };
		case 'FLOW':
			return {
				type,
				text,
				flow_id: button.flowId ?? '',
				flow_action: button.flowAction || 'navigate',
				...(button.navigateScreen ? { navigate_screen: button.navigateScreen } : {}),
			};
		default:
			return { type, text };
	}
}

/** The components array of the reference from the builder fields: header, body, footer, buttons. */
export function buildComponents(input: TemplateBuilderInput): IDataObject[] {
	const header = headerFrom(input);
	const examples = input.bodyExamples ?? [];
	const body = {
		type: 'BODY',
		text: input.bodyText,
		...(examples.length ? { example: { body_text: [examples] } } : {}),
	};
	const footer = input.footerText ? { type: 'FOOTER', text: input.footerText } : undefined;
	const buttons = input.buttons?.length
		? { type: 'BUTTONS', buttons: input.buttons.map(buttonFrom) }
		: undefined;
	return [header, body, footer, buttons].filter(
		(component): component is IDataObject => component !== undefined,
	);
}
