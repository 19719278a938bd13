import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { maxLength } from '../../shared/validate';
import {
	asText,
	collectionEntries,
	compact,
	fieldProblem,
	firstProblemOf,
	forInputMode,
	FRAME_DEFAULTS,
	frameFields,
	frameProblem,
	inputModeField,
	jsonList,
	optionalText,
	repeatedAt,
	toFrame,
	type FrameValues,
	type HeaderType,
} from './parts';
import type { MessageType } from './response';

const HEADERS: HeaderType[] = ['none', 'text'];
const OPERATIONS = ['sendList'];
/**
 * WhatsApp Cloud API, list messages: a button label ≤ 20 characters; ≤ 10 sections, ≤ 10 rows in
 * all; section title ≤ 24 (required when there are several sections); row title ≤ 24,
 * description ≤ 72, ID ≤ 200 and unique; a text header only.
 */
const BUTTON_MAX = 20;
const MAX_ROWS = 10;
const SECTION_TITLE_MAX = 24;
const ROW_TITLE_MAX = 24;
const DESCRIPTION_MAX = 72;
const ROW_ID_MAX = 200;

export const sendListFields: INodeProperties[] = [
	...frameFields(OPERATIONS, HEADERS, 'The message above the list button'),
	{
		displayName: 'Button Text',
		name: 'buttonText',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. See options',
		description: `The label of the button that opens the list, at most ${BUTTON_MAX} characters`,
		displayOptions: showFor('message', OPERATIONS),
	},
	inputModeField(
		'rowsInput',
		OPERATIONS,
		'Rows',
		'Sections [{ "title", "rows": [{ "id", "title", "description" }] }], or rows [{ "id", "title", "section" }]',
	),
	{
		displayName: 'Rows',
		name: 'listRows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Row',
		default: {},
		description: `1 to ${MAX_ROWS} options; rows with the same Section are shown together under its title`,
		displayOptions: forInputMode(OPERATIONS, 'rowsInput', 'builder'),
		options: [
			{
				displayName: 'Row',
				name: 'row',
				values: [
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. Opening hours',
						description: `The option's label, at most ${ROW_TITLE_MAX} characters`,
					},
					{
						displayName: 'ID',
						name: 'id',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. opening_hours',
						description: `Your own value for the row, given back in the Message Trigger's reply when the customer picks it; at most ${ROW_ID_MAX} characters, unique in the list`,
					},
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						placeholder: 'e.g. When our shops are open',
						description: `Grey text under the title, at most ${DESCRIPTION_MAX} characters; empty for none`,
					},
					{
						displayName: 'Section',
						name: 'section',
						type: 'string',
						default: '',
						placeholder: 'e.g. Shops',
						description: `Title of the group the row belongs to, at most ${SECTION_TITLE_MAX} characters; needed when the list has several`,
					},
				],
			},
		],
	},
	{
		displayName: 'Rows (JSON)',
		name: 'rowsJson',
		type: 'json',
		default:
			'[\n  {\n    "title": "Shops",\n    "rows": [\n      { "id": "opening_hours", "title": "Opening hours" },\n      { "id": "find_a_shop", "title": "Find a shop", "description": "The nearest one" }\n    ]\n  }\n]',
		description: `Sections with their rows, or rows each naming its "section"; ${MAX_ROWS} rows in all at most`,
		displayOptions: forInputMode(OPERATIONS, 'rowsInput', 'json'),
	},
];

export interface ListValues extends FrameValues {
	buttonText: unknown;
	rowsInput: unknown;
	listRows: unknown;
	rowsJson: unknown;
}

interface Row {
	id: unknown;
	title: unknown;
	description?: unknown;
}

interface Section {
	title: unknown;
	rows: Row[];
}

const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** Rows that each name their section, grouped in the order the sections first appear. */
function grouped(rows: IDataObject[]): Section[] {
	const sections = new Map<unknown, Section>();
	for (const { section, ...row } of rows) {
		const title = optionalText(section) ?? '';
		if (!sections.has(title)) sections.set(title, { title, rows: [] });
		sections.get(title)!.rows.push(row as unknown as Row);
	}
	return [...sections.values()];
}

function sectionsOf(values: ListValues): { sections: Section[] } | { problem: string } {
	if (values.rowsInput !== 'json')
		return { sections: grouped(collectionEntries(values.listRows, 'row')) };
	const parsed = jsonList(values.rowsJson, 'Rows (JSON)');
	if ('problem' in parsed) return parsed;
	const entries = parsed.list.map((entry) => (isObject(entry) ? entry : {}));
	if (entries.length && entries.every((entry) => Array.isArray(entry.rows))) {
		return {
			sections: entries.map((entry) => ({
				title: optionalText(entry.title) ?? '',
				rows: (entry.rows as unknown[]).map((row) => (isObject(row) ? row : {}) as unknown as Row),
			})),
		};
	}
	return { sections: grouped(entries) };
}

function rowsProblem(sections: Section[]): string | undefined {
	const rows = sections.flatMap((section) => section.rows);
	if (rows.length < 1 || rows.length > MAX_ROWS)
		return `The list must hold 1 to ${MAX_ROWS} rows in all (it has ${rows.length})`;
	for (const [index, section] of sections.entries()) {
		const title = asText(section.title);
		if (sections.length > 1 && title === '')
			return `Section ${index + 1} needs a title: WhatsApp wants one for each section when a list has several (give every row a Section)`;
		const problem =
			fieldProblem(`Section ${index + 1} Title`, title, maxLength(SECTION_TITLE_MAX)) ??
			(section.rows.length ? undefined : `Section ${index + 1} must hold at least one row`);
		if (problem) return problem;
	}
	for (const [index, row] of rows.entries()) {
		const description = optionalText(row.description);
		const problem =
			fieldProblem(`Row ${index + 1} Title`, asText(row.title), maxLength(ROW_TITLE_MAX, 1)) ??
			fieldProblem(`Row ${index + 1} ID`, asText(row.id), maxLength(ROW_ID_MAX, 1)) ??
			(description === undefined
				? undefined
				: fieldProblem(`Row ${index + 1} Description`, description, maxLength(DESCRIPTION_MAX)));
		if (problem) return problem;
	}
	const repeated = repeatedAt(rows.map((row) => asText(row.id)));
	return repeated === undefined
		? undefined
		: `Row ${repeated + 1} ID "${String(asText(rows[repeated].id))}" is used by an earlier row: each row needs its own ID`;
}

export function listProblem(values: ListValues): string | undefined {
	const found = sectionsOf(values);
	return firstProblemOf(
		frameProblem(values, HEADERS),
		fieldProblem('Button Text', asText(values.buttonText), maxLength(BUTTON_MAX, 1)),
		'problem' in found ? found.problem : rowsProblem(found.sections),
	);
}

/**
 * Not confirmed by WOZTELL: its "WhatsApp message types" page lists "Interactive Message", but its
 * JSON could not be read in any public copy. This sends WhatsApp Cloud API's interactive list
 * object (`header`, `body`, `footer`, `action: { button, sections: [{ title, rows }] }`) named
 * like the one interactive type seen sent to WOZTELL (WHATSAPP_REPLY_BUTTONS, see sendButtons.ts):
 * `WHATSAPP_LIST`, each row's ID as `payload` as that type's buttons carry theirs.
 */
export function toListResponse(values: ListValues): IDataObject {
	const found = sectionsOf(values);
	const sections = 'sections' in found ? found.sections : [];
	return compact({
		type: 'WHATSAPP_LIST',
		...toFrame(values),
		action: {
			button: asText(values.buttonText),
			sections: sections.map((section) =>
				compact({
					title: optionalText(section.title),
					rows: section.rows.map((row) =>
						compact({
							payload: asText(row.id),
							title: asText(row.title),
							description: optionalText(row.description),
						}),
					),
				}),
			),
		},
	});
}

export const listMessage: MessageType<ListValues> = {
	defaults: {
		...FRAME_DEFAULTS,
		buttonText: '',
		rowsInput: 'builder',
		listRows: {},
		rowsJson: '[]',
	},
	problem: listProblem,
	build: toListResponse,
};
