import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { optionOf } from '../shared/options';
import { DEFAULT_RETRIES } from '../shared/retry';
import { languageOptions } from '../shared/templateLanguages';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { templateCategoryOptions, templateStatusOptions } from '../shared/templates';
import { diff, type Change, type Observed, type SourceSnapshot } from './diff';
import { SOURCES, type EventName, type PollBounds, type Source } from './sources';

const TEMPLATE_EVENTS: EventName[] = [
	'templateStatusChanged',
	'templateQualityChanged',
	'templateCreated',
	'templateDeleted',
];
const showForEvents = (events: EventName[]) => ({ show: { events } });

interface TriggerStaticData extends IDataObject {
	snapshots?: Record<string, SourceSnapshot>;
}

/**
 * When this poll must stop reading, and waiting to retry: n8n 2.x gives each poll a budget and
 * abandons it after; a reading cut short keeps what it did not see (see diff). n8n 1.x gives none.
 */
function boundsOf(poll: IPollFunctions): PollBounds {
	const budgetMs = typeof poll.getPollBudgetMs === 'function' ? poll.getPollBudgetMs() : Infinity;
	return { ...DEFAULT_RETRIES, deadline: Date.now() + budgetMs * 0.8 };
}

function itemOf(
	event: EventName,
	change: Change,
	context: IDataObject,
	detectedAt: string,
): INodeExecutionData {
	const { fields, field, previous, current } = change;
	const ids = { ...fields };
	delete ids[field];
	return {
		json: { event, ...ids, field, previous, current, ...change.context, ...context, detectedAt },
	};
}

/** When a manual run finds no change: the first selected event of a source, shown on an object as it is now. */
function sampleOf(
	source: Source,
	object: Observed,
	events: EventName[],
	detectedAt: string,
): INodeExecutionData | undefined {
	const event = source.events.find(({ value }) => events.includes(value));
	if (!event) return undefined;
	const value = object.fields[event.sampleField] ?? null;
	const change: Change = {
		...object,
		kind: 'changed',
		field: event.sampleField,
		previous: value,
		current: value,
	};
	return { json: { ...itemOf(event.value, change, {}, detectedAt).json, sample: true } };
}

export class WoztellWhatsAppCloudTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WOZTELL WhatsApp Cloud Trigger',
		name: 'woztellWhatsAppCloudTrigger',
		icon: {
			light: 'file:../../icons/woztellTrigger.svg',
			dark: 'file:../../icons/woztellTrigger.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when a WhatsApp template, flow, phone number or business key changes in WOZTELL',
		defaults: { name: 'WOZTELL WhatsApp Cloud Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: SOURCES.flatMap(({ events }) =>
					events.map(({ value, name, description }) => ({ value, name, description })),
				),
				default: ['templateStatusChanged'],
				description:
					'What starts the workflow; each poll compares WOZTELL now with what the last poll saw',
			},
			{
				displayName: 'WABA ID',
				name: 'wabaId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 422126422872292',
				hint: "Leave empty to use the one of the credential's channel",
				description:
					"WhatsApp Business Account whose templates to watch: shown by the action node's Account → Get Info operation, or in Meta's WhatsApp Manager",
				displayOptions: showForEvents(TEMPLATE_EVENTS),
			},
			{
				displayName: 'Phone Number ID',
				name: 'phoneNumberId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 123164329653069',
				hint: "Leave empty to use the one of the credential's channel",
				description:
					"WhatsApp phone number to watch: shown by the action node's Account → Get Info operation, or in Meta's WhatsApp Manager",
				displayOptions: showForEvents(['phoneNumberChanged']),
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				displayOptions: showForEvents([...TEMPLATE_EVENTS, 'flowStatusChanged']),
				options: [
					{
						displayName: 'Flow Statuses',
						name: 'flowStatuses',
						type: 'multiOptions',
						options: ['BLOCKED', 'DEPRECATED', 'DRAFT', 'PUBLISHED', 'THROTTLED'].map(optionOf),
						default: [],
						description: 'Only flow status changes to these statuses; all when empty',
					},
					{
						displayName: 'Template Categories',
						name: 'templateCategories',
						type: 'multiOptions',
						options: templateCategoryOptions,
						default: [],
						description: 'Only templates of these categories; all when empty',
					},
					{
						displayName: 'Template Languages',
						name: 'templateLanguages',
						type: 'multiOptions',
						options: languageOptions,
						default: [],
						description: 'Only these language versions; all when empty',
					},
					{
						displayName: 'Template Name Contains',
						name: 'templateName',
						type: 'string',
						default: '',
						placeholder: 'e.g. order_',
						description: 'Only templates whose name holds this text (any case)',
					},
					{
						displayName: 'Template Statuses',
						name: 'templateStatuses',
						type: 'multiOptions',
						options: templateStatusOptions.filter(({ value }) => value !== 'DELETED'),
						default: [],
						description: 'Only template status changes to these statuses; all when empty',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Emit Existing on First Poll',
						name: 'emitExistingOnFirstPoll',
						type: 'boolean',
						default: false,
						description:
							'Whether the first poll after activation emits what exists now (templates as created, statuses from nothing); otherwise it only records them',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const events = this.getNodeParameter('events', []) as EventName[];
		if (!events.length) {
			throw new NodeOperationError(this.getNode(), 'Events must name at least one event', {
				description: 'Pick what should start the workflow in the Events field.',
			});
		}
		const manual = this.getMode() === 'manual';
		const emitExisting = this.getNodeParameter('options.emitExistingOnFirstPoll', false) as boolean;
		const staticData = this.getWorkflowStaticData('node') as TriggerStaticData;
		const snapshots = { ...staticData.snapshots };
		const bounds = boundsOf(this);
		const detectedAt = new Date().toISOString();
		const items: INodeExecutionData[] = [];
		let sample: INodeExecutionData | undefined;

		for (const source of SOURCES.filter(({ events: own }) =>
			own.some(({ value }) => events.includes(value)),
		)) {
			const observation = await source.observe.call(this, bounds);
			const { changes, next, baseline } = diff(source.shape, snapshots[source.name], observation);
			snapshots[source.name] = next;
			if (manual && !sample && observation.objects.length) {
				sample = sampleOf(source, observation.objects[0], events, detectedAt);
			}
			if (baseline && !emitExisting) continue;
			for (const change of changes) {
				const event = source.eventOf.call(this, change);
				if (!event || !events.includes(event)) continue;
				const context = (await source.contextOf?.call(this, change, bounds)) ?? {};
				items.push(itemOf(event, change, context, detectedAt));
			}
		}
		// A manual run shows what changed without moving the snapshot the active workflow relies on.
		if (!manual) staticData.snapshots = snapshots;
		if (items.length) return [items];
		return manual && sample ? [[sample]] : null;
	}
}
