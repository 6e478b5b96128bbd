/**
 * A downloaded file's name and MIME type: the caller's hint first (the payload's own name/type), then the response
 * (Content-Disposition, Content-Type), then the URL's last path segment.
 */

export interface FileHint {
	fileName?: string;
	mimeType?: string;
}

/** Types that say nothing about the file: the name's extension decides instead (n8n looks it up). */
const GENERIC_TYPES = new Set([
	'application/octet-stream',
	'binary/octet-stream',
	'application/unknown',
]);

function decodePercent(text: string, charset: string): string | undefined {
	try {
		if (/^utf-?8$/i.test(charset) || charset === '') return decodeURIComponent(text);
		// ISO-8859-1 (the only other charset RFC 5987 requires): each %XX is one character.
		return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
			String.fromCharCode(parseInt(hex, 16)),
		);
	} catch {
		return undefined;
	}
}

/** Splits a header's parameters (`a=1; b="x;y"`), keeping quoted strings whole. */
function parameters(header: string): Map<string, string> {
	const found = new Map<string, string>();
	const pattern = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
	for (const match of `;${header.replace(/^[^;]*/, '')}`.matchAll(pattern)) {
		let value = match[2].trim();
		if (value.startsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
		const key = match[1].toLowerCase();
		if (!found.has(key)) found.set(key, value);
	}
	return found;
}

/** The file name a Content-Disposition header gives: `filename*` (RFC 5987/6266) wins over `filename`. */
export function fileNameFromContentDisposition(header: unknown): string | undefined {
	if (typeof header !== 'string' || header.trim() === '') return undefined;
	const values = parameters(header);
	const extended = values.get('filename*');
	if (extended) {
		const match = /^([^']*)'[^']*'(.*)$/.exec(extended);
		const decoded = match ? decodePercent(match[2], match[1]) : decodePercent(extended, 'utf-8');
		const name = cleanFileName(decoded);
		if (name) return name;
	}
	const plain = values.get('filename');
	if (plain === undefined) return undefined;
	// Many servers percent-encode the plain filename too (Mavibot's file host among them).
	return cleanFileName(
		/%[0-9a-f]{2}/i.test(plain) ? (decodePercent(plain, 'utf-8') ?? plain) : plain,
	);
}

/** The last segment of a URL's path, decoded, or undefined when there is none. */
export function fileNameFromUrl(url: URL): string | undefined {
	const segment = url.pathname
		.split('/')
		.filter((part) => part !== '')
		.pop();
	if (!segment) return undefined;
	return cleanFileName(decodePercent(segment, 'utf-8') ?? segment);
}

/** Keeps the base name only, without control characters; undefined when nothing is left. */
export function cleanFileName(name: string | undefined): string | undefined {
	if (name === undefined) return undefined;
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
	return clean === '' || clean === '.' || clean === '..' ? undefined : clean;
}

/** `type/subtype` of a Content-Type header, lower case, or undefined. */
export function mediaType(header: unknown): string | undefined {
	if (typeof header !== 'string') return undefined;
	const type = header.split(';')[0].trim().toLowerCase();
	return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : undefined;
}

export const isHtml = (type: string | undefined) =>
	type === 'text/html' || type === 'application/xhtml+xml';

export const isGenericType = (type: string | undefined) =>
	type === undefined || GENERIC_TYPES.has(type);

/** Whether a name or URL path says the file is a web page (then an HTML answer is what was asked for). */
export const namesAWebPage = (name: string | undefined) => /\.x?html?$/i.test(name ?? '');

export interface FileIdentity {
	fileName?: string;
	/** undefined: n8n looks the type up from the file name's extension. */
	mimeType?: string;
}

/** The name and type of the file, by the order of preference above. */
export function identifyFile(
	hint: FileHint,
	headers: { contentDisposition?: unknown; contentType?: unknown },
	url: URL,
): FileIdentity {
	const fileName =
		cleanFileName(hint.fileName) ??
		fileNameFromContentDisposition(headers.contentDisposition) ??
		fileNameFromUrl(url);
	const hinted = mediaType(hint.mimeType);
	const answered = mediaType(headers.contentType);
	const mimeType = hinted ?? (isGenericType(answered) && fileName ? undefined : answered);
	return { fileName, mimeType };
}
