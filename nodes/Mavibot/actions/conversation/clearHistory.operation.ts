import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredClientId } from '../../helpers/parameters';
import type { OperationResult } from '../types';
import { clientIdField } from '../common.descriptions';

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
