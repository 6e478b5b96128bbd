import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredClientId } from '../../helpers/parameters';
import { readVariables, variablesInputProperties } from '../../helpers/variablesInput';
import type { OperationOption, OperationResult } from '../types';
import { dealClientIdField, dealIdField, readDealId } from './fields';

export const option: OperationOption = {
	name: 'Set Variables',
	value: 'setVariables',
	action: 'Set variables of a deal',
	description: 'Write variables of a deal, given one by one or as JSON',
};

const EXAMPLE = '{"order_sum": "2500", "delivery_date": "13.04.2025"}';

export const description: INodeProperties[] = [
	dealClientIdField,
	{
		...dealIdField,
		description:
			"The MavibotCRM deal ID (order_id, a number) whose variables are written. It must be one of this client's deals.",
	},
	...variablesInputProperties({
		namePlaceholder: 'e.g. order_sum',
		jsonDefault: '{}',
		jsonDescription:
			'An object of deal variable names and values, e.g. {"order_sum": "2500", "delivery_date": "13.04.2025"}. A variable the deal already has is overwritten.',
	}),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const clientId = requiredClientId(this, itemIndex);
	const orderId = readDealId(this, itemIndex);
	const variables = readVariables(this, itemIndex, EXAMPLE);
	const response = (await mavibotApiRequest.call(
		this,
		'set_order_vars',
		{ body: { client_id: clientId, order_id: orderId, variables } },
		itemIndex,
	)) as IDataObject;
	return { status: 'success', ...response, client_id: clientId, order_id: orderId, variables };
}
