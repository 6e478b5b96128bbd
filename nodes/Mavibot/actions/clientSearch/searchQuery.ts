import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { findDuplicateJsonKey } from '../../helpers/jsonDuplicateKeys';
import { invalidParameter, isBlank, parseJsonParameter } from '../../helpers/validation';

/*
 * The search query `q` of find_clients (Client Search → Search): built from the Conditions rows, or read from
 * Query (JSON). Both refuse what Mavibot would silently misread.
 */

type Operator = 'equals' | 'not' | 'in' | 'notIn';
type Scalar = string | number | boolean | null;

interface Condition {
	row: number;
	variable: string;
	operator: Operator;
	/** One value for equals/not, the list for in/notIn. */
	values: Scalar[];
}

const OPERATOR_NAMES: Record<Operator, string> = {
	equals: 'Equals',
	not: 'Is Not',
	in: 'Is One Of',
	notIn: 'Is Not One Of',
};

const isScalar = (value: unknown): value is Scalar => value === null || typeof value !== 'object';

function readList(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	row: number,
	operator: Operator,
): Scalar[] {
	const raw: unknown[] = Array.isArray(value)
		? value.flat(Infinity)
		: typeof value === 'string'
			? value
					.split(/\r?\n|,/)
					.map((part) => part.trim())
					.filter((part) => part !== '')
			: value === undefined || value === null
				? []
				: [value];
	if (!raw.every(isScalar)) {
		throw invalidParameter(
			context,
			itemIndex,
			'Conditions',
			`has an object among the values of condition ${row}`,
			'Give text values separated by commas or new lines, or an array of texts or numbers.',
		);
	}
	if (raw.length === 0) {
		throw invalidParameter(
			context,
			itemIndex,
			'Conditions',
			`has no values in condition ${row} (${OPERATOR_NAMES[operator]})`,
			'Give one or more values separated by commas or new lines, or an array expression.',
		);
	}
	return raw as Scalar[];
}

function readConditions(context: IExecuteFunctions, itemIndex: number): Condition[] {
	const rows =
		((context.getNodeParameter('conditions', itemIndex, {}) as IDataObject)
			.condition as IDataObject[]) ?? [];
	if (rows.length === 0) {
		throw invalidParameter(
			context,
			itemIndex,
			'Conditions',
			'is empty',
			'Add at least one condition.',
		);
	}
	return rows.map((entry, index) => {
		const row = index + 1;
		if (isBlank(entry.variable)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Conditions',
				`has a condition ${row} without a variable`,
				'Give every condition a variable name, or remove the empty row.',
			);
		}
		const variable = String(entry.variable).trim();
		const operator = ((entry.operator as string) || 'equals') as Operator;
		if (!Object.prototype.hasOwnProperty.call(OPERATOR_NAMES, operator)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Conditions',
				`has the unknown operator "${String(entry.operator)}" in condition ${row}`,
				'Use equals, in (Is One Of), notIn (Is Not One Of) or not (Is Not). For other operators write the query as JSON.',
			);
		}
		if (operator === 'in' || operator === 'notIn') {
			return {
				row,
				variable,
				operator,
				values: readList(context, itemIndex, entry.value, row, operator),
			};
		}
		const value = entry.value === undefined ? '' : entry.value;
		if (!isScalar(value)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Conditions',
				`has a list or an object as the value of condition ${row} (${OPERATOR_NAMES[operator]})`,
				`${OPERATOR_NAMES[operator]} compares with one value. Use ${operator === 'not' ? 'Is Not One Of' : 'Is One Of'} for several values.`,
			);
		}
		return { row, variable, operator, values: [value] };
	});
}

function unique(values: Scalar[]): Scalar[] {
	const seen = new Set<string>();
	return values.filter((value) => {
		const key = `${typeof value}:${String(value)}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

const listOfRows = (rows: number[]) =>
	rows.length === 2
		? `${rows[0]} and ${rows[1]}`
		: `${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;

/**
 * Builds `q`. A JSON object holds each variable once, so several conditions on one variable are merged where the
 * result means exactly the same: with Match "any", Equals / Is One Of rows become one `_in` (a OR b); with Match
 * "all", Is Not / Is Not One Of rows become one `_not_in` (not a AND not b). Anything else is refused.
 */
export function buildQuery(
	context: IExecuteFunctions,
	itemIndex: number,
	matchAll: boolean,
): IDataObject {
	const byVariable = new Map<string, Condition[]>();
	for (const condition of readConditions(context, itemIndex)) {
		const group = byVariable.get(condition.variable) ?? [];
		group.push(condition);
		byVariable.set(condition.variable, group);
	}
	const q: IDataObject = {};
	for (const [variable, group] of byVariable) {
		if (group.length === 1) {
			const [{ operator, values }] = group;
			if (operator === 'equals') q[variable] = values[0];
			else if (operator === 'not') q[variable] = { _not: values[0] };
			else q[variable] = { [operator === 'in' ? '_in' : '_not_in']: values };
			continue;
		}
		const positive = group.every((c) => c.operator === 'equals' || c.operator === 'in');
		const negative = group.every((c) => c.operator === 'not' || c.operator === 'notIn');
		if (!matchAll && positive) {
			q[variable] = { _in: unique(group.flatMap((c) => c.values)) };
		} else if (matchAll && negative) {
			q[variable] = { _not_in: unique(group.flatMap((c) => c.values)) };
		} else {
			throw invalidParameter(
				context,
				itemIndex,
				'Conditions',
				`has ${group.length} conditions on the variable "${variable}" (conditions ${listOfRows(group.map((c) => c.row))})`,
				"Mavibot's query is a JSON object, which holds each variable once. Put the values into one condition (Is One Of and Is Not One Of take several values). Rows on one variable are merged only when that keeps their meaning: Equals/Is One Of with Match: Any Condition, Is Not/Is Not One Of with Match: All Conditions.",
			);
		}
	}
	return q;
}

export function readJsonQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = context.getNodeParameter('queryJson', itemIndex, '');
	const parsed = parseJsonParameter(context, raw, 'Query (JSON)', itemIndex);
	if (
		parsed === undefined ||
		parsed === null ||
		typeof parsed !== 'object' ||
		Array.isArray(parsed)
	) {
		throw invalidParameter(
			context,
			itemIndex,
			'Query (JSON)',
			parsed === undefined ? 'is empty' : 'is not an object',
			'Give the q object, e.g. {"city": "Kazan"} or {"city": {"_in": ["Kazan", "Moscow"]}}.',
		);
	}
	if (Object.keys(parsed).length === 0) {
		throw invalidParameter(
			context,
			itemIndex,
			'Query (JSON)',
			'has no conditions',
			'Give at least one condition, e.g. {"city": "Kazan"}.',
		);
	}
	const repeated = typeof raw === 'string' ? findDuplicateJsonKey(raw) : undefined;
	if (repeated !== undefined) {
		throw invalidParameter(
			context,
			itemIndex,
			'Query (JSON)',
			`has the key "${repeated}" twice in one object`,
			'A JSON object keeps only the last of two equal keys, so a condition would be lost. Give each variable once; use {"_in": [...]} or {"_not_in": [...]} for several values.',
		);
	}
	return parsed as IDataObject;
}
