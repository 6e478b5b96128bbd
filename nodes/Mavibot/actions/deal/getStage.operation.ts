import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredClientId } from '../../helpers/parameters';
import type { OperationOption, OperationResult } from '../types';
import { dealClientIdField, dealIdField, readDealId } from './fields';

export const option: OperationOption = {
	name: 'Get Stage',
	value: 'getStage',
	action: 'Get the stage of a deal',
	description: "Get the pipeline stage ID of a deal, or of the client's current deal",
};

export const description: INodeProperties[] = [
	dealClientIdField,
	{
		...dealIdField,
		required: false,
		description:
			"The MavibotCRM deal ID (order_id, a number) whose stage is read. Leave empty to read the stage of the client's current deal.",
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const clientId = requiredClientId(this, itemIndex);
	const orderId = readDealId(this, itemIndex, false);
	const qs: IDataObject = { client_id: clientId };
	if (orderId !== undefined) qs.order_id = orderId;
	const response = (await mavibotApiRequest.call(
		this,
		'get_order_state',
		{ qs },
		itemIndex,
	)) as IDataObject;
	return { ...qs, state_id: response.state_id };
}
