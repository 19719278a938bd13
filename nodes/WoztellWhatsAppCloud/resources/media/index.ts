import type { INodeProperties } from 'n8n-workflow';
import { sendPhoneNumberId } from '../../shared/channel';
import { operationSelector } from '../../shared/operations';
import { all, httpUrl, oneOf, required } from '../../shared/validate';
import { uploadFields } from './upload';

export const mediaDescription: INodeProperties[] = [
	operationSelector('media', [
		{
			name: 'Upload',
			value: 'upload',
			action: 'Upload media from a public URL and get a media ID',
			description:
				'Have WOZTELL fetch a file from a public URL and upload it to WhatsApp; the media ID lasts 30 days',
			method: 'PUT',
			path: '/media-id',
			rules: [
				{ at: 'body.type', field: 'Media Type', check: oneOf(['image', 'audio', 'video', 'file']) },
				{ at: 'body.url', field: 'File URL', check: all(required, httpUrl), always: true },
			],
			lookUps: [sendPhoneNumberId],
		},
	]),
	...uploadFields,
];
