import type { IDataObject } from 'n8n-workflow';

import type { PageField } from './pages';
import type { PageTexts } from './texts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_LENGTH = 10_000;

export type CheckedAnswers = { ok: true; values: IDataObject } | { ok: false; fields: PageField[] };

function firstValue(value: unknown): string {
	const single = Array.isArray(value) ? value[0] : value;
	return typeof single === 'string' || typeof single === 'number' ? String(single).trim() : '';
}

function problem(field: PageField, value: string, texts: PageTexts): string | undefined {
	if (value === '') return field.required ? texts.required : undefined;
	if (field.type === 'number' && !Number.isFinite(Number(value))) return texts.notANumber;
	if (field.type === 'email' && !EMAIL.test(value)) return texts.notAnEmail;
	if (field.type === 'date' && (!DATE.test(value) || Number.isNaN(Date.parse(value))))
		return texts.notADate;
	if (field.type === 'dropdown' && !field.choices?.includes(value)) return texts.notAChoice;
	return undefined;
}

/**
 * Checks a submitted form against the fields the node defines: only those fields are read (anything else in the
 * body is ignored), required ones must be filled, numbers, e-mails, dates and dropdown choices must be valid.
 * Values are named by the fields' labels; numbers become numbers, empty optional fields are null.
 */
export function checkAnswers(
	fields: PageField[],
	body: IDataObject,
	texts: PageTexts,
): CheckedAnswers {
	const values: IDataObject = {};
	let ok = true;
	const shown = fields.map((field) => {
		const value = firstValue(body[field.name]).slice(0, MAX_LENGTH);
		const error = problem(field, value, texts);
		if (error) ok = false;
		const key = field.name === 'text' ? 'text' : field.label;
		values[key] = value === '' ? null : field.type === 'number' ? Number(value) : value;
		return { ...field, value, error };
	});
	return ok ? { ok, values } : { ok, fields: shown };
}
