import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';
import { refuseToSend } from '../../shared/validate';

/** One message type: the values its fields hold, what is wrong with them, and its `response` entry. */
export interface MessageType<Values extends object> {
	/** Every field the type reads, by parameter name, with the value it has when not shown. */
	defaults: Values;
	/** Fields that are resource locators: their ID is read. */
	locators?: Array<keyof Values & string>;
	/** The first value WhatsApp would refuse, as a sentence naming its field. */
	problem(values: Values): string | undefined;
	/** The Bot API's `response` entry, from values that passed `problem`. */
	build(values: Values): IDataObject;
}

/**
 * The preSend of a message type: reads its fields for the item, refuses the item (nothing sent)
 * on the first problem, and otherwise sends its one `response` entry.
 */
export function sendResponseOf<Values extends object>(type: MessageType<Values>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		const values = Object.fromEntries(
			Object.entries(type.defaults).map(([name, fallback]) => [
				name,
				this.getNodeParameter(name, fallback, {
					extractValue: type.locators?.includes(name as keyof Values & string),
				}),
			]),
		) as Values;
		const problem = type.problem(values);
		if (problem) refuseToSend(this, problem);
		request.body = { ...(request.body as object), response: [type.build(values)] };
		return request;
	};
}
