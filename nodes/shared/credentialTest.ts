import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { baseUrlOf } from './transport';

/** The name under which both nodes offer the credential's Test (their `testedBy`). */
export const CREDENTIAL_TEST = 'woztellWabaInfoTest';

const SUCCESS: INodeCredentialTestResult = { status: 'OK', message: 'Connection successful!' };
const error = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });

function notWoztell(statusCode: number, body: unknown): string {
	const answer =
		typeof body === 'string' && /^\s*</.test(body)
			? 'an HTML page'
			: typeof body === 'object' && body !== null
				? 'JSON without WOZTELL\'s "ok" flag'
				: 'something that is not JSON';
	return `The Base URL does not lead to WOZTELL's Public API: GET /waba-info answered HTTP ${statusCode} with ${answer}. The Base URL of the WhatsApp Cloud API ends in /v1.2/api.`;
}

/**
 * What the Test button says of WOZTELL's answer to GET /waba-info: only a WOZTELL answer with
 * `ok: 1` passes ("ok": "1 on success, 0 on failure", whatever the HTTP status).
 */
export function credentialTestResult(statusCode: number, body: unknown): INodeCredentialTestResult {
	const answer = typeof body === 'object' && body !== null ? (body as IDataObject) : undefined;
	if (answer?.ok === undefined) return error(notWoztell(statusCode, body));
	if (answer.ok === 1 && statusCode < 400) return SUCCESS;
	const woztellSays = typeof answer.error === 'string' ? ` WOZTELL says: ${answer.error}` : '';
	if (statusCode === 404) {
		return error(`WOZTELL does not know this channel ID: check it under Settings → Channels.${woztellSays}`);
	}
	return error(
		`WOZTELL refused the access token or the channel ID. Generate a new token under the channel's Advanced Access and check the channel ID.${woztellSays}`,
	);
}

/** The credential's Test: the channel's WABA info with the access token, as every operation sends it. */
export async function testWoztellCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = baseUrlOf(data);
	try {
		const response = (await this.helpers.request({
			method: 'GET',
			uri: `${baseUrl}/waba-info`,
			qs: { channelId: String(data.channelId ?? '').trim(), accessToken: String(data.accessToken ?? '').trim() },
			json: true,
			resolveWithFullResponse: true,
			simple: false,
		})) as { statusCode: number; body: unknown };
		return credentialTestResult(response.statusCode, response.body);
	} catch (failure) {
		const code = (failure as IDataObject).code ?? (failure as Error).message;
		return error(`Nothing answered at the Base URL ${baseUrl} (${String(code)}): check the address and this n8n's network.`);
	}
}
