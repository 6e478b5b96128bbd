import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter, isBlank, parseJsonParameter } from './validation';

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
			displayName: 'Variables',
			name: 'variables',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Variable',
			description: 'The variables to write, one name and value per row',
			displayOptions: { show: { variablesInput: ['fields'] } },
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
							placeholder: namePlaceholder,
							description: 'The variable name',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'The value to store (sent as text)',
						},
					],
				},
			],
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
		const parsed = parseJsonParameter(
			context,
			context.getNodeParameter('variablesJson', itemIndex, '{}'),
			'Variables (JSON)',
			itemIndex,
		);
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Variables (JSON)',
				'is not an object',
				`Give an object such as ${example}.`,
			);
		}
		variables = parsed as IDataObject;
	} else {
		const entries =
			((context.getNodeParameter('variables', itemIndex, {}) as IDataObject).variable as IDataObject[]) ?? [];
		entries.forEach((entry, index) => {
			if (isBlank(entry.name)) {
				throw invalidParameter(
					context,
					itemIndex,
					'Variables',
					`has a variable ${index + 1} without a name`,
					'Give every variable a name, or remove the empty row.',
				);
			}
			variables[String(entry.name).trim()] = entry.value ?? '';
		});
	}
	if (Object.keys(variables).length === 0) {
		throw invalidParameter(context, itemIndex, 'Variables', 'is empty', 'Add at least one variable name and value.');
	}
	return variables;
}
