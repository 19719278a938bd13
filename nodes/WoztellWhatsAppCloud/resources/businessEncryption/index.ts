import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../shared/operations';
import { sendBusinessPublicKey, setFields } from './set';

export const businessEncryptionDescription: INodeProperties[] = [
	operationSelector('businessEncryption', [
		{
			name: 'Get',
			value: 'get',
			action: 'Get the business public key and its signature status',
			description:
				'Get the business public key used for WhatsApp Flows and the status of its signature',
			method: 'GET',
			path: '/whatsapp-business-encryption',
			payload: 'data',
		},
		{
			name: 'Set',
			value: 'set',
			action: 'Set the business public key from a PEM key or a new pair',
			description:
				'Set the 2048-bit RSA public key that WhatsApp uses to encrypt Flow data, or make a new key pair',
			method: 'POST',
			path: '/whatsapp-business-encryption',
			wrapRequest: sendBusinessPublicKey,
		},
	]),
	...setFields,
];
