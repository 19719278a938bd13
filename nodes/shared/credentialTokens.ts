import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Where WOZTELL's access tokens are made and given their scopes. */
export const TOKEN_PLACE = 'WOZTELL: Settings → Access Tokens';

/** The credential field an API's token sits in, as the credential shows it. */
export const TOKEN_FIELDS = {
	openApiToken: 'Open API Token',
	botApiToken: 'Bot API Access Token',
} as const;
type TokenField = keyof typeof TOKEN_FIELDS;

/** Whether the credential lacks the token; then the request is refused before anything is sent. */
export const lacksToken = (credentials: ICredentialDataDecryptedObject, field: TokenField) =>
	String(credentials[field] ?? '').trim() === '';

/** The refusal of a request whose token the credential lacks: its message and what to do. */
export function missingToken(field: TokenField, scope: string, what: string) {
	const api = field === 'openApiToken' ? "WOZTELL's Open API" : 'WOZTELL’s Bot API';
	return {
		message: `The credential has no ${TOKEN_FIELDS[field]}`,
		description: `${what} go through ${api}: create an access token with the ${scope} scope (${TOKEN_PLACE}) and enter it in the credential's ${TOKEN_FIELDS[field]}. Nothing was sent.`,
	};
}
