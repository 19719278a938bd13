import type { INodeProperties } from 'n8n-workflow';
import { sendPhoneNumberId } from '../../shared/channel';
import { operationSelector } from '../../shared/operations';
import { profileRules, updateFields } from './update';

export const businessProfileDescription: INodeProperties[] = [
	operationSelector('businessProfile', [
		{
			name: 'Get',
			value: 'get',
			action: 'Get the business profile',
			description:
				'Get the about text, address, description, email, websites and vertical of a phone number',
			method: 'GET',
			path: '/whatsapp-business-profile',
			payload: 'data',
			lookUps: [sendPhoneNumberId],
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update the business profile',
			description: 'Change the fields of the business profile you set; the others stay as they are',
			method: 'PATCH',
			path: '/whatsapp-business-profile',
			// The reference: messaging_product "Only accept whatsapp".
			body: { profile: { messaging_product: 'whatsapp' } },
			rules: profileRules,
			lookUps: [sendPhoneNumberId],
		},
	]),
	...updateFields,
];
