import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequestOrNotFound } from '../../transport';
import type { OperationOption, OperationResult } from '../types';
import { buildQuery, readJsonQuery } from './searchQuery';
import { noMatchNotice, searchInField } from './fields';
import { clientIdItems } from './results';

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
