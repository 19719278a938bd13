import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

const ID_KEYS = ['message_id', 'messageId', 'messageIds'];

/** Every WhatsApp message ID in an answer, in order, each once, wherever it sits. */
export function messageIdsIn(answer: unknown, found = new Set<string>(), depth = 0): string[] {
	if (answer !== null && typeof answer === 'object' && depth <= 6) {
		for (const [key, value] of Object.entries(answer)) {
			const values = ID_KEYS.includes(key) ? [value].flat() : [];
			for (const id of values) if (typeof id === 'string' && id) found.add(id);
			messageIdsIn(value, found, depth + 1);
		}
	}
	return [...found];
}

/**
 * What `POST /sendResponses` answers is not in WOZTELL's current Bot API pages; its older Stella
 * documentation shows `{ "ok": 1, "member": "…", "sendResults": [{ "result": [{ "result":
 * { "recipient_id", "message_id" } }] }] }`. Read defensively: WOZTELL accepted the send (`ok: 1`),
 * so whatever the shape, the item succeeds, with the message IDs found and the member ID if given.
 */
export async function sentMessages(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = (response.body ?? {}) as IDataObject;
	const member = answer.member ?? answer.memberId;
	return [
		{
			json: {
				...(typeof member === 'string' && member ? { memberId: member } : {}),
				messageIds: messageIdsIn(answer),
			},
			pairedItem: { item: this.getItemIndex() },
		},
	];
}
