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

/**
 * Decides whether an answer is a success. Mavibot reports many failures with HTTP 200: a `status` other than
 * "success" (`client_not_found`, `order 12345 not found`, `{"status":"fail","message":…}`), or a plain-text or
 * HTML body instead of JSON.
 */
export function parseMavibotResponse(httpCode: number, text: string): ParsedResponse {
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
		const kind = httpCode >= 400 ? statusKind(httpCode, reason) : isHtml ? 'notJson' : kindOfBodyError(reason, 200);
		return { ok: false, kind: isHtml && httpCode < 500 && httpCode !== 429 ? 'notJson' : kind, reason };
	}
	if (httpCode >= 400) {
		const reason = reasonInBody(data) ?? `HTTP ${httpCode}`;
		return { ok: false, kind: statusKind(httpCode, reason), reason, body: data };
	}
	if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
		const status = (data as Record<string, unknown>).status;
		if (typeof status === 'string' && status.toLowerCase() !== 'success') {
			const reason = reasonInBody(data) ?? status;
			return { ok: false, kind: kindOfBodyError(`${status} ${reason}`, 200), reason, body: data };
		}
	}
	return { ok: true, data };
}
