import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { PollContext, PollTriggerExecutor, TriggersAndPollers } from 'n8n-core';
import { WoztellWhatsAppCloudTrigger } from '../../nodes/WoztellWhatsAppCloudTrigger/WoztellWhatsAppCloudTrigger.node';
import { CredentialsHelper } from './credentialsHelper';
import { additionalDataFor, CREDENTIAL_TYPE, credentialType, typesServing } from './harness';

export const TRIGGER_TYPE = 'n8n-nodes-woztell-whatsapp-cloud.woztellWhatsAppCloudTrigger';
const triggerType = new WoztellWhatsAppCloudTrigger();
const DEFAULT_BUDGET_MS = 5 * 60 * 1000;

export interface PollOutcome {
	/** What the poll emitted (its items), or null when it emitted nothing. */
	items: INodeExecutionData[] | null;
	error?: Error;
}

export interface PollerOptions {
	credentials: ICredentialDataDecryptedObject;
	parameters: INodeParameters;
	/**
	 * n8n 2.x with N8N_POLLER_DURABLE_CURSORS_ENABLED: the node's static data is a staged copy,
	 * committed with the execution a poll starts (or alone after a quiet poll), dropped when the
	 * poll throws. Without it (n8n 1.x, and 2.x by default) the node writes the workflow's own.
	 */
	durableCursors?: boolean;
	/** What n8n 2.x's `getPollBudgetMs()` answers (read at each poll); 5 minutes, n8n-core's default, when unset. */
	budgetMs?: number;
}

const quiet = () => undefined;
const logger = { scoped: () => logger, debug: quiet, info: quiet, warn: quiet, error: quiet };
const tracing = {
	startSpan: async (_options: unknown, run: (span: unknown) => Promise<unknown>) =>
		await run({ setStatus: quiet }),
	pickWorkflowAttributes: () => ({}),
	pickNodeAttributes: () => ({}),
};
Object.assign(tracing, { startNewTraceSpan: tracing.startSpan });

/**
 * One active polling trigger as n8n runs it: the workflow object stays between polls (as in
 * n8n's active workflows), each poll goes through n8n-core's PollTriggerExecutor and
 * TriggersAndPollers, with a PollContext built the way n8n's TriggerExecutionContextFactory
 * (packages/cli) builds it.
 */
export function createPoller(options: PollerOptions) {
	const credentialsHelper = new CredentialsHelper({ [CREDENTIAL_TYPE]: credentialType });
	credentialsHelper.stored.set(CREDENTIAL_TYPE, options.credentials);
	const node: INode = {
		id: 'woztell-trigger',
		name: 'WOZTELL Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { [CREDENTIAL_TYPE]: { id: 'sandbox', name: 'WOZTELL Sandbox' } },
	};
	const workflow = new Workflow({
		id: 'poll-test',
		nodes: [node],
		connections: {},
		nodeTypes: typesServing(triggerType),
		active: true,
		staticData: {},
	});
	const executor = new PollTriggerExecutor(
		logger as never,
		new TriggersAndPollers(),
		tracing as never,
		{ error: quiet } as never,
	);
	/** The durable cursor as n8n's poller_state table would hold it. */
	let committedCursor: IDataObject = {};

	async function run(mode: 'trigger' | 'manual'): Promise<PollOutcome> {
		const outcome: PollOutcome = { items: null };
		let staged: IDataObject | undefined;
		const durable = options.durableCursors ?? false;
		const commit = () => {
			if (staged && JSON.stringify(staged) !== JSON.stringify(committedCursor))
				committedCursor = structuredClone(staged);
		};
		const context = new PollContext(
			workflow,
			node,
			additionalDataFor(credentialsHelper),
			mode,
			'activate',
			(data) => {
				outcome.items = data[0];
				// The CLI commits the staged cursor in the transaction of the execution it starts.
				if (mode === 'trigger') commit();
			},
			(error) => (outcome.error = error),
			async () => commit(),
			async (poll) => {
				staged = durable ? structuredClone(committedCursor) : undefined;
				return await poll();
			},
			() => staged ?? workflow.getStaticData('node', node),
			() => options.budgetMs ?? DEFAULT_BUDGET_MS,
		);
		const poll = executor.create(workflow, node, context, () => true);
		try {
			await poll(mode === 'manual');
		} catch (error) {
			outcome.error = error as Error;
		}
		return outcome;
	}

	return {
		/** One scheduled poll of the active workflow. */
		poll: async () => await run('trigger'),
		/** The editor's "Fetch Test Event". */
		fetchTestEvent: async () => await run('manual'),
		/** What n8n would have saved of the node's static data. */
		staticData: (): IDataObject =>
			options.durableCursors ? committedCursor : workflow.getStaticData('node', node),
	};
}
