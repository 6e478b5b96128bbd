import { formatInTimeZone, toSendTime } from './scheduling';

/** ISO 8601 twins of the dates outputs carry (unix seconds, text with an offset): shared with the trigger. */
export { isoTwin, withIsoTwins } from '../../shared/isoTwin';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const API_DAY = /^(\d{2})\.(\d{2})\.(\d{4})$/;

function wallClockParts(text: string): number[] | undefined {
	const match = WALL_CLOCK.exec(text);
	return match ? match.slice(1).map(Number) : undefined;
}

/** How far the wall clock of `timeZone` is ahead of UTC at an instant, in ms. */
function offsetMs(instant: number, timeZone: string): number {
	const [year, month, day, hour, minute, second] = wallClockParts(
		formatInTimeZone(new Date(instant), timeZone),
	)!;
	return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(instant / 1000) * 1000;
}

/** The instant (ms) at which the wall clock of `timeZone` shows the given time. */
function zonedWallClockToInstant(parts: number[], timeZone: string): number {
	const [year, month, day, hour, minute, second] = parts;
	const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
	// Two passes settle the offset also next to a daylight-saving switch.
	const first = asUtc - offsetMs(asUtc, timeZone);
	return asUtc - offsetMs(first, timeZone);
}

function isDateObject(value: unknown): value is Date {
	return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';
}

function isLuxonLike(value: unknown): value is { toMillis: () => number } {
	return (
		Boolean(value) &&
		typeof value === 'object' &&
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
	);
}

/**
 * Converts an n8n dateTime parameter to Unix seconds. Accepts the date picker's value and other times without an
 * offset (wall-clock time in `timeZone`, the workflow time zone), ISO strings with an offset, Luxon DateTimes,
 * JS Dates, and Unix timestamps (seconds, or milliseconds when the number is that large). Undefined when invalid.
 */
export function toUnixSeconds(value: unknown, timeZone: string): number | undefined {
	if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+\s*$/.test(value))) {
		const number = Number(value);
		if (!Number.isFinite(number)) return undefined;
		return Math.floor(number >= 1e11 ? number / 1000 : number);
	}
	let instant: number | undefined;
	if (isDateObject(value)) instant = value.getTime();
	else if (isLuxonLike(value)) instant = value.toMillis();
	else if (typeof value === 'string' && HAS_OFFSET.test(value.trim()))
		instant = Date.parse(value.trim());
	else {
		const wallClock = toSendTime(value, timeZone);
		const parts = wallClock ? wallClockParts(wallClock) : undefined;
		instant = parts ? zonedWallClockToInstant(parts, timeZone) : undefined;
	}
	return instant === undefined || Number.isNaN(instant) ? undefined : Math.floor(instant / 1000);
}

/**
 * Converts an n8n dateTime parameter to the API's day format `dd.mm.yyyy`: the calendar day in `timeZone` (the
 * workflow time zone). Also accepts a day already written as dd.mm.yyyy. Undefined when invalid.
 */
export function toApiDay(value: unknown, timeZone: string): string | undefined {
	if (typeof value === 'string') {
		const day = API_DAY.exec(value.trim());
		if (day) {
			const [, dd, mm, yyyy] = day;
			const check = new Date(Date.UTC(+yyyy, +mm - 1, +dd));
			return check.getUTCMonth() === +mm - 1 && check.getUTCDate() === +dd
				? `${dd}.${mm}.${yyyy}`
				: undefined;
		}
	}
	let wallClock: string | undefined;
	if (isDateObject(value)) {
		wallClock = Number.isNaN(value.getTime()) ? undefined : formatInTimeZone(value, timeZone);
	} else if (
		typeof value === 'number' ||
		(typeof value === 'string' && /^\s*\d+\s*$/.test(value))
	) {
		const seconds = toUnixSeconds(value, timeZone);
		wallClock =
			seconds === undefined ? undefined : formatInTimeZone(new Date(seconds * 1000), timeZone);
	} else {
		wallClock = toSendTime(value, timeZone);
	}
	const parts = wallClock ? /^(\d{4})-(\d{2})-(\d{2})/.exec(wallClock) : null;
	return parts ? `${parts[3]}.${parts[2]}.${parts[1]}` : undefined;
}
