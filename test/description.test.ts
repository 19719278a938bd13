import { NodeHelpers } from 'n8n-workflow';
import type {
	INode,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyMode,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';
import { WoztellWhatsAppCloudApi } from '../credentials/WoztellWhatsAppCloudApi.credentials';
import { WoztellWhatsAppCloud } from '../nodes/WoztellWhatsAppCloud/WoztellWhatsAppCloud.node';
import { WoztellWhatsAppCloudTrigger } from '../nodes/WoztellWhatsAppCloudTrigger/WoztellWhatsAppCloudTrigger.node';

/**
 * Walks the node and credential descriptions the way a user (and an AI agent) reads them:
 * every field, option, collection entry and locator mode, with the path that leads to it.
 */
const node = new WoztellWhatsAppCloud().description;
const trigger = new WoztellWhatsAppCloudTrigger().description;
const credential = new WoztellWhatsAppCloudApi();

interface Field {
	path: string;
	property: INodeProperties;
	/** Inside a collection / fixedCollection (n8n lint checks top-level fields more strictly). */
	nested: boolean;
}
interface Choice {
	path: string;
	option: INodePropertyOptions;
	parent: INodeProperties;
}
interface Mode {
	path: string;
	mode: INodePropertyMode;
	parent: INodeProperties;
}

function walk(properties: INodeProperties[], prefix: string, nested = false) {
	const fields: Field[] = [];
	const choices: Choice[] = [];
	const modes: Mode[] = [];
	const where = (property: INodeProperties) => {
		const shown = property.displayOptions?.show ?? {};
		const scope = ['resource', 'operation']
			.map((key) => (shown[key] as string[] | undefined)?.join('|'))
			.filter(Boolean)
			.join('/');
		return `${prefix}${scope ? `[${scope}]` : ''}.${property.name}`;
	};
	for (const property of properties) {
		const path = where(property);
		fields.push({ path, property, nested });
		for (const mode of property.modes ?? []) {
			modes.push({ path: `${path}(${mode.name})`, mode, parent: property });
		}
		for (const option of property.options ?? []) {
			if ('values' in option) {
				const group = option as INodePropertyCollection;
				const inner = walk(group.values, `${path}.${group.name}`, true);
				fields.push(...inner.fields);
				choices.push(...inner.choices);
				modes.push(...inner.modes);
			} else if ('type' in option && 'name' in option && 'displayName' in option) {
				const inner = walk([option as INodeProperties], path, true);
				fields.push(...inner.fields);
				choices.push(...inner.choices);
				modes.push(...inner.modes);
			} else {
				const choice = option as INodePropertyOptions;
				choices.push({ path: `${path}=${String(choice.value)}`, option: choice, parent: property });
			}
		}
	}
	return { fields, choices, modes };
}

const nodeParts = walk(node.properties, 'node');
const triggerParts = walk(trigger.properties, 'trigger');
const credentialParts = walk(credential.properties, 'credential');
const allFields = [...nodeParts.fields, ...triggerParts.fields, ...credentialParts.fields];
const allChoices = [...nodeParts.choices, ...triggerParts.choices, ...credentialParts.choices];
const allModes = [...nodeParts.modes, ...triggerParts.modes, ...credentialParts.modes];
const operations = nodeParts.choices.filter((choice) => choice.parent.name === 'operation');
const selectors = new Set(['resource', 'operation']);

/**
 * `titleCase` of title-case 3.0.3 (MIT, Blake Embrey), the function eslint-plugin-n8n-nodes-base
 * checks display names with, copied because the community lint rules forbid importing packages
 * the project does not declare: capitalise each word's first letter, except small words inside
 * the text and words that already mix cases ("WhatsApp", "e.g.").
 */
const SMALL_WORDS =
	/\b(?:an?d?|a[st]|because|but|by|en|for|i[fn]|neither|nor|o[fnr]|only|over|per|so|some|tha[tn]|the|to|up|upon|vs?\.?|versus|via|when|with|without|yet)\b/i;
function titleCase(input: string): string {
	return input.replace(/[^\s:–—-]+|./g, (token, index: number) => {
		const manualCase = /.(?=[A-Z]|\..)/.test(token);
		const small = SMALL_WORDS.test(token) && index !== 0 && index + token.length !== input.length;
		const url =
			input.charAt(index + token.length) === ':' &&
			!/\s/.test(input.charAt(index + token.length + 1));
		return manualCase || small || url
			? token
			: token.replace(/[A-Za-z0-9\u00C0-\u00FF]/, (letter) => letter.toUpperCase());
	});
}

/**
 * Reasons a display name is not in title case, or none, as n8n's lint rule sees it; like that
 * rule, names ending in "or" are left alone. A literal API value quoted in parentheses
 * ("Afrikaans (af)") stays as WhatsApp spells it.
 */
function titleCaseProblem(text: string, literal?: unknown): string | undefined {
	if (!text.trim()) return 'empty';
	if (text !== text.trim() || /\s{2,}/.test(text)) return 'stray spaces';
	if (text.toLowerCase().endsWith('or')) return undefined;
	const checked = typeof literal === 'string' ? text.replace(`(${literal})`, '()') : text;
	const expected = titleCase(checked);
	return checked === expected ? undefined : `not title case (expected "${expected}")`;
}

/**
 * As eslint-plugin-n8n-nodes-base's node-param-operation-option-action-miscased: leaving out
 * all-uppercase words (ID, URL, JSON, WABA), only the first letter is upper case.
 */
function isSentenceCase(text: string): boolean {
	const words = text.split(' ').filter((word) => word !== word.toUpperCase());
	return words.every((word, index) =>
		index === 0
			? word === word[0].toUpperCase() + word.slice(1).toLowerCase()
			: word === word.toLowerCase(),
	);
}

/** Reasons a description is not in n8n's style, or none. */
function descriptionProblem(text: string, property?: INodeProperties): string | undefined {
	if (!text.trim()) return 'empty';
	if (text !== text.trim()) return 'stray spaces';
	if (!/^[A-Z0-9"'`({]/.test(text)) return 'does not start with a capital';
	// n8n: a single sentence has no final period (node-param-description-excess-final-period).
	const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
	if (sentences === 1 && /[^.]\.$/.test(text) && !/\be\.g\.$|\betc\.$/.test(text)) {
		return 'one sentence ending with a period';
	}
	if (sentences > 1 && !/[.!?)]$/.test(text)) return 'several sentences without a final period';
	if (property?.type === 'boolean' && !text.startsWith('Whether')) {
		return "a boolean's description starts with 'Whether'";
	}
	if (property && text.toLowerCase() === property.displayName.toLowerCase()) {
		return 'repeats the display name';
	}
	return undefined;
}

const isIdField = (property: INodeProperties) =>
	property.type !== 'boolean' &&
	property.type !== 'options' &&
	property.type !== 'multiOptions' &&
	(/\bIDs?\b/.test(property.displayName) || /Ids?$/.test(property.name));
const isUrlField = (property: INodeProperties) =>
	property.type === 'string' && /\bURL\b/.test(property.displayName);
/** Says where the ID comes from: an operation, a WOZTELL/Meta screen, a list, an earlier output. */
const explainsWhereToFind = (text: string) =>
	/\b(shown|find|found|from|returned|output|given|get info|get many|settings|manager|list|→)\b|→/i.test(
		text,
	);

const report = (problems: Array<[string, string | undefined]>) =>
	problems.filter(([, problem]) => problem).map(([path, problem]) => `${path}: ${problem}`);

describe('node and credential descriptions', () => {
	it('walks a description with every resource and operation', () => {
		expect(nodeParts.choices.filter((choice) => choice.parent.name === 'resource')).toHaveLength(
			13,
		);
		expect(operations.length).toBe(42);
		expect(credentialParts.fields.length).toBeGreaterThan(5);
	});

	it('gives every field a display name in title case', () => {
		expect(
			report(
				allFields
					.filter(({ property }) => property.type !== 'notice')
					.map(({ path, property }) => [path, titleCaseProblem(property.displayName)]),
			),
		).toEqual([]);
	});

	it('gives every option and collection entry a name in title case', () => {
		expect(
			report(
				allChoices.map(({ path, option }) => [path, titleCaseProblem(option.name, option.value)]),
			),
		).toEqual([]);
		expect(
			report(allModes.map(({ path, mode }) => [path, titleCaseProblem(mode.displayName)])),
		).toEqual([]);
	});

	it("describes every field in n8n's style", () => {
		// n8n describes neither the "Add Field" containers (collection, fixedCollection) nor hidden values.
		const undescribed = ['notice', 'hidden', 'collection', 'fixedCollection'];
		const described = allFields.filter(
			({ property }) => !undescribed.includes(property.type) && !selectors.has(property.name),
		);
		expect(
			report(
				described.map(({ path, property }) => [
					path,
					descriptionProblem(property.description ?? '', property),
				]),
			),
		).toEqual([]);
		// Notices speak through their display name.
		const notices = allFields.filter(({ property }) => property.type === 'notice');
		expect(notices.filter(({ property }) => !property.displayName.trim())).toEqual([]);
	});

	it("keeps option descriptions, where given, and hints in n8n's style", () => {
		expect(
			report(
				allChoices
					.filter(({ option }) => option.description !== undefined)
					.map(({ path, option }) => [path, descriptionProblem(option.description ?? '')]),
			),
		).toEqual([]);
		expect(
			report(
				allFields
					.filter(({ property }) => property.hint !== undefined)
					.map(({ path, property }) => [path, descriptionProblem(property.hint ?? '')]),
			),
		).toEqual([]);
	});

	it('describes every operation, each differently, with an action an AI agent can use as a tool description', () => {
		const problems = operations.flatMap(({ path, option }) => {
			const found: string[] = [];
			const problem = descriptionProblem(option.description ?? '');
			if (problem) found.push(`${path}: description ${problem}`);
			const action = option.action ?? '';
			// n8n's convention: a sentence-case verb phrase naming the thing ("Create a flow").
			if (!/^[A-Z][a-z]+( [^ ]+){1,}$/.test(action)) found.push(`${path}: action "${action}"`);
			if (!isSentenceCase(action)) found.push(`${path}: action "${action}" not in sentence case`);
			if (/\.$/.test(action)) found.push(`${path}: action ends with a period`);
			if (action.length > 80) found.push(`${path}: action longer than 80 characters`);
			return found;
		});
		expect(problems).toEqual([]);

		const duplicated = (texts: string[]) =>
			texts.filter((text, index) => texts.indexOf(text) !== index);
		expect(duplicated(operations.map(({ option }) => option.description ?? ''))).toEqual([]);
		expect(duplicated(operations.map(({ option }) => option.action ?? ''))).toEqual([]);
	});

	it('explains where to find every ID a field asks for (in a hint or the description)', () => {
		const idFields = allFields.filter(({ property }) => isIdField(property));
		expect(idFields.length).toBeGreaterThan(5);
		expect(
			idFields
				.filter(
					({ property }) =>
						!explainsWhereToFind(`${property.hint ?? ''} ${property.description ?? ''}`),
				)
				.map(({ path }) => path),
		).toEqual([]);
	});

	it('shows a placeholder in every free-text ID or URL field, and in every typed locator mode', () => {
		const freeText = allFields.filter(
			({ property }) =>
				property.type === 'string' &&
				property.default === '' &&
				(isIdField(property) || isUrlField(property)) &&
				!property.typeOptions?.password,
		);
		expect(
			freeText.filter(({ property }) => !property.placeholder).map(({ path }) => path),
		).toEqual([]);
		expect(
			allModes
				.filter(({ mode }) => mode.type !== 'list' && !mode.placeholder)
				.map(({ path }) => path),
		).toEqual([]);
		// n8n's placeholders show an example ID or URL: "e.g. …".
		const placeholders = [
			...freeText.map(({ path, property }) => [path, property.placeholder] as const),
			...allModes.map(({ path, mode }) => [path, mode.placeholder] as const),
		].filter(([, placeholder]) => typeof placeholder === 'string' && placeholder !== '');
		expect(
			placeholders
				.filter(([, placeholder]) => !/^e\.g\. \S/.test(String(placeholder)))
				.map(([path, placeholder]) => `${path}: ${String(placeholder)}`),
		).toEqual([]);
	});

	it("orders a list's fields as n8n's nodes do: Return All and Limit, then Filters and Options", () => {
		const lists = operations.filter(({ option }) => option.value === 'getMany');
		expect(lists.length).toBeGreaterThan(3);
		for (const { parent } of lists) {
			const resource = (parent.displayOptions?.show?.resource as string[])[0];
			const shown = NodeHelpers.getNodeParameters(
				node.properties,
				{ resource, operation: 'getMany' },
				true,
				false,
				null,
				node,
			);
			const order = node.properties
				.filter((property) => NodeHelpers.displayParameter(shown ?? {}, property, null, node))
				.map((property) => property.name)
				.filter((name) => ['returnAll', 'limit', 'filters', 'options'].includes(name));
			expect([resource, order]).toEqual([
				resource,
				['returnAll', 'limit', 'filters', 'options'].filter((name) => order.includes(name)),
			]);
			expect(order.slice(0, 2)).toEqual(['returnAll', 'limit']);
		}
	});

	it('names the node, its credential and the resource options consistently', () => {
		expect(node.displayName).toBe('WOZTELL WhatsApp Cloud');
		expect(descriptionProblem(node.description)).toBeUndefined();
		expect(node.usableAsTool).toBe(true);
		expect(credential.displayName).toBe('WOZTELL WhatsApp Cloud API');
		expect(trigger).toMatchObject({
			displayName: 'WOZTELL WhatsApp Cloud Trigger',
			name: 'woztellWhatsAppCloudTrigger',
			group: ['trigger'],
			polling: true,
			inputs: [],
			credentials: node.credentials,
		});
		expect(descriptionProblem(trigger.description)).toBeUndefined();
		expect(trigger.usableAsTool).toBeUndefined();
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
	});
});

describe('operations as AI agent tools', () => {
	const resourceOf = (operation: INodeProperties) =>
		(operation.displayOptions?.show?.resource as string[])[0];
	/** The tool description n8n's AI Agent sends the model, built by n8n's own function. */
	const toolDescriptions = operations.map(({ option, parent }) => ({
		resource: resourceOf(parent),
		action: option.action ?? '',
		sent: NodeHelpers.getToolDescriptionForNode(
			{
				parameters: {
					descriptionType: 'auto',
					resource: resourceOf(parent),
					operation: option.value,
				},
			} as unknown as INode,
			{ description: node } as INodeType,
		),
	}));
	/** What each resource's operations act on, in the words their actions must use. */
	const OBJECTS: Record<string, string> = {
		account: 'account',
		analytics: 'conversation analytics',
		businessEncryption: 'business public key',
		businessProfile: 'business profile',
		catalog: 'catalog',
		chatbot: 'chatbot',
		flow: 'flow',
		media: 'media',
		member: 'member',
		message: 'message',
		phoneNumber: 'phone number',
		product: 'product',
		template: 'message template',
	};

	it('sends the model each operation’s own action as its tool description', () => {
		expect(toolDescriptions.map(({ sent }) => sent)).toEqual(
			toolDescriptions.map(({ action }) => `${action} in WOZTELL WhatsApp Cloud`),
		);
		const texts = toolDescriptions.map(({ sent }) => sent);
		expect(texts.filter((text, index) => texts.indexOf(text) !== index)).toEqual([]);
	});

	it('names the object of the operation in every action', () => {
		const resources = nodeParts.choices
			.filter((choice) => choice.parent.name === 'resource')
			.map((choice) => String(choice.option.value));
		expect(Object.keys(OBJECTS).sort()).toEqual(resources.sort());
		expect(
			toolDescriptions
				.filter(({ resource, action }) => !action.toLowerCase().includes(OBJECTS[resource]))
				.map(
					({ resource, action }) => `${resource}: "${action}" does not name ${OBJECTS[resource]}`,
				),
		).toEqual([]);
	});
});
