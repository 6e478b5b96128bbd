'use strict';
// Parameter coercion and the error shapes of the Mavibot API (§2.3). Handlers throw ApiError; the server turns it
// into an HTTP answer. Values arrive as strings from query strings and form bodies, and as typed JSON otherwise, so
// every reader here accepts both.

class ApiError extends Error {
	constructor(status, body) {
		super(typeof body === 'object' && body && body.message ? body.message : `HTTP ${status}`);
		this.status = status;
		this.body = body;
	}
}

/** `{"status":"fail","message":…}` with HTTP 200, the documented validation-error shape. */
function fail(message) {
	return new ApiError(200, { status: 'fail', message });
}

/** A bare status string such as `client_not_found` or `order 12345 not found` (HTTP 200). */
function statusError(status) {
	return new ApiError(200, { status });
}

const clientNotFound = () => statusError('client_not_found');

function isBlank(value) {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

function has(params, name) {
	return !isBlank(params[name]);
}

function required(params, name) {
	if (!has(params, name)) throw fail(`Parameter "${name}" required`);
	return params[name];
}

function formatError(detail) {
	return fail(detail ? `Error in parameter format: ${detail}` : 'Error in parameter format');
}

function toInt(value, name) {
	if (isBlank(value)) return undefined;
	const n = typeof value === 'number' ? value : Number(String(value).trim());
	if (!Number.isInteger(n)) throw formatError(name);
	return n;
}

function toNumber(value, name) {
	if (isBlank(value)) return undefined;
	const n = typeof value === 'number' ? value : Number(String(value).trim());
	if (!Number.isFinite(n)) throw formatError(name);
	return n;
}

/** Flags: `true`, `1`, `"true"`, `"True"`, `"1"`, `"yes"`, and a bare `?flag` (empty string) are true. */
function toBool(value) {
	if (value === undefined || value === null) return false;
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value !== 0;
	const s = String(value).trim().toLowerCase();
	return s === '' || s === 'true' || s === '1' || s === 'yes' || s === 'on';
}

/** Arrays may come as JSON arrays, JSON strings (`"[1,2]"`), comma lists (`"1,2"`), `a[]=` form keys or one value. */
function asArray(value, name) {
	if (value === undefined || value === null) return undefined;
	if (Array.isArray(value)) return value;
	if (typeof value === 'object') {
		const keys = Object.keys(value);
		if (keys.every((k) => /^\d+$/.test(k))) return keys.map((k) => value[k]);
		throw formatError(name);
	}
	const s = String(value).trim();
	if (s.startsWith('[')) {
		try {
			const parsed = JSON.parse(s);
			if (Array.isArray(parsed)) return parsed;
		} catch {
			// fall through
		}
		throw formatError(name);
	}
	if (s === '') return [];
	return s.includes(',')
		? s
				.split(',')
				.map((part) => part.trim())
				.filter(Boolean)
		: [value];
}

/** Objects may come as JSON objects or JSON strings (form posts serialise nested values). */
function asObject(value, name) {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'object' && !Array.isArray(value)) return value;
	if (typeof value === 'string' && value.trim().startsWith('{')) {
		try {
			const parsed = JSON.parse(value);
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
		} catch {
			// fall through
		}
	}
	throw formatError(name);
}

const ATTACHMENT_TYPES = ['image', 'video', 'link', 'file', 'audio'];

/** §2.6: `time_shift` (seconds) wins over `send_time` (`YYYY-MM-DD HH:MM:SS`, read as UTC here). */
function scheduling(params) {
	const out = {};
	if (!isBlank(params.send_time)) {
		const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(
			String(params.send_time).trim(),
		);
		if (!m) throw fail('Error in parameter format: send_time must look like YYYY-MM-DD HH:MM:SS');
		out.sendTime = m[0];
		out.scheduledFor = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000;
	}
	if (!isBlank(params.time_shift)) {
		const shift = toNumber(params.time_shift, 'time_shift');
		if (shift < 0) throw fail('Error in parameter format: time_shift must not be negative');
		out.timeShift = shift;
		out.scheduledFor = Math.floor(Date.now() / 1000 + shift);
	}
	return out;
}

/**
 * §2.6 "universal webhook": `value_<name>=<param>` copies the value of `<param>` into `<name>`, and
 * `delimiter=<c>&delimiter_value_<name>=a<c>b<c>c` reads `body.a.b.c` into `<name>`.
 */
function resolveIndirect(params, body) {
	const out = { ...params };
	for (const [key, source] of Object.entries(params)) {
		if (key.startsWith('value_') && typeof source === 'string' && source in params) {
			out[key.slice('value_'.length)] = params[source];
		}
	}
	const delimiter = params.delimiter;
	if (typeof delimiter === 'string' && delimiter !== '') {
		const root = body && typeof body === 'object' ? body : params;
		for (const [key, pathText] of Object.entries(params)) {
			if (!key.startsWith('delimiter_value_') || typeof pathText !== 'string') continue;
			let node = root;
			for (const part of pathText.split(delimiter))
				node = node && typeof node === 'object' ? node[part] : undefined;
			if (node !== undefined) out[key.slice('delimiter_value_'.length)] = node;
		}
	}
	return out;
}

/** Keys of the indirection machinery, never saved as variables. */
function isIndirectionKey(key) {
	return key.startsWith('value_') || key === 'delimiter' || key.startsWith('delimiter_value_');
}

module.exports = {
	ApiError,
	fail,
	statusError,
	clientNotFound,
	formatError,
	isBlank,
	has,
	required,
	toInt,
	toNumber,
	toBool,
	asArray,
	asObject,
	scheduling,
	resolveIndirect,
	isIndirectionKey,
	ATTACHMENT_TYPES,
};
