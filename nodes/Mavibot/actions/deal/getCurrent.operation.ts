import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredClientId } from '../../helpers/parameters';
import type { OperationOption, OperationResult } from '../types';
import { dealClientIdField } from './fields';

export const option: OperationOption = {
	name: 'Get Current',
	value: 'getCurrent',
	action: 'Get the current deal of a client',
	description: "Get the ID of the client's current (active) deal",
};

export const description: INodeProperties[] = [
	{
		...dealClientIdField,
		description:
			'The Mavibot client ID (a number) whose current deal is read. A client has at most one current (active) deal: the one created last.',
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const clientId = requiredClientId(this, itemIndex);
	const response = (await mavibotApiRequest.call(
		this,
		'get_current_order_id',
		{ qs: { client_id: clientId } },
		itemIndex,
	)) as IDataObject;
	return { client_id: clientId, order_id: response.order_id };
}
