import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredClientId } from '../../helpers/parameters';
import type { OperationOption, OperationResult } from '../types';
import { clientIdField } from '../fields/clientId';

export const option: OperationOption = {
	name: 'Clear History',
	value: 'clearHistory',
	action: 'Clear the dialog history of a client',
	description: 'Delete all messages of the dialog with a client; this cannot be undone',
};

export const description: INodeProperties[] = [
	{
		displayName: 'The whole dialog history of the client is deleted. This cannot be undone.',
		name: 'clearNotice',
		type: 'notice',
		default: '',
	},
	{ ...clientIdField, description: 'The Mavibot client ID whose dialog history is deleted' },
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const clientId = requiredClientId(this, itemIndex);
	await mavibotApiRequest.call(this, 'clear_history', { qs: { client_id: clientId } }, itemIndex);
	return { cleared: true, client_id: clientId };
}
