import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	INodeListSearchResult,
	ResourceMapperFields,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import {
	DirectoryLoader,
	ExecutionLifecycleHooks,
	type ExecuteContext,
	LoadOptionsContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import { WoztellWhatsAppCloud } from '../../nodes/WoztellWhatsAppCloud/WoztellWhatsAppCloud.node';
import { WoztellWhatsAppCloudApi } from '../../credentials/WoztellWhatsAppCloudApi.credentials';
import { credentialData, type Sandbox } from '../sandbox';
import { CredentialsHelper } from './credentialsHelper';

export const NODE_TYPE = 'n8n-nodes-woztell-whatsapp-cloud.woztellWhatsAppCloud';
export const CREDENTIAL_TYPE = 'woztellWhatsAppCloudApi';
export const NODE_NAME = 'WOZTELL';

export const nodeType: INodeType & WoztellWhatsAppCloud = new WoztellWhatsAppCloud();
// n8n's loader gives every declarative node the standard Request Options (batching, timeout, proxy).
DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
// And n8n's CLI gives it an `execute` that runs the routing engine (NodeTypes.getByNameAndVersion):
// a node with a `webhook` (Send and Wait's) is otherwise run as a webhook node.
nodeType.execute = async function (this: IExecuteFunctions) {
	return (await new RoutingNode(this as ExecuteContext, nodeType).runNode()) ?? [];
};
export const credentialType = new WoztellWhatsAppCloudApi();

export const typesServing = (type: INodeType) =>
	({
		getByName: () => type,
		getByNameAndVersion: () => type,
		getKnownTypes: () => ({}),
	}) as unknown as INodeTypes;
const nodeTypes = typesServing(nodeType);

/** A credential for the sandbox, signed context typed in by hand unless overridden. */
export function sandboxCredentials(
	sandbox: Sandbox,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return { ...credentialData(sandbox.baseUrl), ...overrides } as ICredentialDataDecryptedObject;
}

export function additionalDataFor(
	credentialsHelper: CredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
	executionId?: string,
	webhookWaitingBaseUrl = 'http://localhost:5678/webhook-waiting',
) {
	return {
		credentialsHelper,
		hooks,
		executionId,
		variables: {},
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl,
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		currentNodeExecutionIndex: 0,
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

function nodeWith(parameters: INodeParameters, options: Partial<INode> = {}): INode {
	return {
		id: 'woztell-node',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [CREDENTIAL_TYPE]: { id: 'sandbox', name: 'WOZTELL Sandbox' } },
		...options,
	};
}

export interface RunOptions {
	credentials: ICredentialDataDecryptedObject;
	/** Input items; one empty item when left out. */
	items?: IDataObject[];
	/** Node settings such as `continueOnFail` or `onError`. */
	node?: Partial<INode>;
	/** Reuse a helper to keep what preAuthentication stored between runs. */
	credentialsHelper?: CredentialsHelper;
	/** Another node type to run in place of this package's node, for the benchmark. */
	nodeType?: INodeType;
	/** n8n gives every execution its own ID; a new one per run unless given. */
	executionId?: string;
	/** Where n8n serves its waiting webhooks (Send and Wait's resume URLs). */
	webhookWaitingBaseUrl?: string;
}

let executions = 0;

export interface RunResult {
	items: INodeExecutionData[];
	/** The error that stopped the node, when it stopped. */
	error?: ExecutionError;
	run: IRun;
	executionId: string;
}

/** The one-node workflow a run executes, and n8n's lifecycle hooks around its execution. */
function executionOf(node: INode, executionId: string, type?: INodeType) {
	const workflow = new Workflow({
		id: 'test',
		nodes: [node],
		connections: {},
		nodeTypes: type ? typesServing(type) : nodeTypes,
		active: false,
	});
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: 'test',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', resolve),
	);
	return { workflow, hooks, finished };
}

function credentialsHelperFor(options: RunOptions) {
	const credentialsHelper =
		options.credentialsHelper ?? new CredentialsHelper({ [CREDENTIAL_TYPE]: credentialType });
	credentialsHelper.stored.set(CREDENTIAL_TYPE, {
		...options.credentials,
		...credentialsHelper.stored.get(CREDENTIAL_TYPE),
	});
	return credentialsHelper;
}

async function execute(
	runExecutionData: IRunExecutionData,
	node: INode,
	executionId: string,
	options: RunOptions,
): Promise<RunResult> {
	const { workflow, hooks, finished } = executionOf(node, executionId, options.nodeType);
	const additionalData = additionalDataFor(
		credentialsHelperFor(options),
		hooks,
		executionId,
		options.webhookWaitingBaseUrl,
	);
	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execution.processRunExecutionData(workflow);
	const run = await finished;
	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: taskData?.error ?? run.data.resultData.error,
		run,
		executionId,
	};
}

/**
 * Runs one node of this package the way n8n does: WorkflowExecute → RoutingNode → the
 * credential's authenticate → real HTTP to the sandbox.
 */
export async function runNode(
	parameters: INodeParameters,
	options: RunOptions,
): Promise<RunResult> {
	const node = nodeWith(parameters, options.node);
	const executionId = options.executionId ?? `engine-${++executions}`;
	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [items] }, source: null }] },
	});
	return await execute(runExecutionData, node, executionId, options);
}

/**
 * Goes on with a run that waits (Send and Wait), as n8n's server does: with what the node's
 * webhook gave (WaitingWebhooks + webhook-helpers prepareExecutionData: the node disabled, its
 * waiting run dropped, the webhook's items as its input), or without (the WaitTracker at the end
 * of the wait: WorkflowExecute handleWaitingState).
 */
export async function resumeRun(
	waiting: RunResult,
	options: RunOptions & { webhookItems?: INodeExecutionData[][] },
): Promise<RunResult> {
	const runExecutionData = waiting.run.data;
	const [entry] = runExecutionData.executionData!.nodeExecutionStack;
	if (options.webhookItems) {
		entry.node.disabled = true;
		runExecutionData.waitTill = undefined;
		runExecutionData.resultData.runData[entry.node.name].pop();
		entry.data.main = options.webhookItems;
		entry.metadata = { ...entry.metadata, forwardAllOutputs: true };
	}
	return await execute(runExecutionData, entry.node, waiting.executionId, options);
}

/** What the n8n editor runs a node's pick-lists and resource mappers in. */
function loadOptionsContext(
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject,
): LoadOptionsContext {
	const credentialsHelper = new CredentialsHelper({ [CREDENTIAL_TYPE]: credentialType });
	credentialsHelper.stored.set(CREDENTIAL_TYPE, credentials);
	const node = nodeWith(parameters);
	const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes, active: false });
	// The editor sends the panel's current values with every pick-list request.
	const additionalData = {
		...additionalDataFor(credentialsHelper),
		currentNodeParameters: parameters,
	};
	return new LoadOptionsContext(workflow, node, additionalData, '');
}

/** The fields of a resource mapper, as the n8n editor loads them. */
export async function loadResourceMapperFields(
	method: keyof WoztellWhatsAppCloud['methods']['resourceMapping'],
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject,
): Promise<ResourceMapperFields> {
	return await nodeType.methods.resourceMapping[method].call(
		loadOptionsContext(parameters, credentials),
	);
}

/** A pick-list search as the n8n editor runs it. */
export async function searchList(
	method: string,
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const context = loadOptionsContext(parameters, credentials);
	const search = (nodeType.methods.listSearch as Record<string, INodeType['methods']>)[
		method
	] as unknown as (
		this: LoadOptionsContext,
		filter?: string,
		paginationToken?: string,
	) => Promise<INodeListSearchResult>;
	return await search.call(context, filter, paginationToken);
}
