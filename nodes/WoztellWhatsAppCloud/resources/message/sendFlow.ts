import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { resourceLocator, showFor } from '../../shared/descriptions';
import { maxLength, numericId } from '../../shared/validate';
import {
	asText,
	compact,
	fieldProblem,
	firstProblemOf,
	FRAME_DEFAULTS,
	frameFields,
	frameProblem,
	optionalText,
	toFrame,
	type FrameValues,
	type HeaderType,
} from './parts';
import type { MessageType } from './response';

const HEADERS: HeaderType[] = ['none', 'text'];
const OPERATIONS = ['sendFlow'];
const forFlow = showFor('message', OPERATIONS);
const forNavigate = { show: { ...forFlow.show, flowAction: ['navigate'] } };
/** WhatsApp Cloud API, flow messages: the button's text (flow_cta) ≤ 30 characters. */
const CTA_MAX = 30;

export const sendFlowFields: INodeProperties[] = [
	resourceLocator({
		name: 'flow',
		displayName: 'Flow',
		description: 'The WhatsApp Flow the button opens, from the list or by ID (Flow → Get Many)',
		searchListMethod: 'searchFlows',
		idPlaceholder: 'e.g. 885692686603466',
		idPattern: '\\d+',
		displayOptions: forFlow,
	}),
	{
		displayName: 'Flow Mode',
		name: 'flowMode',
		type: 'options',
		options: [
			{
				name: 'Draft',
				value: 'draft',
				description: 'Test a flow not yet published (to your own test numbers)',
			},
			{ name: 'Published', value: 'published', description: 'A published flow, for customers' },
		],
		default: 'published',
		description: 'Whether the flow is sent as published or as its current draft',
		displayOptions: forFlow,
	},
	...frameFields(OPERATIONS, HEADERS, 'The message above the flow button'),
	{
		displayName: 'Flow Button Text',
		name: 'flowCta',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Book an appointment',
		description: `The label of the button that opens the flow, at most ${CTA_MAX} characters`,
		displayOptions: forFlow,
	},
	{
		displayName: 'Flow Token',
		name: 'flowReference',
		type: 'string',
		default: '',
		placeholder: 'e.g. booking-A-1',
		description:
			"Your reference for this conversation, sent back with the customer's answers and to the flow's endpoint; empty for none",
		displayOptions: forFlow,
	},
	{
		displayName: 'Flow Action',
		name: 'flowAction',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Data Exchange',
				value: 'data_exchange',
				description: "The flow's endpoint decides the first screen and its data",
			},
			{ name: 'Navigate', value: 'navigate', description: 'Opens the screen you name below' },
		],
		default: 'navigate',
		description: 'How the flow starts when the customer taps the button',
		displayOptions: forFlow,
	},
	{
		displayName: 'First Screen',
		name: 'flowScreen',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. WELCOME_SCREEN',
		description: "ID of the screen the flow opens on, as in the Flow JSON's screens",
		displayOptions: forNavigate,
	},
	{
		displayName: 'Screen Data (JSON)',
		name: 'flowData',
		type: 'json',
		default: '{}',
		description: 'Data for the first screen, as a JSON object (e.g. {"name": "Ada"}); {} for none',
		displayOptions: forNavigate,
	},
];

export interface FlowValues extends FrameValues {
	flow: unknown;
	flowMode: unknown;
	flowCta: unknown;
	flowReference: unknown;
	flowAction: unknown;
	flowScreen: unknown;
	flowData: unknown;
}

/** The screen data as an object, undefined for none, or a string saying what is wrong. */
function screenData(value: unknown): IDataObject | undefined | string {
	let data = value;
	if (typeof value === 'string') {
		if (!value.trim()) return undefined;
		try {
			data = JSON.parse(value);
		} catch {
			return 'Screen Data (JSON) is not valid JSON';
		}
	}
	if (data === undefined || data === null) return undefined;
	if (typeof data !== 'object' || Array.isArray(data))
		return 'Screen Data (JSON) must be a JSON object, e.g. {"name": "Ada"}';
	return Object.keys(data).length ? (data as IDataObject) : undefined;
}

const navigates = (values: FlowValues) => values.flowAction !== 'data_exchange';

export function flowProblem(values: FlowValues): string | undefined {
	const token = optionalText(values.flowReference);
	const screen = asText(values.flowScreen);
	const data = navigates(values) ? screenData(values.flowData) : undefined;
	return firstProblemOf(
		fieldProblem('Flow', asText(values.flow), numericId),
		['draft', 'published'].includes(values.flowMode as string)
			? undefined
			: 'Flow Mode must be draft or published',
		['navigate', 'data_exchange'].includes(values.flowAction as string)
			? undefined
			: 'Flow Action must be navigate or data_exchange',
		frameProblem(values, HEADERS),
		fieldProblem('Flow Button Text', asText(values.flowCta), maxLength(CTA_MAX, 1)),
		token === undefined ? undefined : fieldProblem('Flow Token', token, maxLength(Infinity)),
		navigates(values)
			? typeof screen === 'string' && /^\S+$/.test(screen.trim())
				? undefined
				: 'First Screen must be the ID of a screen of the flow, e.g. WELCOME_SCREEN'
			: undefined,
		typeof data === 'string' ? data : undefined,
	);
}

/**
 * Not confirmed by WOZTELL: its "WhatsApp message types" page lists "Interactive Message", but its
 * JSON could not be read in any public copy. This sends WhatsApp Cloud API's interactive flow
 * object (`action: { name: "flow", parameters: { flow_message_version: "3", flow_id, flow_cta,
 * mode, flow_token, flow_action, flow_action_payload: { screen, data } } }`) named like the one
 * interactive type seen sent to WOZTELL (WHATSAPP_REPLY_BUTTONS, see sendButtons.ts):
 * `WHATSAPP_FLOW`.
 */
export function toFlowResponse(values: FlowValues): IDataObject {
	const data = screenData(values.flowData);
	return compact({
		type: 'WHATSAPP_FLOW',
		...toFrame(values),
		action: {
			name: 'flow',
			parameters: compact({
				flow_message_version: '3',
				flow_id: asText(values.flow),
				flow_cta: asText(values.flowCta),
				mode: values.flowMode,
				flow_token: optionalText(values.flowReference),
				flow_action: values.flowAction,
				flow_action_payload: navigates(values)
					? compact({
							screen: String(asText(values.flowScreen)).trim(),
							data: typeof data === 'object' ? data : undefined,
						})
					: undefined,
			}),
		},
	});
}

export const flowMessage: MessageType<FlowValues> = {
	defaults: {
		...FRAME_DEFAULTS,
		flow: '',
		flowMode: 'published',
		flowCta: '',
		flowReference: '',
		flowAction: 'navigate',
		flowScreen: '',
		flowData: '{}',
	},
	locators: ['flow'],
	problem: flowProblem,
	build: toFlowResponse,
};
