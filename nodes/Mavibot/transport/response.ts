import type { MavibotAnswerShape } from './actions';
import type { MavibotErrorKind } from './errors';
import { kindOfBodyError } from './errors';

export type ParsedResponse =
	| { ok: true; data: unknown }
	| { ok: false; kind: MavibotErrorKind; reason: string; body?: unknown };

const SNIPPET = 200;

function reasonInBody(data: unknown): string | undefined {
	if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
	const body = data as Record<string, unknown>;
	for (const key of ['message', 'error', 'description', 'detail']) {
		if (typeof body[key] === 'string' && body[key]) return body[key] as string;
	}
	return typeof body.status === 'string' ? body.status : undefined;
}

function statusKind(httpCode: number, reason: string): MavibotErrorKind {
	if (httpCode === 429) return 'rateLimited';
	if (httpCode === 502 || httpCode === 503 || httpCode === 504) return 'unavailable';
	return kindOfBodyError(reason, httpCode);
}

const ERROR_STATUS = /^(fail|failed|error)$|not[\s_]+found/i;
const ERROR_FIELDS = new Set(['status', 'message', 'error', 'description', 'detail', 'code']);

const isPresent = (value: unknown) =>
	value !== undefined && value !== null && value !== false && value !== '';

/** The API's error in a JSON answer of HTTP 200, or undefined when the answer is a success of its action's shape. */
function errorInAnswer(data: unknown, shape: MavibotAnswerShape): string | undefined {
	if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
	const body = data as Record<string, unknown>;
	const status = typeof body.status === 'string' ? body.status : undefined;
	if (shape === 'userData') {
		// The client's variables may be called "status" or "error": only a bare error answer is an error.
		const onlyErrorFields = Object.keys(body).every((key) => ERROR_FIELDS.has(key));
		const saysError = (status !== undefined && ERROR_STATUS.test(status)) || isPresent(body.error);
		return onlyErrorFields && saysError ? (reasonInBody(body) ?? 'error') : undefined;
	}
	if (status !== undefined)
		return status.toLowerCase() === 'success' ? undefined : (reasonInBody(body) ?? status);
	return isPresent(body.error) ? (reasonInBody(body) ?? String(body.error)) : undefined;
}

/**
 * Decides whether an answer is a success. Mavibot reports many failures with HTTP 200: a `status` other than
 * "success" (`client_not_found`, `order 12345 not found`, `{"status":"fail","message":…}`), an `error` field, or a
 * plain-text or HTML body instead of JSON. What counts depends on the action's answer shape (see actions.ts): the
 * client's variables are data even when one of them is called `status`.
 */
export function parseMavibotResponse(
	httpCode: number,
	text: string,
	shape: MavibotAnswerShape = 'status',
): ParsedResponse {
	const trimmed = text.trim();
	let data: unknown = {};
	let isJson = true;
	if (trimmed !== '') {
		try {
			data = JSON.parse(trimmed);
		} catch {
			isJson = false;
		}
	}
	if (!isJson) {
		const isHtml = /^<(!doctype|html|head|body)/i.test(trimmed) || /<\/html>/i.test(trimmed);
		const reason = isHtml
			? `answered HTTP ${httpCode} with an HTML page instead of JSON`
			: trimmed.slice(0, SNIPPET);
		const kind =
			httpCode >= 400
				? statusKind(httpCode, reason)
				: isHtml
					? 'notJson'
					: kindOfBodyError(reason, 200);
		return {
			ok: false,
			kind: isHtml && httpCode < 500 && httpCode !== 429 ? 'notJson' : kind,
			reason,
		};
	}
	if (httpCode >= 400) {
		const reason = reasonInBody(data) ?? `HTTP ${httpCode}`;
		return { ok: false, kind: statusKind(httpCode, reason), reason, body: data };
	}
	const reason = errorInAnswer(data, shape);
	if (reason !== undefined) {
		const status = (data as Record<string, unknown>).status;
		const kind = kindOfBodyError(typeof status === 'string' ? `${status} ${reason}` : reason, 200);
		return { ok: false, kind, reason, body: data };
	}
	return { ok: true, data };
}
