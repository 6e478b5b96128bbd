import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { mavibotApiRequestOrNotFound } from '../../transport';
import { findDuplicateJsonKey } from '../../helpers/jsonDuplicateKeys';
import { invalidParameter, isBlank, parseJsonParameter } from '../../helpers/validation';
import type { OperationResult } from '../types';
import { clientIdItems, noMatchNotice } from './shared';

const properties: INodeProperties[] = [
	noMatchNotice,
	{
		displayName: 'Define Variables',
		name: 'variablesInput',
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		description: 'How the variables and values are given',
		options: [
			{ name: 'One by One', value: 'fields', description: 'A row per variable' },
			{ name: 'As JSON', value: 'json', description: 'An object of variable names and values' },
		],
	},
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Variable',
		description:
			"Clients must have every variable with its value. Mavibot's docs show up to three pairs; more are sent as given.",
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
						placeholder: 'e.g. city',
						description: 'Name of the client variable',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. Kazan',
						description: 'The value the variable must have',
					},
				],
			},
		],
	},
	{
		displayName: 'Variables (JSON)',
		name: 'variablesJson',
		type: 'json',
		default: '{\n  "city": "Kazan",\n  "source": "site"\n}',
		description:
			"An object of variable names and values; clients must have all of them. Mavibot's docs show up to three pairs.",
		displayOptions: { show: { variablesInput: ['json'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['clientSearch'], operation: ['findAllByVariables'] } },
	properties,
);

const FIX_EMPTY_VALUE = 'Give every variable a value. To find clients whose variable is empty, use the Search operation.';

function readPairs(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const input = context.getNodeParameter('variablesInput', itemIndex, 'fields') as string;
	const pairs: IDataObject = {};
	if (input === 'json') {
		const raw = context.getNodeParameter('variablesJson', itemIndex, '{}');
		const parsed = parseJsonParameter(context, raw, 'Variables (JSON)', itemIndex);
		if (parsed === undefined) {
			throw invalidParameter(context, itemIndex, 'Variables (JSON)', 'is empty', 'Give an object such as {"city": "Kazan"}.');
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Variables (JSON)',
				'is not an object',
				'Give an object of variable names and values, such as {"city": "Kazan", "source": "site"}.',
			);
		}
		const repeated = typeof raw === 'string' ? findDuplicateJsonKey(raw) : undefined;
		if (repeated !== undefined) {
			throw invalidParameter(
				context,
				itemIndex,
				'Variables (JSON)',
				`has the variable "${repeated}" twice`,
				'A query string holds each variable once: keep one entry per variable.',
			);
		}
		for (const [name, value] of Object.entries(parsed as IDataObject)) {
			if (name.trim() === '') {
				throw invalidParameter(context, itemIndex, 'Variables (JSON)', 'has a variable without a name', 'Remove the "" key.');
			}
			if (Object.prototype.hasOwnProperty.call(pairs, name.trim())) {
				throw invalidParameter(
					context,
					itemIndex,
					'Variables (JSON)',
					`has the variable "${name.trim()}" twice`,
					'A query string holds each variable once: keep one entry per variable.',
				);
			}
			if (value !== null && typeof value === 'object') {
				throw invalidParameter(
					context,
					itemIndex,
					'Variables (JSON)',
					`has a list or an object as the value of "${name}"`,
					'Each variable takes one value (text or a number). To match one of several values, use the Search operation.',
				);
			}
			if (isBlank(value)) {
				throw invalidParameter(context, itemIndex, 'Variables (JSON)', `has no value for "${name}"`, FIX_EMPTY_VALUE);
			}
			pairs[name.trim()] = String(value);
		}
	} else {
		const rows =
			((context.getNodeParameter('variables', itemIndex, {}) as IDataObject).variable as IDataObject[]) ?? [];
		rows.forEach((row, index) => {
			if (isBlank(row.name)) {
				throw invalidParameter(
					context,
					itemIndex,
					'Variables',
					`has a variable ${index + 1} without a name`,
					'Give every variable a name, or remove the empty row.',
				);
			}
			const name = String(row.name).trim();
			if (Object.prototype.hasOwnProperty.call(pairs, name)) {
				throw invalidParameter(
					context,
					itemIndex,
					'Variables',
					`has the variable "${name}" twice`,
					'A query string holds each variable once: keep one row per variable.',
				);
			}
			if (row.value !== null && typeof row.value === 'object') {
				throw invalidParameter(
					context,
					itemIndex,
					'Variables',
					`has a list or an object as the value of "${name}"`,
					'Each variable takes one value. To match one of several values, use the Search operation.',
				);
			}
			if (isBlank(row.value)) {
				throw invalidParameter(context, itemIndex, 'Variables', `has no value for "${name}"`, FIX_EMPTY_VALUE);
			}
			pairs[name] = String(row.value);
		});
	}
	if (Object.keys(pairs).length === 0) {
		throw invalidParameter(
			context,
			itemIndex,
			input === 'json' ? 'Variables (JSON)' : 'Variables',
			'is empty',
			'Add at least one variable name and value.',
		);
	}
	return pairs;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	// The query string itself is the filter: ?city=Kazan&source=site.
	const qs = readPairs(this, itemIndex);
	const response = await mavibotApiRequestOrNotFound.call(
		this,
		'find_all_client_id_by_several_vars',
		{ qs },
		itemIndex,
	);
	return clientIdItems(this, itemIndex, 'find_all_client_id_by_several_vars', response);
}
