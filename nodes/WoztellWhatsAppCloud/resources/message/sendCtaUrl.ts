import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { httpUrl, maxLength } from '../../shared/validate';
import {
	asText,
	compact,
	fieldProblem,
	firstProblemOf,
	FRAME_DEFAULTS,
	frameFields,
	frameProblem,
	toFrame,
	type FrameValues,
	type HeaderType,
} from './parts';
import type { MessageType } from './response';

const HEADERS: HeaderType[] = ['document', 'image', 'none', 'text', 'video'];
const OPERATIONS = ['sendCtaUrl'];
const forCtaUrl = showFor('message', OPERATIONS);
/** WhatsApp Cloud API, CTA URL button messages: one button, its text ≤ 20 characters. */
const BUTTON_MAX = 20;

export const sendCtaUrlFields: INodeProperties[] = [
	...frameFields(OPERATIONS, HEADERS, 'The message above the button'),
	{
		displayName: 'Button Text',
		name: 'buttonText',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Track your order',
		description: `The button's label, at most ${BUTTON_MAX} characters`,
		displayOptions: forCtaUrl,
	},
	{
		displayName: 'Button URL',
		name: 'ctaUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://shop.example/orders/A-1',
		description: 'The page the button opens, http:// or https://',
		displayOptions: forCtaUrl,
	},
];

export interface CtaUrlValues extends FrameValues {
	buttonText: unknown;
	ctaUrl: unknown;
}

export function ctaUrlProblem(values: CtaUrlValues): string | undefined {
	return firstProblemOf(
		frameProblem(values, HEADERS),
		fieldProblem('Button Text', asText(values.buttonText), maxLength(BUTTON_MAX, 1)),
		fieldProblem('Button URL', values.ctaUrl, httpUrl),
	);
}

/**
 * Not confirmed by WOZTELL: its "WhatsApp message types" page lists "Interactive Message", but its
 * JSON could not be read in any public copy. This sends WhatsApp Cloud API's interactive CTA URL
 * object (`header`, `body`, `footer`, `action: { name: "cta_url", parameters: { display_text,
 * url } }`) named like the one interactive type seen sent to WOZTELL (WHATSAPP_REPLY_BUTTONS, see
 * sendButtons.ts): `WHATSAPP_CTA_URL`.
 */
export function toCtaUrlResponse(values: CtaUrlValues): IDataObject {
	return compact({
		type: 'WHATSAPP_CTA_URL',
		...toFrame(values),
		action: {
			name: 'cta_url',
			parameters: { display_text: asText(values.buttonText), url: values.ctaUrl },
		},
	});
}

export const ctaUrlMessage: MessageType<CtaUrlValues> = {
	defaults: { ...FRAME_DEFAULTS, buttonText: '', ctaUrl: '' },
	problem: ctaUrlProblem,
	build: toCtaUrlResponse,
};
