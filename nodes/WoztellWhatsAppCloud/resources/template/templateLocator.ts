import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';
import { refuseToSend } from '../../shared/validate';
import { resourceLocator, showFor } from '../../shared/descriptions';
import {
	EVERY_TEMPLATE_STATUS,
	TEMPLATE_PAGE_SIZE,
	TEMPLATES_PATH,
} from '../../../shared/templates';
import { cursorPages } from '../../../shared/transport';
import { itemRetryBounds } from '../../shared/retryOptions';

export const templateLocatorField: INodeProperties = resourceLocator({
	name: 'template',
	displayName: 'Template',
	description: 'The message template, by name or by the ID of one of its language versions',
	searchListMethod: 'searchTemplates',
	namePlaceholder: 'e.g. order_update',
	idPlaceholder: 'e.g. 1748340935544945',
	idPattern: '\\d+',
	displayOptions: showFor('template', ['update', 'delete']),
});

function chosenTemplate(this: IExecuteSingleFunctions): INodeParameterResourceLocator {
	return this.getNodeParameter('template', undefined, {
		extractValue: false,
	}) as INodeParameterResourceLocator;
}

/** Refuses an item whose Template is empty, before any request. */
export async function requireTemplateChoice(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
) {
	if (!String(chosenTemplate.call(this).value ?? '').trim()) {
		refuseToSend(
			this,
			'Template is required',
			'Nothing was sent to WOZTELL for this item. Pick a template and run again.',
		);
	}
	return request;
}

interface TemplateVersion {
	id: string;
	name: string;
}

/**
 * Finds a template by name, or by the ID of a language version, on the template list. The
 * reference: "GET /whatsapp-message-templates will only return the ID of the most recent
 * language. Therefore, you should first obtain the ID of a particular language by applying the
 * language filter".
 */
async function findTemplateVersion(
	this: IExecuteSingleFunctions,
	wabaId: string,
	template: INodeParameterResourceLocator,
	language?: string,
): Promise<TemplateVersion | undefined> {
	const wanted = String(template.value).trim();
	const byId = template.mode === 'id';
	const qs: IDataObject = {
		wabaId,
		first: TEMPLATE_PAGE_SIZE,
		status: EVERY_TEMPLATE_STATUS,
		...(language ? { language: JSON.stringify([language]) } : {}),
		...(byId ? {} : { name: wanted }),
	};
	for await (const body of cursorPages.call(this, TEMPLATES_PATH, qs, itemRetryBounds(this))) {
		for (const group of (body.data ?? []) as IDataObject[]) {
			const versions = (group.templates ?? []) as IDataObject[];
			const name = String(group.name);
			if (byId) {
				const ids = [group.id, ...versions.map(({ id }) => id)]
					.filter((id) => id !== undefined)
					.map(String);
				if (ids.includes(wanted)) return { id: wanted, name };
			} else if (name === wanted) {
				// Asked with the language filter, the template's ID is that of the version asked for.
				const version = versions.find((candidate) => candidate.language === language);
				return { id: String(version?.id ?? group.id), name };
			}
		}
	}
	return undefined;
}

function notFoundMessage(template: INodeParameterResourceLocator, language?: string): string {
	const what = template.mode === 'id' ? `with ID ${template.value}` : `"${template.value}"`;
	return `No message template ${what}${language ? ` in ${language}` : ''}`;
}

const NOT_FOUND_HINT =
	'Nothing was changed. Template → Get Many, with the Language filter and One Item per Language Version, lists the names, languages and IDs.';

/** PATCH wants the language version's ID, the template's name and the language together. */
export async function sendTemplateVersion(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
) {
	const body = request.body as IDataObject;
	const template = chosenTemplate.call(this);
	const language = String(body.messageTemplateLanguage);
	const version = await findTemplateVersion.call(this, String(body.wabaId), template, language);
	if (!version) refuseToSend(this, notFoundMessage(template, language), NOT_FOUND_HINT);
	request.body = { ...body, messageTemplateId: version.id, messageTemplateName: version.name };
	return request;
}

/** DELETE takes the name only, and removes every language version of it. */
export async function sendTemplateName(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
) {
	const body = request.body as IDataObject;
	const template = chosenTemplate.call(this);
	let name = String(template.value).trim();
	if (template.mode === 'id') {
		const version = await findTemplateVersion.call(this, String(body.wabaId), template);
		if (!version) refuseToSend(this, notFoundMessage(template), NOT_FOUND_HINT);
		name = version.name;
	}
	request.body = { ...body, name };
	return request;
}
