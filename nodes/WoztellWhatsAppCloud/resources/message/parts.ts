import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { httpUrl, maxLength, numericId, type Check } from '../../shared/validate';

/**
 * What several message types share — header, body, footer, the source of a media file, the
 * checks of a JSON list an AI agent fills — one helper each, as WhatsApp's Cloud API defines them
 * ("Interactive object": body text ≤ 1,024, header text ≤ 60, footer text ≤ 60; "Supported media
 * types").
 */

/** `Field problem`, or undefined when the value passes the check. */
export function fieldProblem(field: string, value: unknown, check: Check): string | undefined {
	const problem = check(value);
	return problem ? `${field} ${problem}` : undefined;
}

export const firstProblemOf = (...problems: Array<string | undefined>) => problems.find(Boolean);

/** A number or boolean an expression gave reads as typed; anything else is left for its check. */
export const asText = (value: unknown): unknown =>
	typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;

const isFilled = (value: unknown) => {
	const text = asText(value);
	return typeof text !== 'string' || text.trim() !== '';
};

/** Optional text: left out when empty. */
export const optionalText = (value: unknown) => (isFilled(value) ? asText(value) : undefined);

/** The object without its undefined entries (WhatsApp refuses empty optional parts). */
export function compact(object: Record<string, unknown>): IDataObject {
	return Object.fromEntries(
		Object.entries(object).filter(([, value]) => value !== undefined),
	) as IDataObject;
}

const forOperations = (operations: string[], extra: IDisplayOptions['show'] = {}) => ({
	show: { ...showFor('message', operations).show, ...extra },
});

// Body and footer

export const BODY_MAX = 1024;
export const FOOTER_MAX = 60;

export function bodyField(operations: string[], description: string): INodeProperties {
	return {
		displayName: 'Body Text',
		name: 'bodyText',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'e.g. How can we help you today?',
		description: `${description}, at most ${BODY_MAX} characters`,
		displayOptions: forOperations(operations),
	};
}

export function footerField(operations: string[]): INodeProperties {
	return {
		displayName: 'Footer Text',
		name: 'footerText',
		type: 'string',
		default: '',
		placeholder: 'e.g. Reply within 24 hours',
		description: `Small grey text under the message, at most ${FOOTER_MAX} characters; empty for none`,
		displayOptions: forOperations(operations),
	};
}

export const bodyProblem = (text: unknown) =>
	fieldProblem('Body Text', asText(text), maxLength(BODY_MAX, 1));

export const footerProblem = (text: unknown) =>
	isFilled(text) ? fieldProblem('Footer Text', asText(text), maxLength(FOOTER_MAX)) : undefined;

/** WhatsApp's `body` and `footer` objects of an interactive message. */
export const toBody = (text: unknown) => compact({ text: asText(text) });
export const toFooter = (text: unknown) => (isFilled(text) ? { text: asText(text) } : undefined);

// Media: a public URL or a WhatsApp media ID, and the file types WhatsApp takes

export type MediaKind = 'image' | 'video' | 'audio' | 'sticker' | 'document';

/**
 * WhatsApp Cloud API, "Supported media types": each kind's file extensions and largest size.
 * A document may be any file. WhatsApp fetches a URL itself: the size is its to check.
 */
export const MEDIA_FORMATS: Record<MediaKind, { extensions: string[]; limit: string }> = {
	image: { extensions: ['jpg', 'jpeg', 'png'], limit: 'JPEG or PNG, up to 5 MB' },
	video: { extensions: ['mp4', '3gp'], limit: 'MP4 or 3GP (H.264 video, AAC audio), up to 16 MB' },
	audio: {
		extensions: ['aac', 'amr', 'mp3', 'm4a', 'ogg'],
		limit: 'AAC, AMR, MP3, M4A or OGG (Opus), up to 16 MB',
	},
	sticker: { extensions: ['webp'], limit: 'WebP, 512×512 pixels, up to 100 KB (500 KB animated)' },
	document: { extensions: [], limit: 'Any file (PDF, Office, text…), up to 100 MB' },
};

/** Extensions of media files WhatsApp does not take as the kind, so that a URL says it is wrong. */
const OTHER_MEDIA_EXTENSIONS = [
	'gif',
	'bmp',
	'tif',
	'tiff',
	'heic',
	'heif',
	'svg',
	'avif',
	'mov',
	'avi',
	'mkv',
	'webm',
	'wmv',
	'flv',
	'm4v',
	'mpeg',
	'mpg',
	'wav',
	'flac',
	'wma',
	'aiff',
];
/** WhatsApp's own list of document types: any other kind refuses them. */
const DOCUMENT_EXTENSIONS = ['pdf', 'txt', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'];
const KNOWN_MEDIA_EXTENSIONS = new Set([
	...Object.values(MEDIA_FORMATS).flatMap(({ extensions }) => extensions),
	...OTHER_MEDIA_EXTENSIONS,
	...DOCUMENT_EXTENSIONS,
]);

/** The lower-case extension of a URL's last path segment, or undefined. */
function extensionOf(url: string): string | undefined {
	const name = new URL(url).pathname.split('/').pop() ?? '';
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot + 1).toLowerCase() : undefined;
}

/**
 * A media URL's check: http(s), and a file extension WhatsApp takes for the kind. A URL whose
 * name says nothing (no extension, or a script such as .php) is left to WhatsApp.
 */
export function mediaUrl(kind: MediaKind): Check {
	return (value) => {
		const problem = httpUrl(value);
		if (problem) return problem;
		const extension = extensionOf(value as string);
		const { extensions, limit } = MEDIA_FORMATS[kind];
		if (kind === 'document' || !extension || !KNOWN_MEDIA_EXTENSIONS.has(extension))
			return undefined;
		if (extensions.includes(extension)) return undefined;
		return `ends in .${extension}, which WhatsApp does not take as ${kind === 'image' ? 'an' : 'a'} ${kind} (${limit}): send it as a document, or convert it`;
	};
}

export type MediaSource = 'url' | 'mediaId';

/** The names of one media source's three fields, and how they are labelled. */
interface MediaSourceNames {
	source: string;
	url: string;
	id: string;
	/** e.g. "Media" or "Header Media": the labels read "<label> URL", "<label> ID". */
	label: string;
}

export function mediaSourceFields(
	names: MediaSourceNames,
	displayOptions: IDisplayOptions,
): INodeProperties[] {
	const bySource = (source: MediaSource) => ({
		show: { ...displayOptions.show, [names.source]: [source] },
	});
	return [
		{
			displayName: `${names.label} Source`,
			name: names.source,
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'URL',
					value: 'url',
					description: 'A public link; WhatsApp downloads the file from there',
				},
				{
					name: 'Media ID',
					value: 'mediaId',
					description: 'A WhatsApp media ID from Media → Upload (valid for 30 days)',
				},
			],
			default: 'url',
			description: 'Where WhatsApp takes the file from',
			displayOptions,
		},
		{
			displayName: `${names.label} URL`,
			name: names.url,
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/photo.jpg',
			description: 'Public http(s) link to the file; its extension must suit the media type',
			displayOptions: bySource('url'),
		},
		{
			displayName: `${names.label} ID`,
			name: names.id,
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 1030335650902052',
			description: 'The media ID returned by Media → Upload',
			displayOptions: bySource('mediaId'),
		},
	];
}

export interface MediaSourceValues {
	source: unknown;
	url: unknown;
	id: unknown;
}

export function mediaSourceProblem(
	kind: MediaKind,
	{ source, url, id }: MediaSourceValues,
	label: string,
): string | undefined {
	if (source === 'mediaId') {
		return isFilled(id)
			? fieldProblem(`${label} ID`, asText(id), numericId)
			: `${label} ID is required`;
	}
	return isFilled(url)
		? fieldProblem(`${label} URL`, url, mediaUrl(kind))
		: `${label} URL is required`;
}

/** The file as WhatsApp's media object names it: `{ link }` or `{ id }`. */
export const toMediaObject = ({ source, url, id }: MediaSourceValues) =>
	compact(source === 'mediaId' ? { id: asText(id) } : { link: url });

// Header of an interactive message: text, or an image, video or document

export type HeaderType = 'none' | 'text' | 'image' | 'video' | 'document';
export const HEADER_TEXT_MAX = 60;

const HEADER_OPTIONS: Array<{ name: string; value: HeaderType }> = [
	{ name: 'Document', value: 'document' },
	{ name: 'Image', value: 'image' },
	{ name: 'None', value: 'none' },
	{ name: 'Text', value: 'text' },
	{ name: 'Video', value: 'video' },
];

export function headerFields(operations: string[], types: HeaderType[]): INodeProperties[] {
	const media = types.filter((type) => !['none', 'text'].includes(type));
	return [
		{
			displayName: 'Header',
			name: 'headerType',
			type: 'options',
			noDataExpression: true,
			options: HEADER_OPTIONS.filter(({ value }) => types.includes(value)),
			default: 'none',
			description: 'What the message shows above its body, if anything',
			displayOptions: forOperations(operations),
		},
		{
			displayName: 'Header Text',
			name: 'headerText',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Our menu',
			description: `At most ${HEADER_TEXT_MAX} characters`,
			displayOptions: forOperations(operations, { headerType: ['text'] }),
		},
		...(media.length
			? mediaSourceFields(
					{
						source: 'headerMediaSource',
						url: 'headerMediaUrl',
						id: 'headerMediaId',
						label: 'Header Media',
					},
					forOperations(operations, { headerType: media }),
				)
			: []),
	];
}

export interface HeaderValues {
	headerType: unknown;
	headerText: unknown;
	headerMediaSource: unknown;
	headerMediaUrl: unknown;
	headerMediaId: unknown;
}

export const HEADER_DEFAULTS: HeaderValues = {
	headerType: 'none',
	headerText: '',
	headerMediaSource: 'url',
	headerMediaUrl: '',
	headerMediaId: '',
};

const headerMedia = (values: HeaderValues): MediaSourceValues => ({
	source: values.headerMediaSource,
	url: values.headerMediaUrl,
	id: values.headerMediaId,
});

/** What is wrong with the header, for a message type that takes the header `types`. */
export function headerProblem(values: HeaderValues, types: HeaderType[]): string | undefined {
	const type = values.headerType as HeaderType;
	if (!types.includes(type)) {
		const names = HEADER_OPTIONS.filter(({ value }) => types.includes(value)).map(
			({ name }) => name,
		);
		return `Header must be ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
	}
	if (type === 'text')
		return fieldProblem('Header Text', asText(values.headerText), maxLength(HEADER_TEXT_MAX, 1));
	if (type === 'image' || type === 'video' || type === 'document')
		return mediaSourceProblem(type, headerMedia(values), 'Header Media');
	return undefined;
}

/** WhatsApp's interactive `header`: `{ type: "text", text }` or `{ type: "image", image: { link | id } }`. */
export function toHeader(values: HeaderValues): IDataObject | undefined {
	const type = values.headerType;
	if (type === 'text') return compact({ type, text: asText(values.headerText) });
	if (type === 'image' || type === 'video' || type === 'document')
		return { type, [type]: toMediaObject(headerMedia(values)) };
	return undefined;
}

// The frame of an interactive message: header, body and footer

/** What every interactive message holds around its action. */
export interface FrameValues extends HeaderValues {
	bodyText: unknown;
	footerText: unknown;
}

export const FRAME_DEFAULTS: FrameValues = { ...HEADER_DEFAULTS, bodyText: '', footerText: '' };

/** The header (of the types given), body and footer fields of an interactive message. */
export const frameFields = (
	operations: string[],
	headers: HeaderType[],
	bodyDescription: string,
): INodeProperties[] => [
	...headerFields(operations, headers),
	bodyField(operations, bodyDescription),
	footerField(operations),
];

export const frameProblem = (values: FrameValues, headers: HeaderType[]) =>
	firstProblemOf(
		headerProblem(values, headers),
		bodyProblem(values.bodyText),
		footerProblem(values.footerText),
	);

/** WhatsApp's interactive object's `header`, `body` and `footer`. */
export const toFrame = (values: FrameValues) => ({
	header: toHeader(values),
	body: toBody(values.bodyText),
	footer: toFooter(values.footerText),
});

// Lists an AI agent fills: a JSON array in one field

/**
 * A list given as JSON: an array as is, a JSON string parsed (an AI agent's `$fromAI()` gives one),
 * a single object as a list of one. A string that is not JSON is a problem naming the field.
 */
export function jsonList(value: unknown, field: string): { list: unknown[] } | { problem: string } {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			return { problem: `${field} is not valid JSON` };
		}
	}
	if (Array.isArray(parsed)) return { list: parsed };
	if (parsed !== null && typeof parsed === 'object') return { list: [parsed] };
	return { problem: `${field} must be a JSON array` };
}

/** The entries of a fixed collection (`{ button: [...] }`), or [] when it has none. */
export function collectionEntries(value: unknown, key: string): IDataObject[] {
	const entries = (value as IDataObject | null | undefined)?.[key];
	return Array.isArray(entries) ? (entries as IDataObject[]) : [];
}

/** The first entry whose key repeats an earlier one: "… 3 … is used twice". */
export function repeatedAt(keys: unknown[]): number | undefined {
	const index = keys.findIndex((key, position) => keys.indexOf(key) !== position);
	return index === -1 ? undefined : index;
}

/** "Define …: Using Fields Below | Using JSON", the JSON being what an AI agent fills. */
export function inputModeField(
	name: string,
	operations: string[],
	what: string,
	json: string,
): INodeProperties {
	return {
		displayName: `Define ${what}`,
		name,
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Using Fields Below', value: 'builder' },
			{ name: 'Using JSON', value: 'json', description: json },
		],
		default: 'builder',
		description: `Fill the ${what.toLowerCase()} in fields, or give them as JSON (e.g. from an AI agent's $fromAI())`,
		displayOptions: forOperations(operations),
	};
}

/** Shows a field for the operations when their input mode (`inputModeField`) is `mode`. */
export const forInputMode = (operations: string[], name: string, mode: 'builder' | 'json') =>
	forOperations(operations, { [name]: [mode] });
