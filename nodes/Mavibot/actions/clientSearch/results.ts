import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toApiId } from '../../helpers/idList';
import type { MavibotAction } from '../../transport';

/**
 * The output of the Client Search operations:
 * - single lookups output ONE item: `{ found: true, client_id, …query }` or `{ found: false, client_id: null, …query }`
 *   when Mavibot says "not found" (HTTP 404, `client_not_found`, `… not found`);
 * - multi lookups output one item per client and nothing when no client matches.
 */

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
