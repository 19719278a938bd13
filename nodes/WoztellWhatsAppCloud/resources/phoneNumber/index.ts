import type { INodeProperties } from 'n8n-workflow';
import { sendPhoneNumberId } from '../../shared/channel';
import { operationSelector } from '../../shared/operations';

export const phoneNumberDescription: INodeProperties[] = [
	operationSelector('phoneNumber', [
		{
			name: 'Get Display Name Status',
			value: 'getDisplayNameStatus',
			action: 'Get the display name status and quality rating of a phone number',
			description:
				'Get the verified name, quality rating, messaging limit tier and account mode of a phone number',
			method: 'GET',
			path: '/whatsapp-displayname-status',
			payload: 'data',
			lookUps: [sendPhoneNumberId],
		},
	]),
];
