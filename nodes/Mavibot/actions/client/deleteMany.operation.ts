import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { chunk } from '../../helpers/idList';
import { requiredIdList } from '../../helpers/parameters';
import type { OperationOption, OperationResult } from '../types';

export const option: OperationOption = {
	name: 'Delete Many',
	value: 'deleteMany',
	action: 'Delete clients',
	description: 'Delete clients by their IDs, any number (500 per request); this cannot be undone',
};

/** delete_clients takes at most 500 client IDs per request. */
export const DELETE_CLIENTS_CHUNK = 500;

export const description: INodeProperties[] = [
	{
		displayName:
			'Deleting clients cannot be undone. The API key needs the "Permission to delete clients" permission.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Client IDs',
		name: 'clientIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 199571, 199707',
		description:
			'Mavibot client IDs to delete, separated by commas or new lines, or an expression that returns an array. Any number: they are sent 500 per request.',
	},
];

/** The error of a later request, told with how many clients the earlier requests already deleted. */
function alreadyDeletedError(
	context: IExecuteFunctions,
	itemIndex: number,
	error: unknown,
	{
		done,
		total,
		requests,
		failedCount,
	}: { done: number; total: number; requests: number; failedCount: number },
): NodeApiError {
	const original = error as Error & {
		description?: string | null;
		httpCode?: string | null;
		errorResponse?: JsonObject;
	};
	const progress = `${done} of ${total} clients were already deleted by the first ${requests} request(s)`;
	const message = `${String(original.message ?? error).replace(/ \[item \d+\]$/, '')} (${progress}) [item ${itemIndex}]`;
	const description =
		`${progress}; the request for clients ${done + 1}–${done + failedCount} failed and the rest were not sent. Run again with the IDs from position ${done + 1} on. ${original.description ?? ''}`.trim();
	const wrapped = new NodeApiError(
		context.getNode(),
		original.errorResponse ?? { message: original.message },
		{
			message,
			description,
			httpCode: original.httpCode ?? undefined,
			itemIndex,
		},
	);
	// NodeApiError may replace the message for some HTTP codes: keep this one.
	wrapped.message = message;
	wrapped.description = description;
	return wrapped;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const clientIds = requiredIdList(this, itemIndex, 'clientIds', 'Client IDs', { numeric: true });
	const batches = chunk(clientIds, DELETE_CLIENTS_CHUNK);
	let sent = 0;
	let reported = 0;
	let everyAnswerCounted = true;
	for (const [index, batch] of batches.entries()) {
		const request = async () =>
			(await mavibotApiRequest.call(
				this,
				'delete_clients',
				{ body: { client_ids: batch } },
				itemIndex,
			)) as IDataObject;
		let response: IDataObject;
		if (index === 0) {
			response = await request();
		} else {
			try {
				response = await request();
			} catch (error) {
				// Earlier requests went through: say how far, so the user can resume with the rest.
				throw alreadyDeletedError(this, itemIndex, error, {
					done: sent,
					total: clientIds.length,
					requests: index,
					failedCount: batch.length,
				});
			}
		}
		sent += batch.length;
		if (typeof response.deleted === 'number') reported += response.deleted;
		else everyAnswerCounted = false;
	}
	return {
		deleted: true,
		clientIds: clientIds.length,
		requests: batches.length,
		// How many clients Mavibot reports as deleted (unknown IDs are not counted), when it reports it.
		...(everyAnswerCounted ? { deletedCount: reported } : {}),
	};
}
