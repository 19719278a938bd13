import {
	templateComponentsOf,
	variableFieldsOf,
	variablesProblem,
} from '../../nodes/WoztellWhatsAppCloud/resources/message/templateVariables';

describe('variableFieldsOf', () => {
	it('gives a text header its variable and a media header its URL; no field for a template without variables', () => {
		expect(
			variableFieldsOf([
				{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
				{ type: 'BODY', text: 'Hello' },
				{ type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Shop', url: 'https://shop.example' }] },
			]).map(({ id }) => id),
		).toEqual(['header.text.1']);
		expect(variableFieldsOf([{ type: 'HEADER', format: 'DOCUMENT' }]).map(({ id }) => id)).toEqual([
			'header.document',
		]);
		expect(variableFieldsOf([{ type: 'BODY', text: 'Hello' }])).toEqual([]);
	});
});

describe('templateComponentsOf', () => {
	it('orders body parameters by number, {{10}} after {{9}}, and leaves out empty optional values', () => {
		const values: Record<string, string> = { 'button.1.payload': '' };
		for (let number = 10; number >= 1; number--) values[`body.text.${number}`] = `v${number}`;
		const [body, ...rest] = templateComponentsOf(values);
		expect(body).toEqual({
			type: 'body',
			parameters: Array.from({ length: 10 }, (_, index) => ({
				type: 'text',
				text: `v${index + 1}`,
			})),
		});
		expect(rest).toEqual([]);
	});

	it('sends a text header as a text parameter', () => {
		expect(templateComponentsOf({ 'header.text.1': 'A-1' })).toEqual([
			{ type: 'header', parameters: [{ type: 'text', text: 'A-1' }] },
		]);
	});
});

describe('variablesProblem', () => {
	const fields = variableFieldsOf([
		{ type: 'HEADER', format: 'VIDEO' },
		{ type: 'BODY', text: '{{1}}' },
	]);

	it('names the first field at fault, blank text counting as empty', () => {
		expect(
			variablesProblem(fields, { 'header.video': 'https://v.example/a.mp4', 'body.text.1': '  ' }),
		).toBe('Body {{1}} is required');
		expect(variablesProblem(fields, { 'header.video': 'ftp://v/a.mp4', 'body.text.1': 'x' })).toBe(
			'Header video URL or media ID must be a URL starting with http:// or https://, or a media ID (digits only)',
		);
		expect(
			variablesProblem(fields, { 'header.video': 'https://v.example/a.mp4', 'body.text.1': 'x' }),
		).toBeUndefined();
	});
});
