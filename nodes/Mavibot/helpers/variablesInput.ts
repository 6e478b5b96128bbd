import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter, isBlank, parseJsonObject } from './validation';

/**
 * The "Define Variables" input shared by the operations that write variables (Variable → Set, Deal → Set Variables):
 * variables as name/value rows or as a JSON object. Field names: variablesInput, variables (variable[].name/value),
 * variablesJson. Read them with `readVariables()`.
 */
export interface VariablesInputOptions {
	/** Placeholder of a variable name row, e.g. "e.g. client.phone or quiz_score". */
	namePlaceholder?: string;
	/** Default of the JSON field. */
	jsonDefault?: string;
	/** Description of the JSON field. */
	jsonDescription?: string;
}

export interface NameValueRowsText {
	namePlaceholder: string;
	nameDescription: string;
	valuePlaceholder?: string;
	valueDescription: string;
}

/** A fixedCollection of name/value rows (its `variable` list); read it with nameValueRows(). */
export function nameValueRowsField(
	displayName: string,
	name: string,
	description: string,
	text: NameValueRowsText,
): INodeProperties {
	const value: INodeProperties = {
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
	};
	if (text.valuePlaceholder !== undefined) value.placeholder = text.valuePlaceholder;
	value.description = text.valueDescription;
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Variable',
		description,
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: text.namePlaceholder,
						description: text.nameDescription,
					},
					value,
				],
			},
		],
	};
}

export function variablesInputProperties({
	namePlaceholder = 'e.g. client.phone or quiz_score',
	jsonDefault = '{\n  "client.phone": "79990001122",\n  "quiz_score": "7"\n}',
	jsonDescription = 'An object of variable names and values',
}: VariablesInputOptions = {}): INodeProperties[] {
	return [
		{
			displayName: 'Define Variables',
			name: 'variablesInput',
			type: 'options',
			noDataExpression: true,
			default: 'fields',
			description: 'How the variables are given: one name/value row each, or one JSON object',
			options: [
				{ name: 'One by One', value: 'fields' },
				{ name: 'As JSON', value: 'json' },
			],
		},
		{
			...nameValueRowsField(
				'Variables',
				'variables',
				'The variables to write, one name and value per row',
				{
					namePlaceholder,
					nameDescription: 'The variable name',
					valueDescription: 'The value to store (sent as text)',
				},
			),
			displayOptions: { show: { variablesInput: ['fields'] } },
		},
		{
			displayName: 'Variables (JSON)',
			name: 'variablesJson',
			type: 'json',
			default: jsonDefault,
			description: jsonDescription,
			displayOptions: { show: { variablesInput: ['json'] } },
		},
	];
}

/**
 * Reads the variables given with `variablesInputProperties()` as one object of name → value. Refuses invalid JSON,
 * a JSON value that is not an object, a row without a name and an empty set, naming the field and the item.
 */
export function readVariables(
	context: IExecuteFunctions,
	itemIndex: number,
	example = '{"client.phone": "79990001122", "quiz_score": "7"}',
): IDataObject {
	const input = context.getNodeParameter('variablesInput', itemIndex, 'fields') as string;
	let variables: IDataObject = {};
	if (input === 'json') {
		const raw = context.getNodeParameter('variablesJson', itemIndex, '{}');
		const fix = `Give an object such as ${example}.`;
		const parsed = parseJsonObject(context, raw, 'Variables (JSON)', itemIndex, fix);
		if (parsed === undefined)
			throw invalidParameter(context, itemIndex, 'Variables (JSON)', 'is not an object', fix);
		variables = parsed;
	} else {
		const rows = nameValueRows(context.getNodeParameter('variables', itemIndex, {}));
		variables = readNameValueRows(context, itemIndex, 'Variables', rows);
	}
	if (Object.keys(variables).length === 0) {
		throw invalidParameter(
			context,
			itemIndex,
			'Variables',
			'is empty',
			'Add at least one variable name and value.',
		);
	}
	return variables;
}

export interface NameValueRules {
	/** Refuse an empty value, with this fix-it text. */
	requireValue?: string;
	/** Refuse a list or an object as a value, with this fix-it text. */
	scalarOnly?: string;
	/** Refuse some names: returns the problem and the fix, or undefined when the name is fine. */
	refuseName?: (name: string) => { problem: string; fix: string } | undefined;
}

/**
 * Turns name/value rows (a fixedCollection's `variable` list, or the entries of a JSON object) into one object,
 * refusing a row without a name and a name given twice, naming the field and the item.
 */
export function readNameValueRows(
	context: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
	rows: Array<{ name?: unknown; value?: unknown }>,
	rules: NameValueRules = {},
): IDataObject {
	const result: IDataObject = {};
	rows.forEach((row, index) => {
		if (isBlank(row.name)) {
			throw invalidParameter(
				context,
				itemIndex,
				displayName,
				`has a variable ${index + 1} without a name`,
				'Give every variable a name, or remove the empty row.',
			);
		}
		const name = String(row.name).trim();
		const refused = rules.refuseName?.(name);
		if (refused)
			throw invalidParameter(context, itemIndex, displayName, refused.problem, refused.fix);
		if (Object.prototype.hasOwnProperty.call(result, name)) {
			throw invalidParameter(
				context,
				itemIndex,
				displayName,
				`has the variable "${name}" twice`,
				'Give each variable once.',
			);
		}
		if (rules.scalarOnly && row.value !== null && typeof row.value === 'object') {
			throw invalidParameter(
				context,
				itemIndex,
				displayName,
				`has a list or an object as the value of "${name}"`,
				rules.scalarOnly,
			);
		}
		if (rules.requireValue && isBlank(row.value)) {
			throw invalidParameter(
				context,
				itemIndex,
				displayName,
				`has no value for "${name}"`,
				rules.requireValue,
			);
		}
		result[name] = (row.value ?? '') as IDataObject[string];
	});
	return result;
}

/** The rows of a name/value fixedCollection parameter (its `variable` list). */
export function nameValueRows(value: unknown): Array<{ name?: unknown; value?: unknown }> {
	return (
		((value as IDataObject | undefined)?.variable as Array<{ name?: unknown; value?: unknown }>) ??
		[]
	);
}
