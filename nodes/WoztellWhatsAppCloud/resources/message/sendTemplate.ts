import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INodeProperties,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';
import { languageOptions } from '../../../shared/templateLanguages';
import { TEMPLATE_PAGE_SIZE, TEMPLATES_PATH } from '../../../shared/templates';
import { cursorPages, typedOrChannelId } from '../../../shared/transport';
import { resourceLocator, showFor } from '../../shared/descriptions';
import { refuseToSend } from '../../shared/validate';
import { templateComponentsOf, variableFieldsOf, variablesProblem } from './templateVariables';

const forSendTemplate = showFor('message', ['sendTemplate']);

export const sendTemplateFields: INodeProperties[] = [
	resourceLocator({
		name: 'messageTemplate',
		displayName: 'Template',
		description: 'The approved message template to send, from the list or by name',
		searchListMethod: 'searchTemplates',
		namePlaceholder: 'e.g. order_update',
		displayOptions: forSendTemplate,
	}),
	{
		displayName: 'Template Language',
		name: 'templateLanguage',
		type: 'options',
		options: languageOptions,
		default: 'en_US',
		description: 'The language version of the template to send',
		displayOptions: forSendTemplate,
	},
	{
		displayName: 'Template Variables',
		name: 'templateVariables',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		description:
			"One field per variable of the template's language version: header text, header media (URL or media ID), body {{n}}, URL-button suffix, quick-reply payload, flow token, coupon code, and each carousel card's",
		typeOptions: {
			loadOptionsDependsOn: ['messageTemplate.value', 'templateLanguage'],
			resourceMapper: {
				resourceMapperMethod: 'getTemplateVariables',
				mode: 'add',
				fieldWords: { singular: 'variable', plural: 'variables' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
		displayOptions: forSendTemplate,
	},
];

/** The language version's components, from the template list filtered by name and language. */
async function componentsOf(
	this: ILoadOptionsFunctions,
	name: string,
	language: string,
): Promise<IDataObject[] | undefined> {
	const wabaId = await typedOrChannelId.call(this, 'wabaId', '');
	const qs = { wabaId, first: TEMPLATE_PAGE_SIZE, name, language: JSON.stringify([language]) };
	for await (const body of cursorPages.call(this, TEMPLATES_PATH, qs)) {
		// The list's name filter matches parts of names: keep the template of exactly this name.
		const template = ((body.data ?? []) as IDataObject[]).find((group) => group.name === name);
		if (!template) continue;
		const version = ((template.templates ?? []) as IDataObject[]).find(
			(candidate) => candidate.language === language,
		);
		return version ? ((version.components ?? []) as IDataObject[]) : undefined;
	}
	return undefined;
}

/** The resource mapper's fields: one per variable of the chosen template's language version. */
export async function getTemplateVariables(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const name = String(
		this.getNodeParameter('messageTemplate', '', { extractValue: true }) ?? '',
	).trim();
	const language = String(this.getNodeParameter('templateLanguage', '') ?? '');
	if (!name || !language) return { fields: [] };
	const components = await componentsOf.call(this, name, language);
	if (!components) {
		return { fields: [], emptyFieldsNotice: `Template ${name} has no ${language} version` };
	}
	return {
		fields: variableFieldsOf(components),
		emptyFieldsNotice: 'This template has no variables',
	};
}

interface MappedValues {
	value?: IDataObject | null;
	schema?: ResourceMapperField[];
}

/**
 * The Bot API's TEMPLATE response, as WOZTELL's own n8n package sends it: `{ type: "TEMPLATE",
 * elementName, languageCode, components }`. Every variable the template has must be filled.
 */
export async function sendTemplateResponse(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
) {
	const name = String(
		this.getNodeParameter('messageTemplate', '', { extractValue: true }) ?? '',
	).trim();
	if (!name) refuseToSend(this, 'Template is required');
	const languageCode = String(this.getNodeParameter('templateLanguage', ''));
	const mapped = this.getNodeParameter('templateVariables', {}) as MappedValues;
	const values = mapped.value ?? {};
	const problem = variablesProblem(mapped.schema ?? [], values);
	if (problem) refuseToSend(this, problem);
	request.body = {
		...(request.body as object),
		response: [
			{
				type: 'TEMPLATE',
				elementName: name,
				languageCode,
				components: templateComponentsOf(values),
			},
		],
	};
	return request;
}
