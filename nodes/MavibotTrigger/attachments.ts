/**
 * Mavibot's `attachments` field (API reference §6) is documented as "an array containing file links or dictionaries
 * of file links", and arrives in several shapes: a JSON array of URL strings, an array of objects such as
 * {"url": …, "name": …, "type": …}, a string holding a JSON array, a string holding a Python list
 * ("['https://…/a.jpg', 'https://…/b.pdf']", seen in the wild), a single URL string, or null / "" / [].
 * parseAttachments() turns every one of them into a flat list of URLs, in order, without duplicates, and never throws.
 */

/** Keys of an attachment object that hold the file link, in order of preference. */
export const LINK_KEYS = ['url', 'file', 'link', 'attachment_url', 'file_url', 'href', 'src'];

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;

export function parseAttachments(value: unknown): string[] {
	const found: string[] = [];
	collect(value, found, 0);
	return [...new Set(found)];
}

function collect(value: unknown, found: string[], depth: number): void {
	if (value === null || value === undefined || depth > 5) return;
	if (typeof value === 'string') {
		collectFromString(value, found, depth);
		return;
	}
	if (Array.isArray(value)) {
		for (const entry of value) collect(entry, found, depth + 1);
		return;
	}
	if (typeof value === 'object') collectFromObject(value as Record<string, unknown>, found, depth);
	// Numbers and booleans carry no link.
}

function collectFromString(text: string, found: string[], depth: number): void {
	const trimmed = text.trim();
	if (trimmed === '') return;
	if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
		const parsed = parseListLiteral(trimmed);
		if (parsed.ok) {
			collect(parsed.value, found, depth + 1);
			return;
		}
		// Not a list after all: fall back to the links written in it.
		for (const match of trimmed.matchAll(/https?:\/\/[^\s'"\]}]+/gi))
			found.push(match[0].replace(/,$/, ''));
		return;
	}
	// Several links in one string ("https://…/a.jpg, https://…/b.jpg"): split them apart.
	if ((trimmed.match(/:\/\//g) ?? []).length > 1) {
		found.push(...trimmed.split(/[\s,;]+/).filter((part) => part !== ''));
		return;
	}
	found.push(trimmed);
}

function collectFromObject(entry: Record<string, unknown>, found: string[], depth: number): void {
	for (const key of LINK_KEYS) {
		const link = entry[key];
		if (typeof link === 'string' && link.trim() !== '') {
			found.push(link.trim());
			return;
		}
		if (link !== null && typeof link === 'object') {
			const nested: string[] = [];
			collect(link, nested, depth + 1);
			if (nested.length > 0) {
				found.push(...nested);
				return;
			}
		}
	}
	// A "dictionary of file links" with other keys (e.g. {"photo": "https://…"}): take the values that are links.
	for (const item of Object.values(entry)) {
		if (typeof item === 'string' && URL_PATTERN.test(item.trim())) found.push(item.trim());
		else if (item !== null && typeof item === 'object') collect(item, found, depth + 1);
	}
}

type Parsed = { ok: true; value: unknown } | { ok: false };

/** Parses a JSON document, or else a Python literal (lists, tuples, dicts, quoted strings, numbers, None/True/False). */
export function parseListLiteral(text: string): Parsed {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		// Not JSON: try the Python repr that Mavibot sometimes sends.
	}
	const parser = new PythonLiteralParser(text);
	const value = parser.parseDocument();
	return value === FAILED ? { ok: false } : { ok: true, value };
}

const FAILED = Symbol('failed');

class PythonLiteralParser {
	private position = 0;

	constructor(private readonly text: string) {}

	parseDocument(): unknown {
		const value = this.parseValue();
		this.skipSpace();
		return value !== FAILED && this.position === this.text.length ? value : FAILED;
	}

	private skipSpace(): void {
		while (this.position < this.text.length && /\s/.test(this.text[this.position])) this.position++;
	}

	private parseValue(): unknown {
		this.skipSpace();
		const char = this.text[this.position];
		if (char === '[') return this.parseSequence(']');
		if (char === '(') return this.parseSequence(')');
		if (char === '{') return this.parseDict();
		if (char === "'" || char === '"') return this.parseString();
		return this.parseWord();
	}

	private parseSequence(close: string): unknown {
		const items: unknown[] = [];
		this.position++; // the opening bracket
		this.skipSpace();
		while (this.text[this.position] !== close) {
			const item = this.parseValue();
			if (item === FAILED) return FAILED;
			items.push(item);
			this.skipSpace();
			if (this.text[this.position] === ',') {
				this.position++;
				this.skipSpace();
			} else if (this.text[this.position] !== close) {
				return FAILED;
			}
		}
		this.position++; // the closing bracket
		return items;
	}

	private parseDict(): unknown {
		const result: Record<string, unknown> = {};
		this.position++; // {
		this.skipSpace();
		while (this.text[this.position] !== '}') {
			const key = this.parseValue();
			if (key === FAILED || (typeof key !== 'string' && typeof key !== 'number')) return FAILED;
			this.skipSpace();
			if (this.text[this.position] !== ':') return FAILED;
			this.position++;
			const value = this.parseValue();
			if (value === FAILED) return FAILED;
			result[String(key)] = value;
			this.skipSpace();
			if (this.text[this.position] === ',') {
				this.position++;
				this.skipSpace();
			} else if (this.text[this.position] !== '}') {
				return FAILED;
			}
		}
		this.position++; // }
		return result;
	}

	private parseString(): unknown {
		const quote = this.text[this.position++];
		let result = '';
		while (this.position < this.text.length) {
			const char = this.text[this.position++];
			if (char === quote) return result;
			if (char !== '\\') {
				result += char;
				continue;
			}
			const escaped = this.text[this.position++];
			if (escaped === undefined) return FAILED;
			const simple: Record<string, string> = {
				n: '\n',
				t: '\t',
				r: '\r',
				'\\': '\\',
				"'": "'",
				'"': '"',
				'/': '/',
			};
			if (escaped in simple) {
				result += simple[escaped];
			} else if (escaped === 'x' || escaped === 'u') {
				const length = escaped === 'x' ? 2 : 4;
				const hex = this.text.slice(this.position, this.position + length);
				if (!/^[0-9a-f]+$/i.test(hex) || hex.length !== length) return FAILED;
				result += String.fromCharCode(parseInt(hex, 16));
				this.position += length;
			} else {
				result += `\\${escaped}`;
			}
		}
		return FAILED; // unterminated string
	}

	private parseWord(): unknown {
		const match = /^(?:None|True|False|-?\d+(?:\.\d+)?)/.exec(this.text.slice(this.position));
		if (!match) return FAILED;
		this.position += match[0].length;
		if (match[0] === 'None') return null;
		if (match[0] === 'True') return true;
		if (match[0] === 'False') return false;
		return Number(match[0]);
	}
}
