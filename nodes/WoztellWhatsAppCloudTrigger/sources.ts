import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import type { RetryBounds } from '../shared/retry';
import { NodeOperationError } from 'n8n-workflow';
import { FLOW_PAGE_SIZE, FLOW_PATH } from '../shared/flows';
import {
	languageVersionsOf,
	TEMPLATE_PAGE_SIZE,
	EVERY_TEMPLATE_STATUS,
	TEMPLATES_PATH,
} from '../shared/templates';
import {
	CREDENTIAL_TYPE,
	cursorPages,
	nextCursor,
	typedOrChannelId,
	woztellApiRequest,
} from '../shared/transport';
import type { Change, FieldValue, Observation, Observed, SnapshotShape } from './diff';

export type EventName =
	| 'templateStatusChanged'
	| 'templateQualityChanged'
	| 'templateCreated'
	| 'templateDeleted'
	| 'flowStatusChanged'
	| 'phoneNumberChanged'
	| 'businessKeyStatusChanged';

interface EventDefinition {
	value: EventName;
	name: string;
	description: string;
	/** The field a sample of this event shows, when a manual run finds no change. */
	sampleField: string;
}

/** One thing the trigger watches: a WOZTELL list or object read once per poll. */
export interface Source {
	/** Its part of the node's static data. */
	name: string;
	events: EventDefinition[];
	shape: SnapshotShape;
	/** Reads it all, or as much as fits before the poll's deadline (in `bounds`). */
	observe(this: IPollFunctions, bounds: PollBounds): Promise<Observation>;
	/** The event a change is, if the user wants it. */
	eventOf(this: IPollFunctions, change: Change): EventName | undefined;
	/** What an emitted change carries besides the list's fields, read only for those. */
	contextOf?(this: IPollFunctions, change: Change, bounds: PollBounds): Promise<IDataObject>;
}

/** A poll's retries: transient failures are tried again, but never past the poll's deadline. */
export type PollBounds = RetryBounds & { deadline: number };

const text = (value: unknown): FieldValue =>
	value === undefined || value === null ? null : String(value);

function filterList(poll: IPollFunctions, name: string): string[] {
	return poll.getNodeParameter(`filters.${name}`, []) as string[];
}

/** The ID typed in the node, or the credential's channel's (GET /waba-info). */
async function idOrChannelDefault(
	poll: IPollFunctions,
	parameter: 'wabaId' | 'phoneNumberId',
	displayName: string,
	bounds: PollBounds,
): Promise<string> {
	const typed = String(poll.getNodeParameter(parameter, '') ?? '').trim();
	if (typed && !/^\d+$/.test(typed)) {
		throw new NodeOperationError(
			poll.getNode(),
			`${displayName} must be a numeric ID (digits only)`,
			{
				description: `Nothing was sent to WOZTELL. Leave ${displayName} empty to use the credential's channel's.`,
			},
		);
	}
	const value = await typedOrChannelId.call(poll, parameter, typed, bounds);
	if (!value) {
		throw new NodeOperationError(
			poll.getNode(),
			`${displayName} is empty and the credential's channel has none`,
		);
	}
	return value;
}

/** Every page of a list, or the pages read before the deadline; true when it reached the last page. */
async function readList(
	poll: IPollFunctions,
	path: string,
	qs: IDataObject,
	bounds: PollBounds,
	take: (entries: IDataObject[]) => void,
): Promise<boolean> {
	for await (const body of cursorPages.call(poll, path, qs, bounds)) {
		take((body.data ?? []) as IDataObject[]);
		if (Date.now() >= bounds.deadline && nextCursor(body)) return false;
	}
	return true;
}

const templates: Source = {
	name: 'templates',
	events: [
		{
			value: 'templateStatusChanged',
			name: 'Template Status Changed',
			description: 'A language version of a template is approved, rejected, paused, disabled…',
			sampleField: 'status',
		},
		{
			value: 'templateQualityChanged',
			name: 'Template Quality Changed',
			description: "A language version's quality score turns green, yellow or red",
			sampleField: 'quality_score',
		},
		{
			value: 'templateCreated',
			name: 'Template Created',
			description: 'A new template, or a new language version of one, appears',
			sampleField: 'status',
		},
		{
			value: 'templateDeleted',
			name: 'Template Deleted',
			description: 'A language version is deleted or no longer listed',
			sampleField: 'status',
		},
	],
	shape: {
		keyFields: ['templateName', 'language'],
		comparedFields: ['status', 'quality_score'],
		keptFields: ['templateId', 'category'],
	},
	async observe(bounds) {
		const wabaId = await idOrChannelDefault(this, 'wabaId', 'WABA ID', bounds);
		const nameContains = String(this.getNodeParameter('filters.templateName', ''))
			.trim()
			.toLowerCase();
		const languages = filterList(this, 'templateLanguages');
		const categories = filterList(this, 'templateCategories');
		const objects: Observed[] = [];
		const qs = { wabaId, first: TEMPLATE_PAGE_SIZE, status: EVERY_TEMPLATE_STATUS };
		const complete = await readList(this, TEMPLATES_PATH, qs, bounds, (groups) => {
			for (const version of groups.flatMap(languageVersionsOf)) {
				const name = String(version.name);
				if (nameContains && !name.toLowerCase().includes(nameContains)) continue;
				if (languages.length && !languages.includes(String(version.language))) continue;
				if (categories.length && !categories.includes(String(version.category))) continue;
				objects.push({
					fields: {
						templateId: text(version.id),
						templateName: name,
						language: text(version.language),
						category: text(version.category),
						status: text(version.status),
						quality_score: text((version.quality_score as IDataObject | undefined)?.score),
					},
					context: {
						rejectedReason: version.rejected_reason ?? null,
						components: version.components ?? [],
					},
				});
			}
		});
		return {
			scope: JSON.stringify([wabaId, nameContains, languages, categories]),
			objects,
			complete,
		};
	},
	eventOf(change) {
		const deleted = (status: FieldValue) => status === 'DELETED';
		if (change.field === 'quality_score')
			return change.kind === 'changed' ? 'templateQualityChanged' : undefined;
		if (change.kind === 'created') return deleted(change.current) ? undefined : 'templateCreated';
		if (change.kind === 'gone') return deleted(change.previous) ? undefined : 'templateDeleted';
		if (deleted(change.current)) return 'templateDeleted';
		const statuses = filterList(this, 'templateStatuses');
		return !statuses.length || statuses.includes(String(change.current))
			? 'templateStatusChanged'
			: undefined;
	},
};

/** The reference's sample entry of GET /flow: `"label": "TEST FLOW (DRAFT)", "status": "draft"`. */
function flowNameOf(entry: IDataObject): string {
	const label = String(entry.label ?? entry.value);
	const suffix = ` (${String(entry.status ?? '')})`.toUpperCase();
	return label.toUpperCase().endsWith(suffix) ? label.slice(0, -suffix.length) : label;
}

const flows: Source = {
	name: 'flows',
	events: [
		{
			value: 'flowStatusChanged',
			name: 'Flow Status Changed',
			description: 'A flow is published, deprecated, blocked or throttled',
			sampleField: 'status',
		},
	],
	shape: { keyFields: ['flowId'], comparedFields: ['status'], keptFields: ['flowName'] },
	async observe(bounds) {
		const objects: Observed[] = [];
		const complete = await readList(
			this,
			FLOW_PATH,
			{ limit: FLOW_PAGE_SIZE },
			bounds,
			(entries) => {
				for (const entry of entries) {
					objects.push({
						fields: {
							flowId: text(entry.value),
							flowName: flowNameOf(entry),
							status: text(entry.status)?.toUpperCase() ?? null,
						},
					});
				}
			},
		);
		return { scope: 'flows', objects, complete };
	},
	eventOf(change) {
		if (change.kind === 'gone') return undefined;
		const statuses = filterList(this, 'flowStatuses');
		return !statuses.length || statuses.includes(String(change.current))
			? 'flowStatusChanged'
			: undefined;
	},
	async contextOf(change, bounds) {
		const detail = await woztellApiRequest.call(
			this,
			'GET',
			'/flow-detail',
			{ flowId: change.fields.flowId },
			bounds,
		);
		return {
			categories: detail.categories ?? [],
			validationErrors: detail.validation_errors ?? [],
		};
	},
};

const PHONE_NUMBER_FIELDS = [
	'quality_rating',
	'messaging_limit_tier',
	'account_mode',
	'name_status',
	'code_verification_status',
	'verified_name',
];

const phoneNumber: Source = {
	name: 'phoneNumber',
	events: [
		{
			value: 'phoneNumberChanged',
			name: 'Phone Number Changed',
			description:
				'Quality rating, messaging limit tier, account mode, name status or verified name changes',
			sampleField: 'quality_rating',
		},
	],
	shape: {
		keyFields: ['phoneNumberId'],
		comparedFields: PHONE_NUMBER_FIELDS,
		keptFields: [],
	},
	async observe(bounds) {
		const phoneNumberId = await idOrChannelDefault(
			this,
			'phoneNumberId',
			'Phone Number ID',
			bounds,
		);
		const body = await woztellApiRequest.call(
			this,
			'GET',
			'/whatsapp-displayname-status',
			{ phoneNumberId },
			bounds,
		);
		const data = (body.data ?? {}) as IDataObject;
		const fields: Record<string, FieldValue> = { phoneNumberId };
		for (const field of PHONE_NUMBER_FIELDS) fields[field] = text(data[field]);
		const observed = { fields, context: { displayPhoneNumber: data.display_phone_number ?? null } };
		return { scope: phoneNumberId, objects: [observed], complete: true };
	},
	eventOf(change) {
		return change.kind === 'gone' ? undefined : 'phoneNumberChanged';
	},
};

const businessKey: Source = {
	name: 'businessKey',
	events: [
		{
			value: 'businessKeyStatusChanged',
			name: 'Business Key Status Changed',
			description: "The business public key's signature status changes, or a key is set",
			sampleField: 'business_public_key_signature_status',
		},
	],
	shape: {
		keyFields: ['channelId'],
		comparedFields: ['business_public_key_signature_status'],
		keptFields: [],
	},
	async observe(bounds) {
		const { channelId } = await this.getCredentials(CREDENTIAL_TYPE);
		const body = await woztellApiRequest.call(
			this,
			'GET',
			'/whatsapp-business-encryption',
			{},
			bounds,
		);
		const [key] = (body.data ?? []) as IDataObject[];
		const fields = {
			channelId: text(channelId),
			business_public_key_signature_status: text(key?.business_public_key_signature_status),
		};
		const observed = { fields, context: { businessPublicKey: key?.business_public_key ?? null } };
		return { scope: String(channelId), objects: [observed], complete: true };
	},
	eventOf(change) {
		return change.kind === 'gone' ? undefined : 'businessKeyStatusChanged';
	},
};

/** In the order a poll reads them and emits their events. */
export const SOURCES: Source[] = [templates, flows, phoneNumber, businessKey];
