// A workflow as a published run starts it: its Manual Trigger "Start" (or any manual trigger)
// becomes a production Webhook at /webhook/queue-<workflow id>. Such runs are saved, wait and
// resume on n8n's server, and in queue mode run on a worker; `n8n execute` can do neither.
import { randomUUID } from 'node:crypto';

export const webhookPathOf = (workflowId) => `queue-${workflowId}`;

export function startedByWebhook(workflow) {
	const nodes = workflow.nodes.map((node) =>
		node.type === 'n8n-nodes-base.manualTrigger'
			? {
					...node,
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: randomUUID(),
					parameters: {
						httpMethod: 'POST',
						path: webhookPathOf(workflow.id),
						responseMode: 'onReceived',
						options: {},
					},
				}
			: node,
	);
	return { ...workflow, nodes };
}
