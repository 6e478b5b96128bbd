import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequestOrNotFound } from '../../transport';
import { findDuplicateJsonKey } from '../../helpers/jsonDuplicateKeys';
import { invalidParameter, parseJsonObject } from '../../helpers/validation';
import type { NameValueRules } from '../../helpers/variablesInput';
import { nameValueRows, nameValueRowsField, readNameValueRows } from '../../helpers/variablesInput';
import type { OperationOption, OperationResult } from '../types';
import { noMatchNotice } from './fields';
import { clientIdItems } from './results';

export const option: OperationOption = {
	name: 'Find All by Variables',
	value: 'findAllByVariables',
	action: 'Find all clients by several variables',
	description:
		'Get the IDs of all clients that have every given variable value: one item per client',
};

export const description: INodeProperties[] = [
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
		...nameValueRowsField(
			'Variables',
			'variables',
			"Clients must have every variable with its value. Mavibot's docs show up to three pairs; more are sent as given.",
			{
				namePlaceholder: 'e.g. city',
				nameDescription: 'Name of the client variable',
				valuePlaceholder: 'e.g. Kazan',
				valueDescription: 'The value the variable must have',
			},
		),
		displayOptions: { show: { variablesInput: ['fields'] } },
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

// Each variable is one query-string parameter with one value.
const PAIR_RULES: NameValueRules = {
	requireValue:
		'Give every variable a value. To find clients whose variable is empty, use the Search operation.',
	scalarOnly:
		'Each variable takes one value (text or a number). To match one of several values, use the Search operation.',
};

function readPairs(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const input = context.getNodeParameter('variablesInput', itemIndex, 'fields') as string;
	let pairs: IDataObject;
	if (input === 'json') {
		const raw = context.getNodeParameter('variablesJson', itemIndex, '{}');
		const fix =
			'Give an object of variable names and values, such as {"city": "Kazan", "source": "site"}.';
		const parsed = parseJsonObject(context, raw, 'Variables (JSON)', itemIndex, fix);
		if (parsed === undefined) {
			throw invalidParameter(
				context,
				itemIndex,
				'Variables (JSON)',
				'is empty',
				'Give an object such as {"city": "Kazan"}.',
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
		pairs = readNameValueRows(
			context,
			itemIndex,
			'Variables (JSON)',
			Object.entries(parsed).map(([name, value]) => ({ name, value })),
			PAIR_RULES,
		);
	} else {
		const rows = nameValueRows(context.getNodeParameter('variables', itemIndex, {}));
		pairs = readNameValueRows(context, itemIndex, 'Variables', rows, PAIR_RULES);
	}
	for (const name of Object.keys(pairs)) pairs[name] = String(pairs[name]);
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

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
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
