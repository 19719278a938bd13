import type { INodeProperties } from 'n8n-workflow';
import { throwOnRedirectError } from '../../../shared/errors';
import { requireToken } from '../../shared/validate';
import { operationSelector } from '../../shared/operations';
import { redirected, redirectMemberFields, sendRedirect } from './redirectMember';

export const chatbotDescription: INodeProperties[] = [
	operationSelector('chatbot', [
		{
			name: 'Redirect Member',
			value: 'redirectMember',
			action: 'Redirect a member to a chatbot node',
			description:
				'Move a customer to a node of a WOZTELL chatbot tree, which may send its response (Bot API)',
			method: 'POST',
			// The credential sends this path to the Bot API URL with the Bot API Access Token.
			path: '/redirectMemberToNode',
			botApi: true,
			// With Send Response on, the node messages the customer: a send, never repeated.
			effect: 'send',
			checkAnswer: throwOnRedirectError,
			prepare: [
				requireToken('botApiToken', 'bot:redirectMemberToNode', 'Chatbot redirects'),
				sendRedirect,
			],
			postReceive: [redirected],
		},
	]),
	...redirectMemberFields,
];
