import { describeType } from '../../requestBody';

/** A whole number given as a number or as a string of digits. */
function wholeNumber(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
	if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
		const parsed = Number(value.trim());
		return Number.isSafeInteger(parsed) ? parsed : undefined;
	}
	return undefined;
}

/** 1/0, true/false, "1"/"0", "true"/"false". */
function flag(value: unknown): boolean | undefined {
	if (value === 1 || value === true || value === '1' || value === 'true' || value === 'True')
		return true;
	if (value === 0 || value === false || value === '0' || value === 'false' || value === 'False')
		return false;
	return undefined;
}

/**
 * Reads typed fields of the payload. The first field that has the wrong type is remembered as `problem` and reading
 * goes on with a neutral value, so that building the event needs no exceptions.
 */
export class FieldReader {
	problem: string | null = null;

	private fail<T>(reason: string, neutral: T): T {
		this.problem ??= reason;
		return neutral;
	}

	requiredWholeNumber(
		source: Record<string, unknown>,
		key: string,
		path: string,
		meaning: string,
	): number {
		const value = source[key];
		if (value === undefined || value === null || value === '') {
			return this.fail(`field "${path}" (${meaning}) is missing`, 0);
		}
		const parsed = wholeNumber(value);
		if (parsed === undefined) {
			return this.fail(
				`field "${path}" (${meaning}) must be a whole number, got ${describeType(value)}`,
				0,
			);
		}
		return parsed;
	}

	optionalWholeNumber(source: Record<string, unknown>, key: string, path: string): number | null {
		const value = source[key];
		if (value === undefined || value === null || value === '') return null;
		const parsed = wholeNumber(value);
		if (parsed === undefined)
			return this.fail(`field "${path}" must be a whole number, got ${describeType(value)}`, null);
		return parsed;
	}

	/** A text field: strings as they are, numbers as text (a phone number or a name can arrive as a number). */
	optionalText(source: Record<string, unknown>, key: string, path: string): string | null {
		const value = source[key];
		if (value === undefined || value === null) return null;
		if (typeof value === 'string') return value;
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
		return this.fail(`field "${path}" must be text, got ${describeType(value)}`, null);
	}

	requiredFlag(
		source: Record<string, unknown>,
		key: string,
		path: string,
		meaning: string,
	): boolean {
		const value = source[key];
		if (value === undefined || value === null || value === '') {
			return this.fail(`field "${path}" (${meaning}) is missing`, false);
		}
		const parsed = flag(value);
		if (parsed === undefined)
			return this.fail(`field "${path}" must be 1 or 0, got ${describeType(value)}`, false);
		return parsed;
	}

	optionalFlag(source: Record<string, unknown>, key: string, path: string): boolean | null {
		const value = source[key];
		if (value === undefined || value === null || value === '') return null;
		const parsed = flag(value);
		if (parsed === undefined)
			return this.fail(`field "${path}" must be 1 or 0, got ${describeType(value)}`, null);
		return parsed;
	}
}
