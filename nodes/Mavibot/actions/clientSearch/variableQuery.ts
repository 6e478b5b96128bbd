import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredText } from '../../helpers/parameters';
import { invalidParameter, isBlank } from '../../helpers/validation';

/* The variable lookups' Variable and Value (var, val), and how they are read. */

export const variableNameField: INodeProperties = {
	displayName: 'Variable',
	name: 'variable',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. order_number',
	description: 'Name of the Mavibot variable to search by (var)',
};

export const variableValueField: INodeProperties = {
	displayName: 'Value',
	name: 'value',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. A-1024',
	description:
		'The value the variable must have (val). Sent exactly as given; it must not be empty.',
};

/** The `var` and `val` of the variable lookups. The value is sent exactly as given, but never blank. */
export function readVariableQuery(
	context: IExecuteFunctions,
	itemIndex: number,
): { var: string; val: string } {
	const name = requiredText(
		context,
		itemIndex,
		'variable',
		'Variable',
		'Give the name of the variable to search by, e.g. order_number.',
	);
	const value = context.getNodeParameter('value', itemIndex, '') as unknown;
	if (value !== null && typeof value === 'object') {
		throw invalidParameter(
			context,
			itemIndex,
			'Value',
			'is a list or an object, not a single value',
			'Give one value. To match one of several values, use the Search operation with "Is One Of".',
		);
	}
	if (isBlank(value)) {
		throw invalidParameter(
			context,
			itemIndex,
			'Value',
			'is empty',
			'Give the value the variable must have. To find clients whose variable is empty, use the Search operation.',
		);
	}
	return { var: name, val: String(value) };
}
