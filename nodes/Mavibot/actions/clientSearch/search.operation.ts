import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequestOrNotFound } from '../../transport';
import { findDuplicateJsonKey } from '../../helpers/jsonDuplicateKeys';
import { invalidParameter, isBlank, parseJsonParameter } from '../../helpers/validation';
import type { OperationOption, OperationResult } from '../types';
import { clientIdItems, noMatchNotice, searchInField } from './shared';

export const option: OperationOption = {
	name: 'Search',
	value: 'search',
	action: 'Search clients by query',
	description:
		'Find all clients whose variables meet conditions (equals, is one of, is not, is not one of): one item per client',
};

export const description: INodeProperties[] = [
	noMatchNotice,
	{
		displayName: 'Define Query',
		name: 'queryInput',
		type: 'options',
		noDataExpression: true,
		default: 'conditions',
		description: 'How the search query (q) is built',
		options: [
			{ name: 'Conditions', value: 'conditions', description: 'A row per condition' },
			{
				name: 'JSON',
				value: 'json',
				description: "The q object of Mavibot's query language, written by hand",
			},
		],
	},
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Condition',
		description:
			'Conditions on client (or deal) variables. Each variable may appear once; only Equals/Is One Of rows (with Match: Any Condition) or Is Not/Is Not One Of rows (with Match: All Conditions) on the same variable are merged into one list.',
		displayOptions: { show: { queryInput: ['conditions'] } },
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Variable',
						name: 'variable',
						type: 'string',
						default: '',
						placeholder: 'e.g. city',
						description: 'Name of the variable to test',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'equals',
						options: [
							{ name: 'Equals', value: 'equals', description: 'The variable equals the value' },
							{
								name: 'Is Not',
								value: 'not',
								description: 'The variable does not equal the value (_not)',
							},
							{
								name: 'Is Not One Of',
								value: 'notIn',
								description: 'The variable equals none of the values (_not_in)',
							},
							{
								name: 'Is One Of',
								value: 'in',
								description: 'The variable equals one of the values (_in)',
							},
						],
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. Kazan',
						description:
							'Value to compare with. For Is One Of / Is Not One Of: several values separated by commas or new lines, or an array expression such as {{ ["Kazan", "Saint Petersburg, Russia"] }} when values contain commas. Typed text is sent as text; an expression giving a number is sent as a number.',
					},
				],
			},
		],
	},
	{
		displayName: 'Query (JSON)',
		name: 'queryJson',
		type: 'json',
		default:
			'{\n  "city": {\n    "_in": ["Kazan", "Moscow"]\n  },\n  "source": {\n    "_not": "site"\n  }\n}',
		description:
			'The q object, without the "q" wrapper: {"name": "Joe"} (equals), {"name": {"_in": [...]}}, {"name": {"_not_in": [...]}}, {"name": {"_not": "Joe"}}. Sent as written.',
		displayOptions: { show: { queryInput: ['json'] } },
	},
	searchInField,
	{
		displayName: 'Match',
		name: 'match',
		type: 'options',
		default: 'all',
		description: 'Whether a client must meet every condition or just one (include_all)',
		options: [
			{
				name: 'All Conditions',
				value: 'all',
				description: 'Every condition must hold (include_all=true)',
			},
			{
				name: 'Any Condition',
				value: 'any',
				description: 'One condition is enough (include_all=false)',
			},
		],
	},
];

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
function buildQuery(context: IExecuteFunctions, itemIndex: number, matchAll: boolean): IDataObject {
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

function readJsonQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
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

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const matchAll = this.getNodeParameter('match', itemIndex, 'all') !== 'any';
	const q =
		this.getNodeParameter('queryInput', itemIndex, 'conditions') === 'json'
			? readJsonQuery(this, itemIndex)
			: buildQuery(this, itemIndex, matchAll);
	const body: IDataObject = { q };
	if (this.getNodeParameter('searchIn', itemIndex, 'client') === 'order') body.search_in = 'order';
	// Sent every time: Mavibot's default for include_all is not documented.
	body.include_all = matchAll;
	const response = await mavibotApiRequestOrNotFound.call(
		this,
		'find_clients',
		{ body },
		itemIndex,
	);
	return clientIdItems(this, itemIndex, 'find_clients', response);
}
