import type { IDataObject } from 'n8n-workflow';

export type FieldValue = string | null;

/** How a source's objects are named and stored: only these fields go into the snapshot. */
export interface SnapshotShape {
	/** The fields that identify an object; joined, they are its key in the snapshot. */
	keyFields: readonly string[];
	/** The fields compared from poll to poll, in the order changes are reported. */
	comparedFields: readonly string[];
	/** Kept so that an object that is gone can still be named in its event. */
	keptFields: readonly string[];
}

/** One object as a source reads it now. */
export interface Observed {
	fields: Record<string, FieldValue>;
	/** What the event carries besides the fields (rejected reason, components…); never stored. */
	context?: IDataObject;
}

export interface Observation {
	/** What the reading depends on (WABA, filters): another scope starts a new baseline. */
	scope: string;
	objects: Observed[];
	/** False when the reading stopped before its last page: unseen objects are not gone. */
	complete: boolean;
}

/** Per key, the compared fields' values then the kept fields' values. */
export interface SourceSnapshot {
	scope: string;
	entries: Record<string, FieldValue[]>;
}

export interface Change {
	kind: 'created' | 'changed' | 'gone';
	/** The object's key, compared and kept fields, as now (or, when gone, as last seen). */
	fields: Record<string, FieldValue>;
	context?: IDataObject;
	field: string;
	previous: FieldValue;
	current: FieldValue;
}

export interface DiffResult {
	changes: Change[];
	next: SourceSnapshot;
	/** No snapshot of this scope before: the changes describe what exists, not what changed. */
	baseline: boolean;
}

const KEY_SEPARATOR = ' ';

const keyOf = (shape: SnapshotShape, fields: Record<string, FieldValue>) =>
	shape.keyFields.map((name) => fields[name] ?? '').join(KEY_SEPARATOR);

const entryOf = (shape: SnapshotShape, fields: Record<string, FieldValue>): FieldValue[] =>
	[...shape.comparedFields, ...shape.keptFields].map((name) => fields[name] ?? null);

function fieldsOfEntry(
	shape: SnapshotShape,
	key: string,
	entry: FieldValue[],
): Record<string, FieldValue> {
	const keyValues = key.split(KEY_SEPARATOR);
	const fields: Record<string, FieldValue> = {};
	shape.keyFields.forEach((name, index) => (fields[name] = keyValues[index] ?? null));
	[...shape.comparedFields, ...shape.keptFields].forEach(
		(name, index) => (fields[name] = entry[index] ?? null),
	);
	return fields;
}

function changesOf(
	shape: SnapshotShape,
	object: Observed,
	before: FieldValue[] | undefined,
): Change[] {
	return shape.comparedFields.flatMap((field, index): Change[] => {
		const current = object.fields[field] ?? null;
		const previous = before ? (before[index] ?? null) : null;
		if (before && previous === current) return [];
		if (!before && current === null) return [];
		return [
			{
				kind: before ? 'changed' : 'created',
				fields: object.fields,
				context: object.context,
				field,
				previous,
				current,
			},
		];
	});
}

/**
 * Compares what a source reads now with the snapshot of the last good poll. Pure: the
 * changes in the order the source listed its objects, then the objects that are gone (only
 * after a complete reading), and the snapshot to keep.
 */
export function diff(
	shape: SnapshotShape,
	before: SourceSnapshot | undefined,
	now: Observation,
): DiffResult {
	const baseline = before?.scope !== now.scope;
	const previous = baseline ? {} : (before as SourceSnapshot).entries;
	const entries: Record<string, FieldValue[]> = now.complete ? {} : { ...previous };
	const changes: Change[] = [];
	for (const object of now.objects) {
		const key = keyOf(shape, object.fields);
		changes.push(...changesOf(shape, object, previous[key]));
		entries[key] = entryOf(shape, object.fields);
	}
	if (now.complete) {
		for (const [key, entry] of Object.entries(previous)) {
			if (key in entries) continue;
			const [field] = shape.comparedFields;
			const fields = fieldsOfEntry(shape, key, entry);
			changes.push({ kind: 'gone', fields, field, previous: fields[field], current: null });
		}
	}
	return { changes, next: { scope: now.scope, entries }, baseline };
}
