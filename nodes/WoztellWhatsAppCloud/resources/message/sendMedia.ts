import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { maxLength } from '../../shared/validate';
import {
	asText,
	compact,
	fieldProblem,
	firstProblemOf,
	MEDIA_FORMATS,
	mediaSourceFields,
	mediaSourceProblem,
	optionalText,
	type MediaKind,
	type MediaSourceValues,
} from './parts';
import type { MessageType } from './response';

const forMedia = showFor('message', ['sendMedia']);
const forKinds = (kinds: MediaKind[]) => ({ show: { ...forMedia.show, mediaType: kinds } });
const CAPTIONED: MediaKind[] = ['image', 'video', 'document'];
/** WhatsApp Cloud API: a media caption holds at most 1,024 characters. */
const CAPTION_MAX = 1024;

const kindOption = (name: string, value: MediaKind) => ({
	name,
	value,
	description: MEDIA_FORMATS[value].limit,
});

export const sendMediaFields: INodeProperties[] = [
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		options: [
			kindOption('Audio', 'audio'),
			kindOption('Document', 'document'),
			kindOption('Image', 'image'),
			kindOption('Sticker', 'sticker'),
			kindOption('Video', 'video'),
		],
		default: 'image',
		description: 'What the customer receives; WhatsApp limits the formats and size of each',
		displayOptions: forMedia,
	},
	...mediaSourceFields(
		{ source: 'mediaSource', url: 'mediaUrl', id: 'mediaId', label: 'Media' },
		forMedia,
	),
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'e.g. Your invoice for May',
		description: `Text under the image, video or document, at most ${CAPTION_MAX} characters; empty for none`,
		displayOptions: forKinds(CAPTIONED),
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'e.g. invoice-2025-05.pdf',
		description: 'The name the customer sees on the document; empty for the name WhatsApp gives it',
		displayOptions: forKinds(['document']),
	},
];

export interface MediaValues {
	mediaType: unknown;
	mediaSource: unknown;
	mediaUrl: unknown;
	mediaId: unknown;
	caption: unknown;
	fileName: unknown;
}

const KINDS = Object.keys(MEDIA_FORMATS) as MediaKind[];
const source = (values: MediaValues): MediaSourceValues => ({
	source: values.mediaSource,
	url: values.mediaUrl,
	id: values.mediaId,
});

export function mediaProblem(values: MediaValues): string | undefined {
	const kind = values.mediaType as MediaKind;
	if (!KINDS.includes(kind)) return `Media Type must be one of ${KINDS.join(', ')}`;
	const caption = optionalText(values.caption);
	const fileName = optionalText(values.fileName);
	return firstProblemOf(
		mediaSourceProblem(kind, source(values), 'Media'),
		CAPTIONED.includes(kind) && caption !== undefined
			? fieldProblem('Caption', caption, maxLength(CAPTION_MAX))
			: undefined,
		kind === 'document' && fileName !== undefined
			? fieldProblem('File Name', fileName, maxLength(Infinity))
			: undefined,
	);
}

/**
 * WOZTELL's "WhatsApp message types" page: `{ "type": "IMAGE", "text": <caption>, "url" |
 * "attachment_id": <media ID> }`, and the same for AUDIO, VIDEO (with `text`) and STICKER.
 * Not confirmed by WOZTELL: a document. The page lists "File" but its JSON could not be read in
 * any public copy; this sends `FILE` like the other media, with the caption in `text` and
 * WhatsApp's own `filename` (Cloud API document object).
 */
const WOZTELL_MEDIA_TYPES: Record<MediaKind, string> = {
	image: 'IMAGE',
	video: 'VIDEO',
	audio: 'AUDIO',
	sticker: 'STICKER',
	document: 'FILE',
};

export function toMediaResponse(values: MediaValues): IDataObject {
	const kind = values.mediaType as MediaKind;
	const byId = values.mediaSource === 'mediaId';
	return compact({
		type: WOZTELL_MEDIA_TYPES[kind],
		...(byId ? { attachment_id: asText(values.mediaId) } : { url: values.mediaUrl }),
		text: CAPTIONED.includes(kind) ? optionalText(values.caption) : undefined,
		filename: kind === 'document' ? optionalText(values.fileName) : undefined,
	});
}

export const mediaMessage: MessageType<MediaValues> = {
	defaults: {
		mediaType: 'image',
		mediaSource: 'url',
		mediaUrl: '',
		mediaId: '',
		caption: '',
		fileName: '',
	},
	problem: mediaProblem,
	build: toMediaResponse,
};
