import fc from 'fast-check';
import type { INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { WoztellWhatsAppCloud } from '../nodes/WoztellWhatsAppCloud/WoztellWhatsAppCloud.node';
import { runNode, sandboxCredentials } from './engine/harness';
import { useSandbox } from './engine/useSandbox';
import { OPEN_API_PATH } from './sandbox';
import { OPEN_API_URL } from '../nodes/shared/openApi';

const context = useSandbox();
const { properties } = new WoztellWhatsAppCloud().description;
const RUNS_PER_OPERATION = 45;
const FROM_ITEM = '={{ $json.value }}';

const operations = (
	properties.find((property) => property.name === 'resource')?.options as INodePropertyOptions[]
).flatMap(({ value: resource }) =>
	(
		properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes(resource),
		)?.options as INodePropertyOptions[]
	).map(({ value: operation, routing }) => ({
		resource: String(resource),
		operation: String(operation),
		// The sandbox takes the Open API's requests at its own address (sandbox/server.js).
		endpoint: `${String(routing?.request?.method)} ${
			routing?.request?.url === OPEN_API_URL ? OPEN_API_PATH : String(routing?.request?.url)
		}`,
	})),
);

const fromItem = (property: INodeProperties) =>
	property.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: FROM_ITEM } : FROM_ITEM;

const description = new WoztellWhatsAppCloud().description;

/** The fields n8n shows for the operation with every other field at its default. */
function shownFields(resource: string, operation: string) {
	const shown =
		NodeHelpers.getNodeParameters(
			properties,
			{ resource, operation },
			true,
			false,
			null,
			description,
		) ?? {};
	// A field that takes no expression (noDataExpression) shows or hides others: n8n's editor
	// offers its options only, so it keeps its default here. Request Options are n8n's own
	// settings of every declarative node, read by its routing engine.
	return properties
		.filter(
			(property) =>
				!['returnAll', 'requestOptions'].includes(property.name) && !property.noDataExpression,
		)
		.filter((property) => NodeHelpers.displayParameter(shown, property, null, description));
}

/**
 * Every place a user can type into for one operation, each set to take the fuzzed value from the
 * item; the required fields always take it too, as n8n refuses to run a node that leaves them empty.
 */
function fieldsOf(resource: string, operation: string): INodeParameters[] {
	const fields = shownFields(resource, operation);
	const required = Object.fromEntries(
		fields
			.filter((property) => property.required)
			.map((property) => [property.name, fromItem(property)]),
	);
	const fuzzed = fields.flatMap((property): INodeParameters[] => {
		if (property.type === 'collection') {
			return (property.options as INodeProperties[]).map((option) => ({
				...required,
				[property.name]: { [option.name]: FROM_ITEM },
			}));
		}
		if (property.type === 'fixedCollection') return [];
		return [{ ...required, [property.name]: fromItem(property) }];
	});
	// An operation without fields still runs with whatever the item holds.
	return fuzzed.length ? fuzzed : [required];
}

/** Unicode, huge strings, nulls, numbers, nested objects and lists. */
const anyValue = fc.oneof(
	fc.anything({ maxDepth: 3 }),
	fc.string({ unit: 'grapheme', maxLength: 300 }),
	fc.string({ unit: 'binary', maxLength: 50 }),
	fc.constantFrom(
		'x'.repeat(100_000),
		'',
		' ',
		'0',
		'-1',
		'1e400',
		'null',
		'{}',
		'[]',
		'{{1}}',
		'\u0000',
		'😀'.repeat(2000),
	),
	fc.oneof(fc.integer(), fc.double(), fc.constant(null), fc.boolean()),
	fc.array(fc.string(), { maxLength: 12 }),
);

const ALLOWED = ['NodeOperationError', 'NodeApiError'];
const PROGRAMMING_ERRORS =
	/Cannot read propert|is not a function|is not iterable|undefined is not|Maximum call stack|Invalid array length/;

let runs = 0;

describe('fuzzing every field of every operation', () => {
	it.each(
		operations.map(({ resource, operation, endpoint }) => [
			`${resource}.${operation}`,
			resource,
			operation,
			endpoint,
		]),
	)(
		'%s: only success, NodeOperationError or NodeApiError',
		async (_name, resource, operation, endpoint) => {
			const fields = fieldsOf(resource, operation);
			const result = await fc.check(
				fc.asyncProperty(fc.constantFrom(...fields), anyValue, async (field, value) => {
					runs++;
					const sentBefore = context.sandbox.requests.length;
					const { error, items } = await runNode(
						{ resource, operation, ...field },
						{
							credentials: sandboxCredentials(context.sandbox),
							items: [{ value: value as never }],
						},
					);
					if (!error) {
						// A success is WOZTELL's answer to the operation's own request, as items of this input item.
						const sent = context.sandbox.requests
							.slice(sentBefore)
							.map((request) => `${request.method} ${request.path}`);
						expect(sent).toContain(endpoint);
						for (const item of items) {
							expect(item.pairedItem).toEqual({ item: 0 });
							expect(typeof item.json === 'object' && !Array.isArray(item.json)).toBe(true);
						}
						return;
					}
					expect(ALLOWED).toContain(error.name);
					expect(error.message).not.toMatch(PROGRAMMING_ERRORS);
					const cause = (error as unknown as { cause?: unknown }).cause;
					expect(cause instanceof TypeError || cause instanceof RangeError).toBe(false);
				}),
				{ numRuns: RUNS_PER_OPERATION, interruptAfterTimeLimit: 20_000, seed: 20261127 },
			);
			// fast-check's own report prints the whole counterexample, which can be 100,000 characters.
			if (result.failed) {
				const reason =
					(result.errorInstance as Error | undefined)?.message ?? String(result.errorInstance);
				throw new Error(
					`${reason.slice(0, 600)}\nfor ${fc.stringify(result.counterexample).slice(0, 400)}`,
				);
			}
			expect(result.interrupted).toBe(false);
		},
		60_000,
	);

	it('threw at least 1,000 values', () => {
		expect(runs).toBeGreaterThanOrEqual(1000);
	});
});
