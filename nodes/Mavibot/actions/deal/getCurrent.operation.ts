import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withDisplayOptions } from '../../helpers/displayOptions';
import { mavibotApiRequest } from '../../transport';
import { requiredId } from '../../helpers/idList';
import type { OperationResult } from '../types';
import { dealClientIdField } from './fields';

const properties: INodeProperties[] = [
	{
		...dealClientIdField,
		description:
			'The Mavibot client ID (a number) whose current deal is read. A client has at most one current (active) deal: the one created last.',
	},
];

export const description = withDisplayOptions(
	{ show: { resource: ['deal'], operation: ['getCurrent'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const clientId = requiredId(this, itemIndex);
	const response = (await mavibotApiRequest.call(
		this,
		'get_current_order_id',
		{ qs: { client_id: clientId } },
		itemIndex,
	)) as IDataObject;
	return { client_id: clientId, order_id: response.order_id };
}
