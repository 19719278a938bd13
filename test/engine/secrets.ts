import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { toSignedContextHeaders } from '../../credentials/WoztellWhatsAppCloudApi.credentials';

/**
 * The values that must never leave the credential: tokens (Public API, Bot API, Open API),
 * signature, signed context, channel secret.
 */
export function collectSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	const signedContext = toSignedContextHeaders({
		appId: String(credentials.appId),
		appIntegrationId: String(credentials.appIntegrationId),
		appIntegrationSignature: String(credentials.appIntegrationSignature),
		channelId: String(credentials.channelId),
	})['X-Woztell-SignedContext'];
	return [
		credentials.accessToken,
		credentials.appIntegrationSignature,
		credentials.openApiToken,
		credentials.botApiToken,
		credentials.channelSecret,
		signedContext,
	]
		.map((value) => String(value ?? ''))
		.filter((value) => value.length >= 8);
}

/**
 * Walks everything reachable from the values (errors with their message, description, cause,
 * context and stack included) and names where a secret appears.
 */
export function findSecrets(values: unknown[], secrets: string[]): string[] {
	const found: string[] = [];
	const visited = new Set<unknown>();
	const visit = (value: unknown, path: string, depth: number) => {
		if (depth > 12 || value === null || value === undefined) return;
		if (typeof value === 'string') {
			for (const secret of secrets) if (value.includes(secret)) found.push(path);
			return;
		}
		if (typeof value !== 'object' || visited.has(value)) return;
		visited.add(value);
		const keys = new Set([
			...Object.keys(value),
			...(value instanceof Error ? ['message', 'stack', 'description', 'cause'] : []),
		]);
		for (const key of keys)
			visit((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
	};
	values.forEach((value, index) => visit(value, `[${index}]`, 0));
	return found;
}
