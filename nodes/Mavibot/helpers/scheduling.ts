import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter, isBlank } from './validation';

const API_FORMAT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

function pad(value: number | string): string {
	return String(value).padStart(2, '0');
}

function isValidTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/** The wall-clock time of an instant in a time zone, in the API's `YYYY-MM-DD HH:MM:SS` format. */
export function formatInTimeZone(instant: Date, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23',
	}).formatToParts(instant);
	const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '00';
	return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/**
 * Converts "Send At" to the API's `send_time`. A value with an offset (ISO string, Luxon DateTime, JS Date) is an
 * instant and is shown in `timeZone`; a value without one (the API's own format, or the date picker's) is already
 * wall-clock time in `timeZone` and is only reformatted. Returns undefined for an invalid value.
 */
export function toSendTime(value: unknown, timeZone: string): string | undefined {
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? undefined : formatInTimeZone(value, timeZone);
	}
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	) {
		return toSendTime((value as { toISO: () => string | null }).toISO() ?? '', timeZone);
	}
	const text = String(value ?? '').trim();
	const wallClock =
		API_FORMAT.exec(text) ?? (DATE_ONLY.test(text) ? API_FORMAT.exec(`${text} 00:00:00`) : null);
	if (wallClock && !HAS_OFFSET.test(text)) {
		const [, year, month, day, hour, minute, second = '00'] = wallClock;
		const check = new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second));
		if (
			check.getUTCMonth() !== +month - 1 ||
			check.getUTCDate() !== +day ||
			+hour > 23 ||
			+minute > 59
		) {
			return undefined;
		}
		return `${year}-${month}-${day} ${pad(hour)}:${pad(minute)}:${pad(second)}`;
	}
	if (!HAS_OFFSET.test(text)) return undefined;
	const instant = new Date(text);
	return Number.isNaN(instant.getTime()) ? undefined : formatInTimeZone(instant, timeZone);
}

/**
 * Adds `send_time` / `time_shift` from the "Schedule" fields. When both are set the API uses the delay, so the
 * node sends both and the field descriptions say so.
 */
export function applyScheduling(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	target: IDataObject,
): void {
	if (!isBlank(fields.sendAt)) {
		const timeZone = isBlank(fields.timeZone)
			? context.getTimezone()
			: String(fields.timeZone).trim();
		if (!isValidTimeZone(timeZone)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Time Zone',
				`is "${timeZone}", which is not a known time zone`,
				'Use an IANA time zone name such as Europe/Moscow or America/New_York, or leave it empty to use the workflow time zone.',
			);
		}
		const sendTime = toSendTime(fields.sendAt, timeZone);
		if (!sendTime) {
			throw invalidParameter(
				context,
				itemIndex,
				'Send At',
				`is "${String(fields.sendAt)}", which is not a date and time`,
				'Pick a date in the date picker, or give an ISO date such as 2026-12-01T09:30:00+03:00, a Luxon DateTime such as {{ $now.plus({ hours: 1 }) }}, or the API format 2026-12-01 09:30:00.',
			);
		}
		target.send_time = sendTime;
	}
	if (!isBlank(fields.delaySeconds)) {
		const delay = Number(fields.delaySeconds);
		if (!Number.isFinite(delay) || delay < 0) {
			throw invalidParameter(
				context,
				itemIndex,
				'Delay (Seconds)',
				`is "${String(fields.delaySeconds)}"`,
				'Use a whole number of seconds, 0 or more.',
			);
		}
		if (delay > 0) target.time_shift = Math.round(delay);
	}
}

/**
 * The instant of a wall-clock time (`YYYY-MM-DD HH:MM:SS`, as toSendTime gives it) in a time zone; undefined for
 * anything else. In a DST gap or overlap it picks one of the candidates, which is close enough for checking a link's
 * lifetime against the send time.
 */
export function wallClockToInstant(wallClock: string, timeZone: string): Date | undefined {
	const match = API_FORMAT.exec(wallClock.trim());
	if (!match || !isValidTimeZone(timeZone)) return undefined;
	const [, year, month, day, hour, minute, second = '00'] = match;
	const asUtc = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
	let instant = asUtc;
	// Twice: the zone's offset at the first guess may differ from the offset at the answer (a DST change between).
	for (let pass = 0; pass < 2; pass++) {
		const shown = formatInTimeZone(new Date(instant), timeZone);
		const [, y, mo, d, h, mi, s] = API_FORMAT.exec(shown) ?? [];
		instant += asUtc - Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
	}
	return new Date(instant);
}
