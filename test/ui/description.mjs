// What the node's description says a panel shows, computed with n8n-workflow's own display rules
// from the built node: the reference the browser's panel is compared with.
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../../scripts/n8n-install.mjs';

const require = createRequire(import.meta.url);
const { NodeHelpers } = require('n8n-workflow');

const built = (node) =>
	require(path.join(repoRoot, 'dist', 'nodes', node, `${node}.node.js`))[node];

export function builtNodeDescription() {
	return new (built('WoztellWhatsAppCloud'))().description;
}

const optionsOf = (description, name, values) =>
	description.properties.find(
		(p) =>
			p.name === name && NodeHelpers.displayParameter(values, p, { typeVersion: 1 }, description),
	).options;

/** Every resource and operation, with the titles the dropdowns show. */
export function operations(description) {
	return optionsOf(description, 'resource', {}).flatMap((resource) =>
		optionsOf(description, 'operation', { resource: resource.value }).map((operation) => ({
			resource: resource.value,
			resourceTitle: resource.name,
			operation: operation.value,
			operationTitle: operation.name,
			action: operation.action,
		})),
	);
}

/** The action text the nodes panel lists for an operation, as the built node words it. */
export function actionOf(resource, operation) {
	const found = operations(builtNodeDescription()).find(
		(o) => o.resource === resource && o.operation === operation,
	);
	if (!found?.action) throw new Error(`no action for ${resource}/${operation} in dist`);
	return found.action;
}

/**
 * The nodes panel's name for one of the trigger's events: n8n's node creator shows an event
 * option's action, or else "On " and the option's name in lower case.
 */
export function triggerEventOf(event) {
	const events = new (built('WoztellWhatsAppCloudTrigger'))().description.properties.find(
		(p) => p.name === 'events',
	);
	const option = events.options.find((o) => o.value === event);
	if (!option) throw new Error(`no trigger event ${event} in dist`);
	return option.action ?? `On ${option.name.toLowerCase()}`;
}

/** The labels (a notice: its text) of the fields shown for these values, defaults filled in. */
export function expectedFields(description, values) {
	const node = { typeVersion: 1 };
	const withDefaults = NodeHelpers.getNodeParameters(
		description.properties,
		values,
		true,
		false,
		node,
		description,
	);
	return (
		description.properties
			// A node setting (n8n's Request Options) shows in the Settings tab, not among the parameters.
			.filter((p) => !p.isNodeSetting)
			.filter((p) => NodeHelpers.displayParameter(withDefaults, p, node, description))
			// n8n draws a resource mapper without a label of its own until its fields are loaded.
			.map((p) => (p.type === 'resourceMapper' ? '' : p.displayName))
	);
}
