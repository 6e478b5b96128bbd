/** Retry-After is either seconds or an HTTP date. */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait before retry `attempt` when the answer names none: 1 s, 2 s, 4 s, then 8 s. */
export const backoffMs = (attempt: number) => Math.min(1000 * 2 ** attempt, 8000);
