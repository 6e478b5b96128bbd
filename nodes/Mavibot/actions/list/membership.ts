import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { chunk } from '../../helpers/idList';
import { requiredIdList, requiredListId } from '../../helpers/parameters';
import type { OperationResult } from '../types';
import { requiredTextField } from '../fields/builders';

/** Client IDs per add_to_list / remove_from_list request (the API documents no limit; 500 as for its other bulk actions). */
export const LIST_CHUNK = 500;

export function membershipFields(verb: 'add to' | 'remove from'): INodeProperties[] {
	return [
		requiredTextField(
			'List ID',
			'listId',
			'e.g. 1170282',
			`The number of the client list to ${verb} (lists are created in Mavibot's Clients section)`,
		),
		requiredTextField(
			'Client IDs',
			'clientIds',
			'e.g. 411262772, 646410963',
			`Mavibot client IDs to ${verb} the list, separated by commas or new lines, or an expression that returns an array. Any number: they are sent 500 per request.`,
		),
	];
}

/** add_to_list / remove_from_list for any number of clients, 500 per request. */
export async function changeMembership(
	context: IExecuteFunctions,
	itemIndex: number,
	action: 'add_to_list' | 'remove_from_list',
): Promise<OperationResult> {
	const listId = requiredListId(context, itemIndex);
	const clientIds = requiredIdList(context, itemIndex, 'clientIds', 'Client IDs', {
		numeric: true,
	});
	const countKey = action === 'add_to_list' ? 'added' : 'removed';
	const batches = chunk(clientIds, LIST_CHUNK);
	let counted = 0;
	let everyAnswerCounted = true;
	const notFound: unknown[] = [];
	for (const batch of batches) {
		const response = (await mavibotApiRequest.call(
			context,
			action,
			{ body: { list_id: listId, clients: batch } },
			itemIndex,
		)) as IDataObject;
		if (typeof response[countKey] === 'number') counted += response[countKey] as number;
		else everyAnswerCounted = false;
		if (Array.isArray(response.not_found)) notFound.push(...(response.not_found as unknown[]));
	}
	const result: IDataObject = {
		status: 'success',
		listId,
		clientIds: clientIds.length,
		requests: batches.length,
	};
	// What Mavibot reports, when it reports it: how many memberships changed and which IDs it does not know.
	if (everyAnswerCounted) result[countKey] = counted;
	if (notFound.length) result.notFound = notFound;
	return result;
}
