import {
	HEADER_DEFAULTS,
	jsonList,
	mediaUrl,
	toHeader,
} from '../../nodes/WoztellWhatsAppCloud/resources/message/parts';
import { toLocationRequestResponse } from '../../nodes/WoztellWhatsAppCloud/resources/message/requestLocation';
import {
	buttonsProblem,
	toButtonsResponse,
} from '../../nodes/WoztellWhatsAppCloud/resources/message/sendButtons';
import {
	contactsProblem,
	toContactsResponse,
} from '../../nodes/WoztellWhatsAppCloud/resources/message/sendContacts';
import { toCtaUrlResponse } from '../../nodes/WoztellWhatsAppCloud/resources/message/sendCtaUrl';
import {
	flowProblem,
	toFlowResponse,
} from '../../nodes/WoztellWhatsAppCloud/resources/message/sendFlow';
import {
	listProblem,
	toListResponse,
} from '../../nodes/WoztellWhatsAppCloud/resources/message/sendList';
import {
	locationProblem,
	toLocationResponse,
} from '../../nodes/WoztellWhatsAppCloud/resources/message/sendLocation';
import {
	mediaProblem,
	toMediaResponse,
} from '../../nodes/WoztellWhatsAppCloud/resources/message/sendMedia';
import {
	reactionProblem,
	toReactionResponse,
} from '../../nodes/WoztellWhatsAppCloud/resources/message/sendReaction';

/** The pure builders of the message types: field values in, the Bot API's `response` entry out. */
const interactive = { ...HEADER_DEFAULTS, bodyText: 'Hi', footerText: '' };

describe('media URLs: the file types WhatsApp takes, by extension', () => {
	it.each([
		['image', 'https://x.example/a.jpeg?size=2', undefined],
		['image', 'https://x.example/photo', undefined],
		['image', 'https://x.example/render.php?id=1', undefined],
		['image', 'https://x.example/a.heic', 'ends in .heic'],
		['audio', 'https://x.example/a.wav', 'ends in .wav'],
		['audio', 'https://x.example/a.m4a', undefined],
		['video', 'https://x.example/a.3GP', undefined],
		['sticker', 'https://x.example/a.webp', undefined],
		['document', 'https://x.example/a.gif', undefined],
		['document', 'ftp://x.example/a.pdf', 'must be a URL starting with http:// or https://'],
	] as const)('%s %s', (kind, url, problem) => {
		const found = mediaUrl(kind)(url);
		if (problem === undefined) expect(found).toBeUndefined();
		else expect(found).toContain(problem);
	});
});

describe('parts', () => {
	it('builds each header WhatsApp takes, and none for None', () => {
		expect(toHeader({ ...HEADER_DEFAULTS, headerType: 'text', headerText: 'Hi' })).toEqual({
			type: 'text',
			text: 'Hi',
		});
		expect(
			toHeader({
				...HEADER_DEFAULTS,
				headerType: 'video',
				headerMediaSource: 'mediaId',
				headerMediaId: 42,
			}),
		).toEqual({ type: 'video', video: { id: '42' } });
		expect(toHeader(HEADER_DEFAULTS)).toBeUndefined();
	});

	it('reads a JSON list from a string, an array or one object', () => {
		expect(jsonList('[1]', 'F')).toEqual({ list: [1] });
		expect(jsonList([{ a: 1 }], 'F')).toEqual({ list: [{ a: 1 }] });
		expect(jsonList('{"a":1}', 'F')).toEqual({ list: [{ a: 1 }] });
		expect(jsonList('nope', 'F')).toEqual({ problem: 'F is not valid JSON' });
		expect(jsonList(null, 'F')).toEqual({ problem: 'F must be a JSON array' });
	});
});

describe('builders', () => {
	it('media: a document by media ID with its caption and file name', () => {
		const values = {
			mediaType: 'document',
			mediaSource: 'mediaId',
			mediaUrl: 'https://ignored.example/a.pdf',
			mediaId: '123',
			caption: 'Invoice',
			fileName: 'invoice.pdf',
		};
		expect(mediaProblem(values)).toBeUndefined();
		expect(toMediaResponse(values)).toEqual({
			type: 'FILE',
			attachment_id: '123',
			text: 'Invoice',
			filename: 'invoice.pdf',
		});
	});

	it('location: numbers from text, and each coordinate’s range', () => {
		const values = { latitude: '-90', longitude: '180', locationName: '', address: '' };
		expect(locationProblem(values)).toBeUndefined();
		expect(toLocationResponse(values)).toEqual({ type: 'LOCATION', latitude: -90, longitude: 180 });
		expect(locationProblem({ ...values, latitude: true })).toBe(
			'Latitude must be a number of decimal degrees, e.g. 22.2783',
		);
		expect(locationProblem({ ...values, longitude: '1e400' })).toBe(
			'Longitude must be a number of decimal degrees, e.g. 22.2783',
		);
	});

	it('location request: the body and the send_location action', () => {
		expect(toLocationRequestResponse({ bodyText: 'Where?' })).toEqual({
			type: 'LOCATION_REQUEST',
			body: { text: 'Where?' },
			action: { name: 'send_location' },
		});
	});

	it('contacts: the name WhatsApp needs twice, first name from the name when none is given', () => {
		const values = {
			contactsInput: 'builder',
			contacts: { contact: [{ name: 'Help desk', lastName: 'Desk' }] },
			contactsJson: '',
		};
		expect(contactsProblem(values)).toBeUndefined();
		expect(toContactsResponse(values)).toEqual({
			type: 'CONTACT',
			contacts: [{ name: { formatted_name: 'Help desk', last_name: 'Desk' } }],
		});
		expect(
			contactsProblem({
				...values,
				contacts: { contact: [{ name: 'A', urls: { url: [{ url: 'example.com' }] } }] },
			}),
		).toBe('Contact 1 URL 1 must be a URL starting with http:// or https://');
	});

	it('reaction: an emoji with skin tone is one emoji; the message ID is trimmed', () => {
		const values = { messageId: ' wamid.A1 ', emoji: '👍🏽' };
		expect(reactionProblem(values)).toBeUndefined();
		expect(toReactionResponse(values)).toEqual({
			type: 'REACTION',
			message_id: 'wamid.A1',
			emoji: '👍🏽',
		});
	});

	it('buttons: a number mapped into an ID is sent as text', () => {
		const values = {
			...interactive,
			buttonsInput: 'builder',
			replyButtons: { button: [{ id: 1, title: 'One' }] },
			buttonsJson: '',
		};
		expect(buttonsProblem(values)).toBeUndefined();
		expect(toButtonsResponse(values)).toEqual({
			type: 'WHATSAPP_REPLY_BUTTONS',
			body: { text: 'Hi' },
			action: { buttons: [{ type: 'reply', reply: { payload: '1', title: 'One' } }] },
		});
		expect(
			buttonsProblem({ ...values, buttonsInput: 'json', buttonsJson: '[{"id":"a","title":{}}]' }),
		).toBe('Button 1 Title must be text');
	});

	it('list: a JSON section without rows counts no row, and a JSON row may lack a description', () => {
		const values = {
			...interactive,
			buttonText: 'Open',
			rowsInput: 'json',
			listRows: {},
			rowsJson: [{ id: 'a', title: 'A' }],
		};
		expect(listProblem(values)).toBeUndefined();
		expect(toListResponse(values)).toEqual({
			type: 'WHATSAPP_LIST',
			body: { text: 'Hi' },
			action: { button: 'Open', sections: [{ rows: [{ payload: 'a', title: 'A' }] }] },
		});
	});

	it('CTA URL: one button with its text and URL', () => {
		expect(
			toCtaUrlResponse({ ...interactive, buttonText: 'Go', ctaUrl: 'https://x.example' }).action,
		).toEqual({ name: 'cta_url', parameters: { display_text: 'Go', url: 'https://x.example' } });
	});

	it('flow: screen data left out when empty; data exchange sends no payload', () => {
		const values = {
			...interactive,
			flow: '1',
			flowMode: 'published',
			flowCta: 'Open',
			flowReference: '',
			flowAction: 'navigate',
			flowScreen: ' START ',
			flowData: {},
		};
		expect(flowProblem(values)).toBeUndefined();
		expect((toFlowResponse(values).action as { parameters: unknown }).parameters).toEqual({
			flow_message_version: '3',
			flow_id: '1',
			flow_cta: 'Open',
			mode: 'published',
			flow_action: 'navigate',
			flow_action_payload: { screen: 'START' },
		});
		const exchange = { ...values, flowAction: 'data_exchange', flowScreen: '', flowData: '[' };
		expect(flowProblem(exchange)).toBeUndefined();
		expect(toFlowResponse(exchange).action).not.toHaveProperty('parameters.flow_action_payload');
	});
});
