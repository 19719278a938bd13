import type { INodeProperties } from 'n8n-workflow';
import { TEMPLATE_PAGE_SIZE, TEMPLATES_PATH } from '../../../shared/templates';
import { channelDefaultIdField, sendWabaId } from '../../shared/channel';
import { showFor } from '../../shared/descriptions';
import { operationSelector } from '../../shared/operations';
import { oneOf } from '../../shared/validate';
import { componentRules, languageCode, templateName } from './componentChecks';
import { createFields, TEMPLATE_CATEGORY_VALUES } from './create';
import {
	requireTemplateChoice,
	sendTemplateName,
	sendTemplateVersion,
	templateLocatorField,
} from './templateLocator';
import { sendAsVersionLanguage, sendComponents, versionFields } from './versionFields';

const TEMPLATE_PATH = '/whatsapp-message-template';

export const templateDescription: INodeProperties[] = [
	operationSelector('template', [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a message template and submit it for review',
			description: 'Submit a new template, or a new language version of one, for WhatsApp’s review',
			method: 'PUT',
			path: TEMPLATE_PATH,
			prepare: [sendComponents],
			rules: [
				{ at: 'body.name', field: 'Template Name', check: templateName, always: true },
				{ at: 'body.language', field: 'Language', check: languageCode, always: true },
				{
					at: 'body.category',
					field: 'Category',
					check: oneOf(TEMPLATE_CATEGORY_VALUES),
					always: true,
				},
				...componentRules('body.components'),
			],
			lookUps: [sendWabaId],
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a message template with all its languages, by name or ID',
			description: 'Delete a template with every one of its language versions',
			method: 'DELETE',
			path: TEMPLATE_PATH,
			prepare: [requireTemplateChoice],
			lookUps: [sendWabaId, sendTemplateName],
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many message templates with their statuses and rejection reasons',
			description:
				'List the templates of a WhatsApp Business Account, with their language versions',
			method: 'GET',
			path: TEMPLATES_PATH,
			paging: { payload: 'data', pageSize: { parameter: 'first', max: TEMPLATE_PAGE_SIZE } },
			lookUps: [sendWabaId],
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update the components of a message template in one language',
			description: 'Replace the components of one language version; WhatsApp allows one edit a day',
			method: 'PATCH',
			path: TEMPLATE_PATH,
			prepare: [sendAsVersionLanguage, sendComponents, requireTemplateChoice],
			rules: [
				{
					at: 'body.messageTemplateLanguage',
					field: 'Language',
					check: languageCode,
					always: true,
				},
				...componentRules('body.components'),
			],
			lookUps: [sendWabaId, sendTemplateVersion],
		},
	]),
	channelDefaultIdField('wabaId', 'WABA ID', showFor('template')),
	templateLocatorField,
	...createFields,
	...versionFields,
];

/** Filters and Options of Get Many, placed by the node after Return All and Limit. */
export { getManyFields as templateListFields } from './getMany';
