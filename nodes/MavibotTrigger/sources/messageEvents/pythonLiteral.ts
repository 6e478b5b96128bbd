/**
 * Mavibot sometimes sends a list as Python prints it ("['https://…/a.jpg', 'https://…/b.pdf']"): this reads such
 * literals (lists, tuples, dicts, quoted strings, numbers, None/True/False) without evaluating anything.
 */

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
