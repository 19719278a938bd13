import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { bodyField, bodyProblem, toBody } from './parts';
import type { MessageType } from './response';

export const requestLocationFields: INodeProperties[] = [
	bodyField(['requestLocation'], 'Why you ask; WhatsApp shows it above a Send Location button'),
];

export interface LocationRequestValues {
	bodyText: unknown;
}

/**
 * Not confirmed by WOZTELL: its "WhatsApp message types" page lists "Location Request", but its
 * JSON could not be read in any public copy. This sends WhatsApp Cloud API's location request
 * message (an interactive `location_request_message`: `body`, and the one action
 * `{ "name": "send_location" }`) under the page's heading as the type: `LOCATION_REQUEST`.
 */
export function toLocationRequestResponse(values: LocationRequestValues): IDataObject {
	return {
		type: 'LOCATION_REQUEST',
		body: toBody(values.bodyText),
		action: { name: 'send_location' },
	};
}

export const locationRequestMessage: MessageType<LocationRequestValues> = {
	defaults: { bodyText: '' },
	problem: (values) => bodyProblem(values.bodyText),
	build: toLocationRequestResponse,
};
