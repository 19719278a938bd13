import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';
import { optionOf } from './options';

export const TEMPLATES_PATH = '/whatsapp-message-templates';
/** The reference: `first` is the "Number of messages templates; maximum 100". */
export const TEMPLATE_PAGE_SIZE = 100;

/**
 * Every status WhatsApp gives a template. The list's `status` filter "defaults to:
 * ["APPROVED"]["PENDING"]["REJECTED"]["PENDING_DELETION"]["DELETED"] if not specified", so
 * a paused or disabled template is listed only when asked for by its status.
 */
export const TEMPLATE_STATUSES = [
	'APPROVED',
	'PENDING',
	'REJECTED',
	'PENDING_DELETION',
	'DELETED',
	'PAUSED',
	'DISABLED',
	'IN_APPEAL',
	'LIMIT_EXCEEDED',
	'ARCHIVED',
] as const;

export const templateStatusOptions = TEMPLATE_STATUSES.map(optionOf);

/** The list's `status` filter asking for every template, paused and disabled ones included. */
export const EVERY_TEMPLATE_STATUS = JSON.stringify(TEMPLATE_STATUSES);

/** One template per language version: its own status and components, and its ID where the answer gives it. */
export function languageVersionsOf(template: IDataObject): IDataObject[] {
	const versions = Array.isArray(template.templates) ? (template.templates as IDataObject[]) : [];
	const shared: IDataObject = { ...template };
	for (const perVersion of ['id', 'languages', 'statuses', 'templates']) delete shared[perVersion];
	// The reference: the list "will only return the ID of the most recent language", so a version
	// gets the template's ID only when it is the one version listed.
	const soleId = versions.length === 1 ? template.id : undefined;
	return versions.map((version) => {
		const versionId = version.id ?? soleId;
		return { ...(versionId === undefined ? {} : { id: versionId }), ...shared, ...version };
	});
}

export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
/** The reference's categories, WhatsApp's older set: still accepted. */
export const LEGACY_TEMPLATE_CATEGORIES = ['TRANSACTIONAL', 'OTP'] as const;

/** Every category, for filters. */
export const templateCategoryOptions: INodePropertyOptions[] = [
	...TEMPLATE_CATEGORIES.map(optionOf),
	...LEGACY_TEMPLATE_CATEGORIES.map((value) => ({ name: `${value} (Legacy)`, value })),
];
