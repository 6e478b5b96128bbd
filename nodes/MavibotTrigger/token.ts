import { createHash, timingSafeEqual } from 'crypto';

import {
	TOKEN_CHARACTERS,
	TOKEN_MIN_LENGTH,
} from '../../credentials/MavibotTriggerApi.credentials';

/**
 * Mavibot cannot sign its requests (API reference §6: no signature or secret is documented), so the secret travels in
 * the URL the user pastes into Mavibot: <Production URL>?token=<secret>.
 */
export const TOKEN_QUERY_PARAMETER = 'token';

/** The token the first published example workflow shipped with (version 1 triggers): never accepted. */
export const EXAMPLE_PLACEHOLDER_TOKEN = 'replace-with-your-own-secret-token';

/** Why a configured token cannot be used, or null when it can. */
export function tokenProblem(token: string): string | null {
	if (token === '') return 'is empty';
	if (token === EXAMPLE_PLACEHOLDER_TOKEN)
		return "is still the example's placeholder: set a secret of your own";
	if (!TOKEN_CHARACTERS.test(token)) {
		return 'may only contain letters, digits and the characters - _ . ~ (it is pasted into a URL as it is)';
	}
	if (token.length < TOKEN_MIN_LENGTH) return `is shorter than ${TOKEN_MIN_LENGTH} characters`;
	return null;
}

/**
 * Compares the token a request carries with the configured one in constant time. Both sides are hashed first so that
 * timingSafeEqual always compares two buffers of the same length and the time taken says nothing about either length.
 */
export function tokenMatches(given: unknown, expected: string): boolean {
	if (typeof given !== 'string') return false; // missing, or repeated (?token=a&token=b arrives as an array)
	const givenDigest = createHash('sha256').update(given, 'utf8').digest();
	const expectedDigest = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(givenDigest, expectedDigest);
}

/** The query parameters of a request without the token, so that it never reaches the workflow's data. */
export function queryWithoutToken(query: unknown): Record<string, unknown> {
	if (query === null || typeof query !== 'object') return {};
	const rest: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(query))
		if (key !== TOKEN_QUERY_PARAMETER) rest[key] = value;
	return rest;
}
