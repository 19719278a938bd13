import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { DEFAULT_RETRIES, type RetryBounds } from '../../shared/retry';
import { refuseToSend, type ItemContext } from './validate';

const MAX_RETRIES = 10;

/** Every operation's last field: how far the node retries what WOZTELL refuses for now. */
export const retryOptionsField: INodeProperties = {
	displayName: 'Retry Options',
	name: 'retryOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	description:
		'The node tries again what WOZTELL refuses for now (a rate limit, a service briefly unavailable), each item on its own. A message WOZTELL may have sent is never sent again.',
	options: [
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWait',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 60,
			description:
				'The longest the node waits in all for one item before giving up on it; WOZTELL’s Retry-After is honoured within it',
		},
		{
			displayName: 'Retries',
			name: 'retries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: MAX_RETRIES },
			default: 5,
			description: 'How many times to try a refused request again; 0 turns retrying off',
		},
	],
};

/** The item's Retry Options; a value out of range refuses the item before anything is sent. */
export function itemRetryBounds(context: ItemContext): RetryBounds {
	const options = context.getNodeParameter('retryOptions', {}) as {
		retries?: unknown;
		maxWait?: unknown;
	};
	const retries = options.retries ?? DEFAULT_RETRIES.retries;
	const maxWait = options.maxWait ?? DEFAULT_RETRIES.maxWaitMs / 1000;
	if (
		typeof retries !== 'number' ||
		!Number.isInteger(retries) ||
		retries < 0 ||
		retries > MAX_RETRIES
	)
		refuseToSend(
			context,
			`Retries (Retry Options) must be a whole number from 0 to ${MAX_RETRIES} (got ${String(retries)})`,
		);
	if (typeof maxWait !== 'number' || !Number.isFinite(maxWait) || maxWait < 0)
		refuseToSend(
			context,
			`Max Wait (Retry Options) must be a number of seconds, 0 or more (got ${String(maxWait)})`,
		);
	return { retries, maxWaitMs: maxWait * 1000 };
}

/** The first hook of every operation: bad Retry Options stop the item before any request. */
export async function checkRetryOptions(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
) {
	itemRetryBounds(this);
	return request;
}
