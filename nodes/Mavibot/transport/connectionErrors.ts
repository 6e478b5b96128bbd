/* What a failed connection says, read along the error's cause chain (the system error may sit a few causes deep). */

// Errors raised before a connection exists: the request cannot have reached Mavibot.
export const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

/** The first error code (ECONNREFUSED, ETIMEDOUT…) along the cause chain. */
export function errorCode(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && current.code) return current.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

/** The innermost message along the cause chain: the most specific reason. */
export function errorText(error: unknown): string {
	let current = error as { message?: unknown; cause?: unknown } | undefined;
	const parts: string[] = [];
	for (let depth = 0; current && depth < 5; depth++) {
		if (
			typeof current.message === 'string' &&
			current.message &&
			!parts.includes(current.message)
		) {
			parts.push(current.message);
		}
		current = current.cause as typeof current;
	}
	return parts[parts.length - 1] ?? 'the connection failed';
}
