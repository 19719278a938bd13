import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { showFor } from '../../shared/descriptions';
import { valueOfInputField } from '../../shared/inputItem';
import { refuseToSend } from '../../shared/validate';
import { checkBusinessPublicKey, generateBusinessKeyPair } from './publicKey';

const forSet = showFor('businessEncryption', ['set']);
const forSource = (source: string) => ({ show: { ...forSet.show, publicKeySource: [source] } });

export const setFields: INodeProperties[] = [
	{
		displayName: 'Public Key Source',
		name: 'publicKeySource',
		description: 'Where the 2048-bit RSA public key to set comes from',
		type: 'options',
		options: [
			{ name: 'Enter Public Key', value: 'field', description: 'Paste the PEM public key here' },
			{
				name: 'Generate New Key Pair',
				value: 'generate',
				description: 'Make a fresh 2048-bit RSA key pair, set its public key, and output both keys',
			},
			{
				name: 'Input Item Field',
				value: 'inputField',
				description: 'A field of the input item holds the PEM public key',
			},
		],
		default: 'field',
		displayOptions: forSet,
	},
	{
		displayName: 'Public Key',
		name: 'publicKey',
		type: 'string',
		typeOptions: { rows: 8 },
		default: '',
		placeholder: '-----BEGIN PUBLIC KEY-----\n...\n-----END PUBLIC KEY-----',
		description:
			'The 2048-bit RSA public key in PEM format, e.g. from openssl rsa -in private.pem -pubout',
		displayOptions: forSource('field'),
	},
	{
		displayName: 'Input Field Name',
		name: 'publicKeyField',
		type: 'string',
		default: 'publicKey',
		placeholder: 'e.g. publicKey',
		description: 'Name of the input item field holding the PEM public key',
		displayOptions: forSource('inputField'),
	},
	{
		displayName:
			'The output holds the new private key, and nothing else does: store it safely right away (e.g. in an n8n credential or a secret manager). Your Flow endpoint needs it to decrypt what WhatsApp sends; whoever has it can read that data.',
		name: 'privateKeyNotice',
		type: 'notice',
		default: '',
		displayOptions: forSource('generate'),
	},
];

/**
 * POST /whatsapp-business-encryption with the key the user gave or one made here. A generated
 * private key must reach the output, and only the code that sends the request holds it: so this
 * wraps the request (see OperationSpec.wrapRequest) instead of being a preSend hook.
 */
export async function sendBusinessPublicKey(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const source = this.getNodeParameter('publicKeySource', 'field');
	let keys: { publicKey: string; privateKey?: string };
	if (source === 'generate') {
		keys = generateBusinessKeyPair();
	} else {
		const given =
			source === 'inputField'
				? valueOfInputField.call(this, 'publicKeyField')
				: this.getNodeParameter('publicKey', '');
		const { publicKey, problem } = checkBusinessPublicKey(given);
		if (problem !== undefined) refuseToSend(this, `Public Key ${problem}`);
		keys = { publicKey };
	}
	const body = { ...(requestData.options.body as object), publicKey: keys.publicKey };
	const items = await this.makeRoutingRequest({
		...requestData,
		options: { ...requestData.options, body },
	});
	return items.map((item) => ({ ...item, json: { ...item.json, ...keys } }));
}
