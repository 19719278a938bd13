import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { email, httpUrl } from '../../shared/validate';
import {
	asText,
	collectionEntries,
	compact,
	forInputMode,
	inputModeField,
	jsonList,
	optionalText,
} from './parts';
import type { MessageType } from './response';

const OPERATIONS = ['sendContacts'];

const typeOptions = (types: string[]) =>
	types.map((type) => ({
		name: type === 'IPHONE' ? 'iPhone' : type[0] + type.slice(1).toLowerCase(),
		value: type,
	}));

/** WhatsApp Cloud API, contacts object: phone types CELL, MAIN, IPHONE, HOME, WORK; emails and URLs HOME, WORK. */
const PHONE_TYPES = typeOptions(['CELL', 'HOME', 'IPHONE', 'MAIN', 'WORK']);
const HOME_OR_WORK = typeOptions(['HOME', 'WORK']);

const listOfOne = (
	name: string,
	label: string,
	value: INodeProperties,
	types: Array<{ name: string; value: string }>,
	defaultType: string,
): INodeProperties => ({
	displayName: `${label}s`,
	name: `${name}s`,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: `Add ${label}`,
	default: {},
	options: [
		{
			displayName: label,
			name,
			values: [
				value,
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: types,
					default: defaultType,
					description: `What kind of ${label.toLowerCase()} it is`,
				},
			],
		},
	],
});

const text = (displayName: string, name: string, placeholder: string, description: string) => ({
	displayName,
	name,
	type: 'string' as const,
	default: '',
	placeholder,
	description,
});

export const sendContactsFields: INodeProperties[] = [
	inputModeField(
		'contactsInput',
		OPERATIONS,
		'Contacts',
		"WhatsApp's contacts array: [{ name: { formatted_name }, phones: [{ phone, type }], … }]",
	),
	{
		displayName: 'Contacts',
		name: 'contacts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Contact',
		default: {},
		description: 'The contact cards to send; each needs a name',
		displayOptions: forInputMode(OPERATIONS, 'contactsInput', 'builder'),
		options: [
			{
				displayName: 'Contact',
				name: 'contact',
				values: [
					{
						...text('Name', 'name', 'e.g. Ada Lovelace', 'The name shown on the card'),
						required: true,
					},
					text('First Name', 'firstName', 'e.g. Ada', 'Empty: the name above'),
					text('Last Name', 'lastName', 'e.g. Lovelace', 'The family name, if any'),
					text('Company', 'company', 'e.g. Sandbox Ltd', 'The organisation the contact works for'),
					text('Department', 'department', 'e.g. Support', 'The department within it'),
					text('Job Title', 'jobTitle', 'e.g. Customer care', 'The contact’s title'),
					listOfOne(
						'phone',
						'Phone',
						text('Phone', 'phone', 'e.g. +852 1234 5678', 'With the country code'),
						PHONE_TYPES,
						'CELL',
					),
					listOfOne(
						'email',
						'Email',
						text('Email', 'email', 'e.g. name@email.com', 'An email address'),
						HOME_OR_WORK,
						'WORK',
					),
					listOfOne(
						'url',
						'URL',
						text('URL', 'url', 'e.g. https://example.com', 'A website, http(s)'),
						HOME_OR_WORK,
						'WORK',
					),
				],
			},
		],
	},
	{
		displayName: 'Contacts (JSON)',
		name: 'contactsJson',
		type: 'json',
		default:
			'[\n  {\n    "name": { "formatted_name": "Sandbox Support", "first_name": "Sandbox" },\n    "phones": [{ "phone": "+852 1234 5678", "type": "WORK" }]\n  }\n]',
		description:
			"WhatsApp's contacts array; each contact needs name.formatted_name. Checked before it is sent.",
		displayOptions: forInputMode(OPERATIONS, 'contactsInput', 'json'),
	},
];

export interface ContactsValues {
	contactsInput: unknown;
	contacts: unknown;
	contactsJson: unknown;
}

/** A card filled in the fields, as WhatsApp's contact object. */
function fromFields(contact: IDataObject): IDataObject {
	const name = asText(contact.name);
	const typed = (list: unknown, key: string, valueKey: string) => {
		const entries = collectionEntries(list, key).map((entry) =>
			compact({ [valueKey]: asText(entry[key]), type: entry.type }),
		);
		return entries.length ? entries : undefined;
	};
	const org = compact({
		company: optionalText(contact.company),
		department: optionalText(contact.department),
		title: optionalText(contact.jobTitle),
	});
	const firstName = optionalText(contact.firstName);
	const lastName = optionalText(contact.lastName);
	return compact({
		// WhatsApp wants formatted_name and at least one other part of the name.
		name: compact({
			formatted_name: name,
			first_name: firstName ?? (lastName === undefined ? name : undefined),
			last_name: lastName,
		}),
		phones: typed(contact.phones, 'phone', 'phone'),
		emails: typed(contact.emails, 'email', 'email'),
		org: Object.keys(org).length ? org : undefined,
		urls: typed(contact.urls, 'url', 'url'),
	});
}

/** The contacts as WhatsApp's contact objects, or the problem with the JSON. */
function contactsOf(values: ContactsValues): { contacts: IDataObject[] } | { problem: string } {
	if (values.contactsInput !== 'json') {
		return { contacts: collectionEntries(values.contacts, 'contact').map(fromFields) };
	}
	const parsed = jsonList(values.contactsJson, 'Contacts (JSON)');
	return 'problem' in parsed ? parsed : { contacts: parsed.list as IDataObject[] };
}

const PHONE = /^\+?[\d\s().-]{5,}$/;
const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** What is wrong with entry `n` of a contact's phones, emails or URLs, or undefined. */
function entriesProblem(
	list: unknown,
	label: string,
	key: string,
	problemOf: (value: unknown) => string | undefined,
): string | undefined {
	if (list === undefined) return undefined;
	if (!Array.isArray(list)) return `${label}s must be a list`;
	for (const [index, entry] of list.entries()) {
		const problem = problemOf(isObject(entry) ? entry[key] : undefined);
		if (problem) return `${label} ${index + 1} ${problem}`;
	}
	return undefined;
}

function contactProblem(contact: unknown): string | undefined {
	if (!isObject(contact)) return 'must be an object';
	const name = isObject(contact.name) ? contact.name.formatted_name : undefined;
	if (typeof name !== 'string' || !name.trim()) return 'Name is required';
	return (
		entriesProblem(contact.phones, 'Phone', 'phone', (phone) =>
			typeof phone === 'string' && PHONE.test(phone.trim())
				? undefined
				: 'must be a phone number with its country code, e.g. +852 1234 5678',
		) ??
		entriesProblem(contact.emails, 'Email', 'email', email) ??
		entriesProblem(contact.urls, 'URL', 'url', httpUrl)
	);
}

export function contactsProblem(values: ContactsValues): string | undefined {
	const found = contactsOf(values);
	if ('problem' in found) return found.problem;
	if (!found.contacts.length) return 'Contacts must hold at least one contact';
	for (const [index, contact] of found.contacts.entries()) {
		const problem = contactProblem(contact);
		if (problem) return `Contact ${index + 1} ${problem}`;
	}
	return undefined;
}

/**
 * Not confirmed by WOZTELL: its "WhatsApp message types" page lists "Contact", but its JSON could
 * not be read in any public copy. This sends WhatsApp Cloud API's `contacts` array (contact
 * objects: `name`, `phones`, `emails`, `org`, `urls`) under the page's heading as the type:
 * `{ "type": "CONTACT", "contacts": [...] }`.
 */
export function toContactsResponse(values: ContactsValues): IDataObject {
	const found = contactsOf(values);
	return { type: 'CONTACT', contacts: 'contacts' in found ? found.contacts : [] };
}

export const contactsMessage: MessageType<ContactsValues> = {
	defaults: { contactsInput: 'builder', contacts: {}, contactsJson: '[]' },
	problem: contactsProblem,
	build: toContactsResponse,
};
