import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';
import { WoztellWhatsAppCloud } from '../nodes/WoztellWhatsAppCloud/WoztellWhatsAppCloud.node';
import { WoztellWhatsAppCloudMessageTrigger } from '../nodes/WoztellWhatsAppCloudMessageTrigger/WoztellWhatsAppCloudMessageTrigger.node';
import { WoztellWhatsAppCloudTrigger } from '../nodes/WoztellWhatsAppCloudTrigger/WoztellWhatsAppCloudTrigger.node';
import { loadExamples, type ExampleNode } from './helpers/examples';

/**
 * The example workflows under examples/ must import into n8n as they are: every WOZTELL node names
 * a real resource/operation pair and only parameters the node shows for it, with known values.
 */
const NODE_TYPE = 'n8n-nodes-woztell-whatsapp-cloud.woztellWhatsAppCloud';
const TRIGGER_TYPE = 'n8n-nodes-woztell-whatsapp-cloud.woztellWhatsAppCloudTrigger';
const MESSAGE_TRIGGER_TYPE = 'n8n-nodes-woztell-whatsapp-cloud.woztellWhatsAppCloudMessageTrigger';
/** The node as an AI agent's tool: n8n derives it from the node, with the same parameters. */
const TOOL_TYPE = `${NODE_TYPE}Tool`;
const CREDENTIAL_TYPE = 'woztellWhatsAppCloudApi';
const descriptions: Record<string, INodeTypeDescription> = {
	[NODE_TYPE]: new WoztellWhatsAppCloud().description,
	[TRIGGER_TYPE]: new WoztellWhatsAppCloudTrigger().description,
	[MESSAGE_TRIGGER_TYPE]: new WoztellWhatsAppCloudMessageTrigger().description,
	[TOOL_TYPE]: new WoztellWhatsAppCloud().description,
};
const examples = loadExamples();

/** Whether n8n shows the property for these parameter values (show conditions only, as the nodes use). */
function isShown(
	description: INodeTypeDescription,
	property: INodeProperties,
	parameters: Record<string, unknown>,
) {
	const show = property.displayOptions?.show ?? {};
	return Object.entries(show).every(([name, allowed]) => {
		const setting = description.properties.find((candidate) => candidate.name === name);
		const value = name in parameters ? parameters[name] : setting?.default;
		// A multi-select shows the field when one of its values is allowed.
		return Array.isArray(value)
			? value.some((one) => (allowed as unknown[]).includes(one))
			: (allowed as unknown[]).includes(value);
	});
}

/** n8n adds Poll Times to every polling trigger. */
const ADDED_BY_N8N = ['pollTimes'];

const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

/** Problems with the parameters of one WOZTELL node, as "path: problem". */
function operationProblems(description: INodeTypeDescription, node: ExampleNode): string[] {
	const parameters = node.parameters;
	const resources = (description.properties[0].options ?? []) as INodePropertyOptions[];
	if (!resources.some((option) => option.value === parameters.resource)) {
		return [`${node.name}: unknown resource ${String(parameters.resource)}`];
	}
	const selector = description.properties.find(
		(property) => property.name === 'operation' && isShown(description, property, parameters),
	);
	const operations = (selector?.options ?? []) as INodePropertyOptions[];
	if (!operations.some((option) => option.value === parameters.operation)) {
		return [
			`${node.name}: unknown operation ${String(parameters.resource)}/${String(parameters.operation)}`,
		];
	}
	return [];
}

function parameterProblems(node: ExampleNode): string[] {
	const description = descriptions[node.type];
	const parameters = node.parameters;
	const isTrigger = node.type === TRIGGER_TYPE || node.type === MESSAGE_TRIGGER_TYPE;
	const problems: string[] = isTrigger ? [] : operationProblems(description, node);
	if (problems.length) return problems;

	const checkValue = (path: string, property: INodeProperties, value: unknown) => {
		if (isExpression(value)) return;
		if (property.type === 'options') {
			const values = (property.options as INodePropertyOptions[]).map((option) => option.value);
			if (!values.includes(value as string))
				problems.push(`${path}: ${String(value)} is not an option`);
		} else if (property.type === 'multiOptions') {
			const values = (property.options as INodePropertyOptions[]).map((option) => option.value);
			for (const item of value as unknown[]) {
				if (!values.includes(item as string))
					problems.push(`${path}: ${String(item)} is not an option`);
			}
		} else if (property.type === 'collection') {
			const children = property.options as INodeProperties[];
			for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
				const inner = children.find((candidate) => candidate.name === key);
				if (!inner) problems.push(`${path}.${key}: no such field`);
				else checkValue(`${path}.${key}`, inner, child);
			}
		} else if (property.type === 'fixedCollection') {
			const groups = property.options as INodePropertyCollection[];
			for (const [key, entries] of Object.entries(value as Record<string, unknown>)) {
				const group = groups.find((candidate) => candidate.name === key);
				if (!group) {
					problems.push(`${path}.${key}: no such group`);
					continue;
				}
				for (const entry of ([] as Array<Record<string, unknown>>).concat(entries as never)) {
					for (const [field, child] of Object.entries(entry)) {
						const inner = group.values.find((candidate) => candidate.name === field);
						if (!inner) problems.push(`${path}.${key}.${field}: no such field`);
						else checkValue(`${path}.${key}.${field}`, inner, child);
					}
				}
			}
		} else if (property.type === 'resourceLocator') {
			const locator = value as { __rl?: boolean; mode?: string };
			const modes = (property.modes ?? []).map((mode) => mode.name);
			if (!locator.__rl || !modes.includes(locator.mode ?? '')) {
				problems.push(
					`${path}: not a resource locator value with one of the modes ${modes.join(', ')}`,
				);
			}
		} else if (property.type === 'boolean' && typeof value !== 'boolean') {
			problems.push(`${path}: not a boolean`);
		} else if (property.type === 'number' && typeof value !== 'number') {
			problems.push(`${path}: not a number`);
		}
	};

	for (const [name, value] of Object.entries(parameters)) {
		if (node.type === TRIGGER_TYPE && ADDED_BY_N8N.includes(name)) continue;
		const property = description.properties.find(
			(candidate) => candidate.name === name && isShown(description, candidate, parameters),
		);
		if (!property) problems.push(`${node.name}.${name}: not a parameter shown for these settings`);
		else checkValue(`${node.name}.${name}`, property, value);
	}
	// A required parameter left out would stop the import's first run.
	for (const property of description.properties) {
		if (
			property.required &&
			isShown(description, property, parameters) &&
			!(property.name in parameters)
		) {
			problems.push(`${node.name}.${property.name}: required but missing`);
		}
	}
	return problems;
}

describe('example workflows', () => {
	it('has examples', () => {
		expect(examples.length).toBeGreaterThan(0);
	});

	describe.each(examples.map(({ file, workflow }) => [file, workflow] as const))(
		'%s',
		(_file, workflow) => {
			const woztellNodes = workflow.nodes.filter((node) => node.type in descriptions);

			it('is an importable workflow with WOZTELL nodes in it', () => {
				expect(workflow.name).toMatch(/^WOZTELL: /);
				expect(woztellNodes.length).toBeGreaterThan(0);
				const names = workflow.nodes.map((node) => node.name);
				expect(new Set(names).size).toBe(names.length);
				for (const node of workflow.nodes) {
					expect(node.type).toMatch(
						/^(n8n-nodes-base\.|@n8n\/n8n-nodes-langchain\.|n8n-nodes-woztell-whatsapp-cloud\.)/,
					);
					expect(node.position).toHaveLength(2);
				}
				// main, and ai_languageModel / ai_tool into an AI Agent.
				for (const [from, outputs] of Object.entries(workflow.connections)) {
					expect(names).toContain(from);
					for (const [type, targets] of Object.entries(outputs)) {
						for (const target of targets.flat()) {
							expect(names).toContain(target.node);
							expect(target.type).toBe(type);
						}
					}
				}
			});

			it('uses only real resources, operations, parameters and option values of the node', () => {
				expect(woztellNodes.flatMap(parameterProblems)).toEqual([]);
			});

			it('names the WOZTELL credential type where it names a credential', () => {
				for (const node of woztellNodes) {
					expect(node.typeVersion).toBe(descriptions[node.type].version);
					expect(
						Object.keys(node.credentials ?? {}).filter((type) => type !== CREDENTIAL_TYPE),
					).toEqual([]);
				}
			});
		},
	);
});

/*
 * Resource, operation and parameter names are a public contract: saved workflows name them. The
 * end-to-end suite's workflows were saved over the package's history (some before list fields were
 * reordered, or the Message resource existed); each must still load as saved.
 */
describe.each(
	loadExamples('test/e2e/workflows').map(({ file, workflow }) => [file, workflow] as const),
)('saved workflow test/e2e/workflows/%s', (_file, workflow) => {
	it('uses only real resources, operations, parameters and option values of the node', () => {
		const woztellNodes = workflow.nodes.filter((node) => node.type in descriptions);
		expect(woztellNodes.length).toBeGreaterThan(0);
		expect(woztellNodes.flatMap(parameterProblems)).toEqual([]);
	});
});
