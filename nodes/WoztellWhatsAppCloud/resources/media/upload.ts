import type { INodeProperties } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';

const forUpload = showFor('media', ['upload']);

export const uploadFields: INodeProperties[] = [
	{
		displayName: 'Media Type',
		name: 'type',
		description:
			'Kind of file WOZTELL fetches from the URL; WhatsApp limits the formats and size of each',
		type: 'options',
		options: [
			{ name: 'Audio', value: 'audio', description: 'AAC, MP3, OGG or AMR, up to 16 MB' },
			{ name: 'Document', value: 'file', description: 'PDF, Office or text file, up to 100 MB' },
			{ name: 'Image', value: 'image', description: 'JPEG or PNG, up to 5 MB' },
			{ name: 'Video', value: 'video', description: 'MP4 or 3GP, up to 16 MB' },
		],
		default: 'image',
		displayOptions: forUpload,
		routing: { send: { type: 'body', property: 'type' } },
	},
	{
		displayName: 'File URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/brochure.pdf',
		description: 'Public link to the file; WOZTELL downloads it from there',
		displayOptions: forUpload,
		routing: { send: { type: 'body', property: 'url' } },
	},
];
