import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { OPEN_API_URL, throwOnOpenApiError } from '../../shared/openApi';
import { CREDENTIAL_TYPE } from '../../shared/transport';
import type { MemberIdentity } from './memberIdentity';
import { requireToken } from './validate';

interface OpenApiSpec<E extends 'read' | 'write'> {
	/** The access-token scope the request needs, named in its errors. */
	scope: string;
	/** A query reads; a mutation writes. */
	effect: E;
	/** The item's own hooks, after the check that the credential has an Open API Token. */
	prepare: PreSendAction[];
}

/**
 * The request parts every Open API operation shares: a POST to the Open API (the credential sends
 * it to its Open API URL with its Open API Token), refused at once when the credential has none,
 * and WOZTELL's `errors[]` read as failures.
 */
export function openApiOperation<E extends 'read' | 'write'>({
	scope,
	effect,
	prepare,
}: OpenApiSpec<E>) {
	return {
		method: 'POST' as const,
		path: OPEN_API_URL,
		effect,
		checkAnswer: throwOnOpenApiError(scope),
		prepare: [requireToken('openApiToken', scope, 'Member operations'), ...prepare],
	};
}

/** Puts a GraphQL document and its variables into the request body: the values stay data. */
export function withGraphQl(
	request: IHttpRequestOptions,
	variables: IDataObject,
	query?: string,
): IHttpRequestOptions {
	const body = (request.body ?? {}) as IDataObject;
	request.body = {
		...body,
		...(query ? { query } : {}),
		variables: { ...(body.variables as IDataObject | undefined), ...variables },
	};
	return request;
}

/** The credential's channel, which every member query is asked for. */
export async function credentialChannel(context: IExecuteSingleFunctions): Promise<string> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return String(credentials.channelId ?? '').trim();
}

/** WOZTELL answered that no member has this number or ID (the query's `member` is null). */
export function memberNotFound(context: IExecuteSingleFunctions, identity: MemberIdentity): never {
	const named =
		'memberId' in identity
			? `member ID ${identity.memberId}`
			: `WhatsApp number ${identity.whatsappNumber}`;
	const error = new NodeApiError(
		context.getNode(),
		{},
		{
			message: `WOZTELL has no member with ${named} on the credential's channel`,
			description:
				'Check the number (country code included) or the member ID. WOZTELL knows a customer as a member once they have written to the channel.',
			itemIndex: context.getItemIndex(),
		},
	);
	// Not a refusal for now: never tried again.
	error.context.failure = { status: 404 };
	throw error;
}
