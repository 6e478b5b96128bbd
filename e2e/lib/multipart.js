'use strict';
// A multipart/form-data body (RFC 7578) read into its parts, for the scripted model's transcription endpoint: n8n's
// OpenAI node sends the audio file that way (the `form-data` package: a `--boundary` line, the part's headers, a
// blank line, the bytes, CRLF, and `--boundary--` at the end). Built-ins only.

const CRLF = Buffer.from('\r\n');

/** The boundary of a `multipart/form-data; boundary=…` content type, or an error naming what was sent. */
function boundaryOf(contentType = '') {
	const match = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
	if (!match) throw new Error(`expected multipart/form-data with a boundary, got "${contentType}"`);
	return match[1] || match[2];
}

/** `Name: value` lines → { name (lower case): value }. */
function headerLines(text) {
	const headers = {};
	for (const line of text.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0)
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return headers;
}

/** A quoted parameter of Content-Disposition (`name="file"`, `filename="voice.ogg"`), or undefined. */
function dispositionParameter(disposition, key) {
	const match = new RegExp(`(?:^|;)\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition);
	return match ? match[1].replace(/\\(.)/g, '$1') : undefined;
}

/**
 * The parts of `body` (a Buffer): [{ name, fileName (undefined for plain fields), contentType, content (Buffer) }].
 * Throws on a body that does not follow the format (no opening boundary, a part without headers, no closing line).
 */
function parseMultipart(body, contentType) {
	const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
	const between = Buffer.concat([CRLF, delimiter]);
	let at = body.indexOf(delimiter);
	if (at !== 0) throw new Error('the body does not start with its boundary');
	const parts = [];
	for (;;) {
		at += delimiter.length;
		if (body.subarray(at, at + 2).toString('latin1') === '--') return parts;
		if (!body.subarray(at, at + 2).equals(CRLF))
			throw new Error(`the boundary at byte ${at} is not followed by a line break`);
		const start = at + 2;
		const end = body.indexOf(between, start);
		if (end < 0) throw new Error('the body ends without its closing boundary');
		const part = body.subarray(start, end);
		const blank = part.indexOf('\r\n\r\n');
		if (blank < 0) throw new Error(`part ${parts.length + 1} has no blank line after its headers`);
		const headers = headerLines(part.subarray(0, blank).toString('utf8'));
		const disposition = headers['content-disposition'] || '';
		parts.push({
			name: dispositionParameter(disposition, 'name'),
			fileName: dispositionParameter(disposition, 'filename'),
			contentType: headers['content-type'],
			content: part.subarray(blank + 4),
		});
		at = end + CRLF.length;
	}
}

module.exports = { parseMultipart };
