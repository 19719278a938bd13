import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../shared/operations';
import {
	analyticsRules,
	conversationAnalyticsFields,
	sendTimeRange,
} from './getConversationAnalytics';

export const analyticsDescription: INodeProperties[] = [
	operationSelector('analytics', [
		{
			name: 'Get Conversation Analytics',
			value: 'getConversationAnalytics',
			action: 'Get conversation analytics for a date range',
			description: 'Get conversation counts and costs over a time range, one item per data point',
			method: 'GET',
			path: '/conversation-analytics',
			payload: 'conversationAnalytics.data_points',
			prepare: [sendTimeRange],
			rules: analyticsRules,
		},
	]),
	...conversationAnalyticsFields,
];
