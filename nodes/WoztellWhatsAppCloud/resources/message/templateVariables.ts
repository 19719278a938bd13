import type { IDataObject, ResourceMapperField } from 'n8n-workflow';
import { maxLength, type Check } from '../../shared/validate';
import { mediaUrl, type MediaKind } from './parts';

/** WhatsApp Cloud API: a copy-code button's coupon code holds at most 15 characters. */
const COUPON_CODE_MAX = 15;
const MEDIA_ID = /^\d+$/;

/** A header's file: a public URL, or the media ID of a file uploaded with Media → Upload. */
function urlOrMediaId(kind: MediaKind): Check {
	return (value) => {
		if (typeof value === 'string' && MEDIA_ID.test(value.trim())) return undefined;
		const problem = mediaUrl(kind)(value);
		return problem?.startsWith('must be a URL')
			? 'must be a URL starting with http:// or https://, or a media ID (digits only)'
			: problem;
	};
}

/**
 * One field per variable of a template's language version, read from its components (the shapes
 * of GET /whatsapp-message-templates and WhatsApp's template components). The ID says where the
 * value goes in the Bot API's TEMPLATE response: `header.text.1`, `header.image`, `body.2`,
 * `button.0.url`, `button.1.payload`, `button.2.flow_token`, `button.3.coupon_code`; a carousel
 * card's the same after `card.<n>.`.
 */
export function variableFieldsOf(
	components: IDataObject[],
	prefix = '',
	label = '',
): ResourceMapperField[] {
	const fields: ResourceMapperField[] = [];
	const field = (id: string, displayName: string, required = true): ResourceMapperField => ({
		id: `${prefix}${id}`,
		displayName: `${label}${displayName}`,
		required,
		defaultMatch: false,
		display: true,
		type: 'string',
	});
	for (const component of components) {
		const type = String(component.type ?? '').toUpperCase();
		const format = String(component.format ?? '').toUpperCase();
		if (type === 'HEADER' && ['IMAGE', 'VIDEO', 'DOCUMENT'].includes(format)) {
			const media = format.toLowerCase();
			fields.push(field(`header.${media}`, `Header ${media} URL or media ID`));
		} else if (type === 'HEADER' || type === 'BODY') {
			const part = type.toLowerCase();
			for (const number of placeholdersIn(component.text)) {
				fields.push(
					field(`${part}.text.${number}`, `${type === 'HEADER' ? 'Header' : 'Body'} {{${number}}}`),
				);
			}
		} else if (type === 'BUTTONS') {
			((component.buttons ?? []) as IDataObject[]).forEach((button, index) => {
				const kind = String(button.type ?? '').toUpperCase();
				const name = button.text ? `Button "${String(button.text)}"` : `Button ${index + 1}`;
				if (kind === 'URL' && placeholdersIn(button.url).length) {
					fields.push(field(`button.${index}.url`, `${name} URL {{1}}`));
				} else if (kind === 'QUICK_REPLY') {
					fields.push(field(`button.${index}.payload`, `${name} Payload`, false));
				} else if (kind === 'FLOW') {
					fields.push(field(`button.${index}.flow_token`, `${name} Flow Token`, false));
				} else if (kind === 'COPY_CODE') {
					fields.push(field(`button.${index}.coupon_code`, `${name} Coupon Code`));
				}
			});
		} else if (type === 'CAROUSEL') {
			((component.cards ?? []) as IDataObject[]).forEach((card, index) => {
				fields.push(
					...variableFieldsOf(
						(card.components ?? []) as IDataObject[],
						`${prefix}card.${index}.`,
						`${label}Card ${index + 1} `,
					),
				);
			});
		}
	}
	return fields;
}

/** The numbers of the `{{n}}` placeholders in a text, in order, each once. */
function placeholdersIn(text: unknown): number[] {
	if (typeof text !== 'string') return [];
	const numbers = [...text.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((match) => Number(match[1]));
	return [...new Set(numbers)].sort((a, b) => a - b);
}

/** The check of a variable's value, by where it goes. */
function checkOf(id: string): Check | undefined {
	const media = /(?:^|\.)header\.(image|video|document)$/.exec(id)?.[1];
	if (media) return urlOrMediaId(media as MediaKind);
	if (id.endsWith('.coupon_code')) return maxLength(COUPON_CODE_MAX, 1);
	return undefined;
}

/** What is wrong with the values typed for the fields, naming the first field at fault. */
export function variablesProblem(
	fields: ResourceMapperField[],
	values: IDataObject,
): string | undefined {
	for (const { id, displayName, required } of fields) {
		const value = values[id];
		const blank = value === undefined || value === null || String(value).trim() === '';
		if (blank) {
			if (required) return `${displayName} is required`;
			continue;
		}
		const problem = checkOf(id)?.(String(value).trim());
		if (problem) return `${displayName} ${problem}`;
	}
	return undefined;
}

/** A button's parameter, by the kind of value its field holds (WhatsApp's sub_type). */
const BUTTON_PARAMETERS: Record<string, (value: string) => [string, IDataObject]> = {
	url: (text) => ['url', { type: 'text', text }],
	payload: (payload) => ['quick_reply', { type: 'payload', payload }],
	flow_token: (token) => ['flow', { type: 'action', action: { flow_token: token } }],
	coupon_code: (code) => ['copy_code', { type: 'coupon_code', coupon_code: code }],
};

/** The components of one set of values: the template's own, or one carousel card's. */
function componentsOf(values: Array<[id: string, value: string]>): IDataObject[] {
	const header: Array<[number, IDataObject]> = [];
	const body: Array<[number, IDataObject]> = [];
	const buttons: Array<[number, IDataObject]> = [];
	for (const [id, value] of values) {
		const [part, second, third] = id.split('.');
		if (part === 'header' && second === 'text') {
			header.push([Number(third), { type: 'text', text: value }]);
		} else if (part === 'header') {
			const file = value.trim();
			const media = MEDIA_ID.test(file) ? { id: file } : { link: file };
			header.push([0, { type: second, [second]: media }]);
		} else if (part === 'body') {
			body.push([Number(third), { type: 'text', text: value }]);
		} else if (part === 'button' && BUTTON_PARAMETERS[third]) {
			const [subType, parameter] = BUTTON_PARAMETERS[third](value);
			buttons.push([
				Number(second),
				{ type: 'button', sub_type: subType, index: second, parameters: [parameter] },
			]);
		}
	}
	const inOrder = (list: Array<[number, IDataObject]>) =>
		list.sort(([a], [b]) => a - b).map(([, entry]) => entry);
	return [
		...(header.length ? [{ type: 'header', parameters: inOrder(header) }] : []),
		...(body.length ? [{ type: 'body', parameters: inOrder(body) }] : []),
		...inOrder(buttons),
	];
}

/**
 * The TEMPLATE response's `components`, as WOZTELL's own n8n package builds them (its
 * GenericFunctions.ts `setParamsComponents`: body `{ type: 'text', text }`, header media
 * `{ type, [type]: { link } }`, quick replies `{ type: 'button', sub_type, index, parameters:
 * [{ type: 'payload', payload }] }`, flow buttons `{ sub_type: 'flow', parameters: [{ type:
 * 'action', action: { flow_token } }] }`, a carousel `{ type: 'CAROUSEL', cards: [{ card_index,
 * components }] }` whose card headers go by media ID `{ id }`). A header by media ID at the top
 * is that card header's shape. Not in WOZTELL's package: a copy-code button, sent as WhatsApp's
 * `{ sub_type: 'copy_code', parameters: [{ type: 'coupon_code', coupon_code }] }`; and a card's
 * quick reply goes as WhatsApp's lower-case `quick_reply`, where the package sends the template's
 * `QUICK_REPLY`.
 */
export function templateComponentsOf(values: IDataObject): IDataObject[] {
	const filled = Object.entries(values)
		.filter(([, value]) => value !== undefined && value !== null && String(value).trim() !== '')
		.map(([id, value]): [string, string] => [id, String(value)]);
	const cards = new Map<number, Array<[string, string]>>();
	const own: Array<[string, string]> = [];
	for (const [id, value] of filled) {
		const card = /^card\.(\d+)\.(.+)$/.exec(id);
		if (!card) {
			own.push([id, value]);
			continue;
		}
		const index = Number(card[1]);
		cards.set(index, [...(cards.get(index) ?? []), [card[2], value]]);
	}
	const carousel = [...cards.entries()]
		.sort(([a], [b]) => a - b)
		.map(([index, cardValues]) => ({ card_index: index, components: componentsOf(cardValues) }));
	return [
		...componentsOf(own),
		...(carousel.length ? [{ type: 'CAROUSEL', cards: carousel }] : []),
	];
}
