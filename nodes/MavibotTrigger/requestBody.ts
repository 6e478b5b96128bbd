/**
 * Reading a request for every event source: the body as JSON, and the words for a value of the wrong type. Nothing
 * here throws: a body that cannot be read gives a reason the trigger sends back with HTTP 400.
 */

export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

/** What n8n hands the trigger as the request body, and the raw bytes it read. */
export interface RequestBody {
	body: unknown;
	rawBody?: unknown;
}

/**
 * The request body as a JSON value, or undefined when the request has none. n8n parses JSON bodies itself when the
 * request says `application/json`; a body sent as text/plain, or with no content type, is parsed here.
 */
export function readJsonBody({ body, rawBody }: RequestBody): Result<unknown> {
	if (typeof body === 'string') return parseJsonText(body);
	if (isBuffer(body)) return parseJsonText(body.toString('utf8'));
	const bodyIsEmpty =
		body === undefined ||
		body === null ||
		(typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
	if (!bodyIsEmpty) return { ok: true, value: body };
	if (isBuffer(rawBody) && rawBody.length > 0) return parseJsonText(rawBody.toString('utf8'));
	if (typeof rawBody === 'string' && rawBody.trim() !== '') return parseJsonText(rawBody);
	return { ok: true, value: body === null ? undefined : body };
}

function isBuffer(value: unknown): value is Buffer {
	return Buffer.isBuffer(value);
}

function parseJsonText(text: string): Result<unknown> {
	if (text.trim() === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (error) {
		return { ok: false, reason: `The body is not valid JSON (${(error as Error).message})` };
	}
}

/** The kind of a JSON value, as error messages name it ("got an array"). */
export function describeType(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
	return `a ${typeof value}`;
}
