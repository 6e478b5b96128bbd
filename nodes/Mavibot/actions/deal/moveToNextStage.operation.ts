import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredClientId } from '../../helpers/parameters';
import type { OperationOption, OperationResult } from '../types';
import { dealClientIdField, dealIdField, readDealId } from './fields';

export const option: OperationOption = {
	name: 'Move to Next Stage',
	value: 'moveToNextStage',
	action: 'Move a deal to the next stage',
	description: 'Move a deal one stage on along its pipeline and output the new stage ID',
};

export const description: INodeProperties[] = [
	dealClientIdField,
	{
		...dealIdField,
		description:
			"The MavibotCRM deal ID (order_id, a number) to move one stage on along its pipeline. It must be one of this client's deals.",
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const clientId = requiredClientId(this, itemIndex);
	const orderId = readDealId(this, itemIndex);
	const response = (await mavibotApiRequest.call(
		this,
		'move_order_to_next_state',
		{ body: { client_id: clientId, order_id: orderId } },
		itemIndex,
	)) as IDataObject;
	return { client_id: clientId, order_id: orderId, state_id: response.state_id };
}
