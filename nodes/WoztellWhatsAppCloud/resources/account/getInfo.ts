import type { INodeProperties } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';

const forGetInfo = showFor('account', ['getInfo']);

export const getInfoFields: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookUpBy',
		description:
			'Whether to find the WhatsApp Business Account by the WOZTELL channel or by its WABA ID',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Channel ID', value: 'channelId' },
			{ name: 'WABA ID', value: 'wabaId' },
		],
		default: 'channelId',
		displayOptions: forGetInfo,
	},
	{
		displayName: 'Channel ID',
		name: 'channelId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 696327315430a1f98231dfde',
		hint: "Leave empty to use the credential's channel",
		description: 'ID of a WOZTELL WhatsApp Cloud channel, shown under Settings → Channels',
		displayOptions: { show: { ...forGetInfo.show, lookUpBy: ['channelId'] } },
		routing: {
			send: {
				type: 'query',
				property: 'channelId',
				value: '={{ $value || $credentials.channelId }}',
			},
		},
	},
	{
		displayName: 'WABA ID',
		name: 'wabaId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 422126422872292',
		description: "ID of the WhatsApp Business Account, shown in Meta's WhatsApp Manager",
		displayOptions: { show: { ...forGetInfo.show, lookUpBy: ['wabaId'] } },
		routing: { send: { type: 'query', property: 'wabaId' } },
	},
];
