/**
 * ISO 8601 twins of the dates Mavibot sends. Dates arrive as unix seconds (get_clients, get_history, sometimes the
 * webhook's client.created_at) or as text ("2024-10-16 13:15:59", the webhook). A workflow compares and formats ISO
 * dates more easily, so outputs keep the original field and add a twin beside it:
 * - unix seconds (a number, or a string of digits) → the instant in UTC, e.g. "2024-10-16T10:15:59.000Z";
 * - text with an offset or Z ("2024-10-16T13:15:59+03:00", "2024-10-16 13:15:59 +0300") → the same instant in UTC;
 * - text without an offset → null: the project's time zone is not known here, so the time is not guessed (the
 *   original field keeps it as sent), and anything else → null.
 */

const WITH_OFFSET =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** The smallest and largest unix seconds taken as dates: 1970 to the year 9999. */
const MAX_SECONDS = 253402300799;

function fromUnixSeconds(seconds: number): string | null {
	if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_SECONDS) return null;
	return new Date(Math.round(seconds * 1000)).toISOString();
}

function fromTextWithOffset(text: string): string | null {
	const match = WITH_OFFSET.exec(text);
	if (!match) return null;
	const [, year, month, day, hour, minute, second = '00', fraction = '', zone] = match;
	let offset = zone.toUpperCase();
	if (offset !== 'Z') {
		const digits = offset.replace(':', '');
		offset = `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
	}
	const instant = Date.parse(
		`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offset}`,
	);
	return Number.isNaN(instant) ? null : new Date(instant).toISOString();
}

/** The ISO 8601 (UTC) twin of a date as Mavibot sent it, or null when it cannot be told without guessing. */
export function isoTwin(value: unknown): string | null {
	if (typeof value === 'number') return fromUnixSeconds(value);
	if (typeof value !== 'string') return null;
	const text = value.trim();
	if (/^\d+(?:\.\d+)?$/.test(text)) return fromUnixSeconds(Number(text));
	return fromTextWithOffset(text);
}

/** The name of a field's twin: `created_at` → `created_at_iso`, `createdAt` → `createdAtIso`. */
export function twinName(field: string): string {
	return /[a-z0-9]_[a-z0-9]/.test(field) || field === field.toLowerCase()
		? `${field}_iso`
		: `${field}Iso`;
}

/**
 * A copy of `record` with the twin of each of `fields` that it has placed right after the field (the original keeps
 * its value and place). Fields the record does not have get no twin.
 */
export function withIsoTwins<T extends Record<string, unknown>>(
	record: T,
	fields: readonly string[],
): T {
	if (!fields.some((field) => Object.prototype.hasOwnProperty.call(record, field))) return record;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) {
		out[key] = value;
		if (fields.includes(key)) out[twinName(key)] = isoTwin(value);
	}
	return out as T;
}
