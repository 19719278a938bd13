import type { IDataObject, ResourceMapperField } from 'n8n-workflow';
import { httpUrl } from '../../shared/validate';

/**
 * One field per variable of a template's language version, read from its components (the shapes
 * of GET /whatsapp-message-templates and WhatsApp's template components). The ID says where the
 * value goes in the Bot API's TEMPLATE response: `header.text.1`, `header.image`, `body.2`,
 * `button.0.url`, `button.1.payload`.
 */
export function variableFieldsOf(components: IDataObject[]): ResourceMapperField[] {
	const fields: ResourceMapperField[] = [];
	const field = (id: string, displayName: string, required = true): ResourceMapperField => ({
		id,
		displayName,
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
			fields.push(field(`header.${media}`, `Header ${media} URL`));
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
				if (kind === 'URL' && placeholdersIn(button.url).length) {
					fields.push(field(`button.${index}.url`, `Button "${String(button.text)}" URL {{1}}`));
				} else if (kind === 'QUICK_REPLY') {
					fields.push(
						field(`button.${index}.payload`, `Button "${String(button.text)}" Payload`, false),
					);
				}
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
		const media = /^header\.(image|video|document)$/.test(id);
		if (media && httpUrl(String(value))) return `${displayName} ${httpUrl(String(value))}`;
	}
	return undefined;
}

/**
 * The TEMPLATE response's `components`, as WOZTELL's own n8n package builds them (its
 * GenericFunctions.ts: body `{ type: 'text', text }`, header media `{ type, [type]: { link } }`,
 * quick replies `{ type: 'button', sub_type, index, parameters: [{ type: 'payload', payload }] }`).
 */
export function templateComponentsOf(values: IDataObject): IDataObject[] {
	const header: IDataObject[] = [];
	const body: IDataObject[] = [];
	const buttons: IDataObject[] = [];
	const ids = Object.keys(values).filter((id) => String(values[id] ?? '').trim() !== '');
	const byNumber = (a: string, b: string) => Number(a.split('.')[2]) - Number(b.split('.')[2]);
	for (const id of ids.filter((id) => id.startsWith('header.')).sort(byNumber)) {
		const [, kind] = id.split('.');
		const value = String(values[id]);
		header.push(
			kind === 'text' ? { type: 'text', text: value } : { type: kind, [kind]: { link: value } },
		);
	}
	for (const id of ids.filter((id) => id.startsWith('body.text.')).sort(byNumber)) {
		body.push({ type: 'text', text: String(values[id]) });
	}
	for (const id of ids.filter((id) => id.startsWith('button.'))) {
		const [, index, kind] = id.split('.');
		const value = String(values[id]);
		buttons.push({
			type: 'button',
			sub_type: kind === 'url' ? 'url' : 'quick_reply',
			index,
			parameters: [
				kind === 'url' ? { type: 'text', text: value } : { type: 'payload', payload: value },
			],
		});
	}
	return [
		...(header.length ? [{ type: 'header', parameters: header }] : []),
		...(body.length ? [{ type: 'body', parameters: body }] : []),
		...buttons,
	];
}
