// What the node's description says a panel shows, computed with n8n-workflow's own display rules
// from the built node: the reference the browser's panel is compared with.
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../../scripts/n8n-install.mjs';

const require = createRequire(import.meta.url);
const { NodeHelpers } = require('n8n-workflow');

export function builtNodeDescription() {
	const { WoztellWhatsAppCloud } = require(
		path.join(repoRoot, 'dist', 'nodes', 'WoztellWhatsAppCloud', 'WoztellWhatsAppCloud.node.js'),
	);
	return new WoztellWhatsAppCloud().description;
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
			.filter((p) => NodeHelpers.displayParameter(withDefaults, p, node, description))
			// n8n draws a resource mapper without a label of its own until its fields are loaded.
			.map((p) => (p.type === 'resourceMapper' ? '' : p.displayName))
	);
}
