import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toApiId } from '../../helpers/idList';
import { requiredText } from '../../helpers/parameters';
import type { MavibotAction } from '../../transport';
import { invalidParameter, isBlank } from '../../helpers/validation';

/**
 * Shared pieces of the Client Search operations.
 *
 * Output contract of the resource:
 * - single lookups output ONE item: `{ found: true, client_id, …query }` or `{ found: false, client_id: null, …query }`
 *   when Mavibot says "not found" (HTTP 404, `client_not_found`, `… not found`);
 * - multi lookups output one item per client and nothing when no client matches.
 */

export const noMatchNotice: INodeProperties = {
	displayName:
		'Outputs one item per client found, and no item when nothing matches. To continue the workflow anyway, turn on "Always Output Data" in the node settings.',
	name: 'noMatchNotice',
	type: 'notice',
	default: '',
};

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

export const searchInField: INodeProperties = {
	displayName: 'Search In',
	name: 'searchIn',
	type: 'options',
	default: 'client',
	description: 'Whose variables are searched',
	options: [
		{
			name: 'Client Variables',
			value: 'client',
			description: 'Variables of the client profile (the default, recommended by Mavibot)',
		},
		{
			name: 'Deal Variables',
			value: 'order',
			description: "Variables of the client's deals (search_in=order)",
		},
	],
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

const isScalarId = (value: unknown): value is string | number =>
	(typeof value === 'number' && Number.isFinite(value)) ||
	(typeof value === 'string' && value.trim() !== '');

/** The one output item of a single lookup. `response` is undefined when Mavibot said "not found". */
export function lookupResult(response: unknown, query: IDataObject): IDataObject {
	const clientId =
		response && typeof response === 'object' && !Array.isArray(response)
			? (response as IDataObject).client_id
			: undefined;
	if (!isScalarId(clientId)) return { found: false, client_id: null, ...query };
	return { found: true, client_id: toApiId(clientId), ...query };
}

/**
 * One `{ client_id }` per client of a list answer (`{"status":"success","client_ids":[…]}`, or a bare array).
 * `undefined` (Mavibot said "not found") and an empty list give no items.
 */
export function clientIdItems(
	context: IExecuteFunctions,
	itemIndex: number,
	action: MavibotAction,
	response: unknown,
): IDataObject[] {
	if (response === undefined) return [];
	const body = response as IDataObject;
	const list = Array.isArray(response)
		? response
		: [body?.client_ids, body?.clients, body?.result].find((candidate) => Array.isArray(candidate));
	if (!Array.isArray(list)) {
		const keys =
			response && typeof response === 'object' ? Object.keys(response).join(', ') : typeof response;
		throw new NodeOperationError(
			context.getNode(),
			`Mavibot "${action}" answered without a list of client IDs [item ${itemIndex}]`,
			{
				itemIndex,
				description: `The answer had: ${keys || 'nothing'}. Expected {"status":"success","client_ids":[…]}.`,
			},
		);
	}
	const seen = new Set<string>();
	const items: IDataObject[] = [];
	for (const entry of list as unknown[]) {
		const id =
			entry && typeof entry === 'object'
				? ((entry as IDataObject).client_id ?? (entry as IDataObject).id)
				: entry;
		if (!isScalarId(id) || seen.has(String(id))) continue;
		seen.add(String(id));
		items.push({ client_id: toApiId(id) });
	}
	return items;
}
