import { createHash } from 'crypto';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { failureOf } from '../../shared/errors';
import { verdictOn, type Tally } from '../../shared/retry';

/**
 * What a send came to in this execution: WOZTELL's accepted answer, or the failure after which
 * WOZTELL may have sent it. n8n's Retry On Fail runs the node again with all its items
 * (n8n-core WorkflowExecute); a send found here is answered from here and not sent again. Retry
 * On Fail runs the node again in the same process, on the same queue-mode worker.
 */
type Remembered = { at: number } & ({ items: INodeExecutionData[] } | { error: unknown });

const KEEP_FOR_MS = 6 * 60 * 60 * 1000;
const MAX_REMEMBERED = 100_000;
const remembered = new Map<string, Remembered>();

/**
 * The node's run index: n8n-core's execution contexts keep it as `runIndex`, which
 * IExecuteSingleFunctions and IExecuteFunctions do not declare; `$runIndex` says the same at an
 * expression's cost.
 */
export function runIndexOf(
	context: Pick<IExecuteSingleFunctions, 'evaluateExpression'>,
	itemIndex: number,
): number {
	const { runIndex } = context as unknown as { runIndex?: unknown };
	if (typeof runIndex === 'number') return runIndex;
	return Number(context.evaluateExpression('{{ $runIndex }}', itemIndex));
}

/** Execution, node, run, item and the request itself: a changed request is a new send. */
export function sendKey(
	context: IExecuteSingleFunctions,
	{ options }: DeclarativeRestApiSettings.ResultOptions,
): string | undefined {
	const executionId = context.getExecutionId();
	if (!executionId) return undefined;
	const request = JSON.stringify([options.method, options.url, options.body]);
	const fingerprint = createHash('sha256').update(request).digest('base64');
	const { id } = context.getNode();
	return JSON.stringify([
		executionId,
		id,
		runIndexOf(context, context.getItemIndex()),
		context.getItemIndex(),
		fingerprint,
	]);
}

/** The earlier outcome of this send in this execution, if any. */
export function recall(key: string): Remembered | undefined {
	const entry = remembered.get(key);
	if (entry && Date.now() - entry.at < KEEP_FOR_MS) return entry;
	remembered.delete(key);
	return undefined;
}

/** Keeps an outcome; the oldest go first when expired or past the bound. */
export function remember(
	key: string,
	outcome: { items: INodeExecutionData[] } | { error: unknown },
) {
	remembered.delete(key);
	remembered.set(key, { at: Date.now(), ...outcome });
	for (const [oldKey, { at }] of remembered) {
		if (remembered.size <= MAX_REMEMBERED && Date.now() - at < KEEP_FOR_MS) break;
		remembered.delete(oldKey);
	}
}

/** Whether WOZTELL may have sent what failed: then it is never sent again in this execution. */
export const mayHaveSent = (error: unknown) => {
	const verdict = verdictOn(failureOf(error), 'send');
	return !verdict.retry && verdict.mayHaveActed;
};

/** Who a Bot API request went to, as its body names them. */
function recipientOf(body: unknown): IDataObject {
	const { memberId, recipientId } = (body ?? {}) as IDataObject;
	return {
		...(recipientId !== undefined ? { recipientId } : {}),
		...(memberId !== undefined ? { memberId } : {}),
	};
}

/** A sent item: who it went to, what WOZTELL answered, and how many tries it took. */
export function sentItem(
	item: INodeExecutionData,
	body: unknown,
	{ attempts }: Tally,
): INodeExecutionData {
	return { ...item, json: { ...recipientOf(body), ...item.json, attempts } };
}

/**
 * For Continue On Fail: the failure as an item paired with its input item, so that "send again to
 * the failed ones" is a filter on `error`. Only `error`, `message` and `details` keep an item on
 * n8n's error output (n8n-core handleNodeErrorOutput), and an item carrying `error` as a property
 * is cut to its message (normalizeNodeErrors): the facts go in `details`.
 */
export function failedItem(
	error: unknown,
	body: unknown,
	{ attempts }: Tally,
	itemIndex: number,
): INodeExecutionData {
	const apiError = error instanceof NodeApiError ? error : undefined;
	return {
		json: {
			error: error instanceof Error ? error.message : String(error),
			details: {
				...recipientOf(body),
				httpCode: apiError?.httpCode ?? null,
				...(apiError?.description ? { description: apiError.description } : {}),
				attempts,
			},
		},
		pairedItem: { item: itemIndex },
	};
}
