import type { ICredentialsDecrypted } from 'n8n-workflow';

import { cleanApiKey } from '../../../credentials/MavibotApi.credentials';
import type { MavibotContext } from './index';

export const CREDENTIAL = 'mavibotApi';

export interface CachedCredentials {
	decrypted: ICredentialsDecrypted;
	/** What must never appear in an error: the API key. */
	secrets: string[];
}

const credentialsCache = new WeakMap<object, Promise<CachedCredentials>>();

/**
 * The credential, decrypted once per node execution. Handing it to httpRequestWithAuthentication spares n8n a
 * credential lookup and decryption for every request (with thousands of items that was most of the time).
 */
export function credentialsOf(context: MavibotContext): Promise<CachedCredentials> {
	let cached = credentialsCache.get(context);
	if (!cached) {
		cached = (async () => {
			const data = await context.getCredentials(CREDENTIAL);
			const key = cleanApiKey(data.apiKey);
			const node = context.getNode();
			const reference = node.credentials?.[CREDENTIAL];
			return {
				decrypted: { id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL, data },
				secrets: key ? [key] : [],
			};
		})();
		credentialsCache.set(context, cached);
		// A failed lookup is not cached: the next item tries again and reports its own error.
		cached.catch(() => credentialsCache.delete(context));
	}
	return cached;
}
