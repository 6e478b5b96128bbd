/**
 * The API key travels in the URL path (/api/<key>/<action>), so any text that may hold a URL is scrubbed before it
 * reaches an error, a log line or output data.
 */
const KEY_IN_PATH = /\/api\/[^/\s?#"'<>]+/g;
export const REDACTED = '***';

export function redact(text: string, secrets: string[] = []): string {
	let clean = text.replace(KEY_IN_PATH, `/api/${REDACTED}`);
	for (const secret of secrets) {
		if (secret.length >= 4) clean = clean.split(secret).join(REDACTED);
		const encoded = encodeURIComponent(secret);
		if (encoded !== secret && encoded.length >= 4) clean = clean.split(encoded).join(REDACTED);
	}
	return clean;
}

/** Redacts every string inside a JSON-like value (used for API bodies quoted in errors). */
export function redactDeep<T>(value: T, secrets: string[] = []): T {
	if (typeof value === 'string') return redact(value, secrets) as T;
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, secrets)) as T;
	if (value !== null && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) copy[key] = redactDeep(entry, secrets);
		return copy as T;
	}
	return value;
}
