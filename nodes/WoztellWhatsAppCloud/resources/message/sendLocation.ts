import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { maxLength } from '../../shared/validate';
import { compact, fieldProblem, firstProblemOf, optionalText } from './parts';
import type { MessageType } from './response';

const forLocation = showFor('message', ['sendLocation']);

export const sendLocationFields: INodeProperties[] = [
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 22.2783',
		description: 'Decimal degrees from -90 (south) to 90 (north)',
		displayOptions: forLocation,
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 114.1747',
		description: 'Decimal degrees from -180 (west) to 180 (east)',
		displayOptions: forLocation,
	},
	{
		displayName: 'Location Name',
		name: 'locationName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Sandbox Coffee, Central',
		description: 'The place’s name, shown above the map',
		displayOptions: forLocation,
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1 Queen’s Road Central, Hong Kong',
		description: 'Shown under the name; WhatsApp shows it only when the location has a name',
		displayOptions: forLocation,
	},
];

export interface LocationValues {
	latitude: unknown;
	longitude: unknown;
	locationName: unknown;
	address: unknown;
}

/** A number from a field or an expression: "22.2783", 22.2783; not "", "22,27" or "1e400". */
function coordinate(value: unknown): number | undefined {
	const text = typeof value === 'string' ? value.trim() : value;
	if (text === '' || text === null) return undefined;
	const number = typeof text === 'number' ? text : typeof text === 'string' ? Number(text) : NaN;
	return Number.isFinite(number) ? number : undefined;
}

function coordinateProblem(field: string, value: unknown, limit: number): string | undefined {
	const number = coordinate(value);
	if (number === undefined) return `${field} must be a number of decimal degrees, e.g. 22.2783`;
	return Math.abs(number) > limit ? `${field} must be between -${limit} and ${limit}` : undefined;
}

export function locationProblem(values: LocationValues): string | undefined {
	const name = optionalText(values.locationName);
	const address = optionalText(values.address);
	return firstProblemOf(
		coordinateProblem('Latitude', values.latitude, 90),
		coordinateProblem('Longitude', values.longitude, 180),
		name === undefined ? undefined : fieldProblem('Location Name', name, maxLength(Infinity)),
		address === undefined ? undefined : fieldProblem('Address', address, maxLength(Infinity)),
	);
}

/**
 * Not confirmed by WOZTELL: its "WhatsApp message types" page lists "Location", but its JSON
 * could not be read in any public copy. This sends WhatsApp Cloud API's location object
 * (`latitude`, `longitude`, `name`, `address`) beside the type, as WOZTELL's documented IMAGE
 * entry carries the image's fields: `{ "type": "LOCATION", latitude, longitude, name, address }`.
 */
export function toLocationResponse(values: LocationValues): IDataObject {
	return compact({
		type: 'LOCATION',
		latitude: coordinate(values.latitude),
		longitude: coordinate(values.longitude),
		name: optionalText(values.locationName),
		address: optionalText(values.address),
	});
}

export const locationMessage: MessageType<LocationValues> = {
	defaults: { latitude: '', longitude: '', locationName: '', address: '' },
	problem: locationProblem,
	build: toLocationResponse,
};
