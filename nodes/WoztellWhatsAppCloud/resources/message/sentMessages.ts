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

/** The member WOZTELL names, if it does, and the message IDs found in its answer. */
export function sentMessageOf(answer: IDataObject): IDataObject {
	const member = answer.member ?? answer.memberId;
	return {
		...(typeof member === 'string' && member ? { memberId: member } : {}),
		messageIds: messageIdsIn(answer),
	};
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
	return [
		{
			json: sentMessageOf((response.body ?? {}) as IDataObject),
			pairedItem: { item: this.getItemIndex() },
		},
	];
}
