import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { flagValidationErrors } from '../../nodes/WoztellWhatsAppCloud/resources/flow/updateJson';
import {
	checkFlowJson,
	FLOW_JSON_MAX_BYTES,
} from '../../nodes/WoztellWhatsAppCloud/resources/flow/flowJson';
import { flowNameWithStatus } from '../../nodes/WoztellWhatsAppCloud/listSearch/flowNameWithStatus';
import { httpsUrl } from '../../nodes/WoztellWhatsAppCloud/shared/validate';

const screen = (id: string, extra: object = {}) => ({
	id,
	layout: { type: 'SingleColumnLayout', children: [] },
	...extra,
});
const validFlow = { version: '3.1', screens: [screen('START'), screen('END', { terminal: true })] };

describe('checkFlowJson', () => {
	it('accepts a Flow JSON given as an object or as text, and returns it as an object', () => {
		expect(checkFlowJson(validFlow)).toEqual({ flowJson: validFlow });
		expect(checkFlowJson(JSON.stringify(validFlow, null, 2))).toEqual({ flowJson: validFlow });
	});

	it.each([
		['', 'is empty'],
		[undefined, 'must be a JSON object with "version" and "screens"'],
		['[1, 2]', 'must be a JSON object with "version" and "screens"'],
		['"text"', 'must be a JSON object with "version" and "screens"'],
		[{ screens: [screen('A', { terminal: true })] }, 'has no "version", e.g. "version": "3.1"'],
		[
			{ version: 3.1, screens: [screen('A', { terminal: true })] },
			'"version" must be text, e.g. "3.1"',
		],
		[{ version: '3.1' }, 'has no "screens" list'],
		[{ version: '3.1', screens: {} }, 'has no "screens" list'],
		[{ version: '3.1', screens: [] }, '"screens" is empty: a flow needs at least one screen'],
		[{ version: '3.1', screens: [screen('A'), 'B'] }, 'screens[1] is not an object'],
		[{ version: '3.1', screens: [screen('A'), { terminal: true }] }, 'screens[1] has no "id"'],
		[
			{ version: '3.1', screens: [screen('A'), screen(' ', { terminal: true })] },
			'screens[1] has no "id"',
		],
		[
			{ version: '3.1', screens: [screen('A'), screen('B', { terminal: 'true' })] },
			'has no terminal screen: give the screen that ends the flow "terminal": true',
		],
	])('%#: refuses %j: %s', (value, problem) => {
		expect(checkFlowJson(value)).toEqual({ problem });
	});

	it('says where the JSON text breaks', () => {
		expect(checkFlowJson('{\n  "version": "3.1"\n  "screens": []\n}')).toEqual({
			problem:
				"is not valid JSON: Expected ',' or '}' after property value in JSON at position 23 (line 3 column 3)",
		});
		expect(checkFlowJson('{"version": "3.1", "screens": [}').problem).toMatch(
			/^is not valid JSON: Unexpected token '}', .+/,
		);
	});

	it('refuses more than 10 MB, as text or as an object', () => {
		const padding = 'x'.repeat(FLOW_JSON_MAX_BYTES);
		const large = { ...validFlow, screens: [screen('A', { terminal: true, data: { padding } })] };
		expect(checkFlowJson(large)).toEqual({ problem: 'is 10.0 MB; WhatsApp takes at most 10 MB' });
		expect(checkFlowJson(JSON.stringify(large))).toEqual({
			problem: 'is 10.0 MB; WhatsApp takes at most 10 MB',
		});
		const justUnder = 'y'.repeat(FLOW_JSON_MAX_BYTES - JSON.stringify(validFlow).length - 20);
		expect(checkFlowJson({ ...validFlow, note: justUnder }).problem).toBeUndefined();
	});
});

describe('httpsUrl', () => {
	it.each([
		['https://example.com/flow', undefined],
		['http://example.com/flow', 'must be a URL starting with https://'],
		['https://exa mple.com', 'must be a URL starting with https://'],
		['ftp://example.com', 'must be a URL starting with https://'],
		[5, 'must be a URL starting with https://'],
	])('%j → %j', (value, expected) => {
		expect(httpsUrl(value)).toBe(expected);
	});
});

describe('flowNameWithStatus', () => {
	it.each([
		[{ label: 'TEST FLOW (DRAFT)', value: '1', status: 'draft' }, 'TEST FLOW (DRAFT)'],
		[{ label: 'Feedback', value: '1', status: 'published' }, 'Feedback (PUBLISHED)'],
		[{ value: '123', status: 'deprecated' }, '123 (DEPRECATED)'],
		[{ label: 'No Status', value: '1' }, 'No Status'],
	])('%j → %s', (flow, name) => {
		expect(flowNameWithStatus(flow)).toBe(name);
	});
});

describe('flagValidationErrors', () => {
	it('puts `valid` first and keeps each item’s pairing with its input item', async () => {
		const items = [
			{ json: { success: true, validation_errors: [] }, pairedItem: { item: 3 } },
			{
				json: { success: true, validation_errors: [{ error: 'MISSING_REQUIRED_PROPERTY' }] },
				pairedItem: { item: 4 },
			},
		];
		const flagged = await flagValidationErrors.call({} as IExecuteSingleFunctions, items);
		expect(flagged).toEqual([
			{ json: { valid: true, success: true, validation_errors: [] }, pairedItem: { item: 3 } },
			{
				json: {
					valid: false,
					success: true,
					validation_errors: [{ error: 'MISSING_REQUIRED_PROPERTY' }],
				},
				pairedItem: { item: 4 },
			},
		]);
		expect(Object.keys(flagged[0].json)[0]).toBe('valid');
	});
});
