import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { toApiId } from '../../helpers/idList';
import { requiredClientId } from '../../helpers/parameters';
import { invalidParameter } from '../../helpers/validation';
import type { OperationOption, OperationResult } from '../types';
import { dealClientIdField } from './fields';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many deals of a client',
	description: 'List the deal IDs of a client by status: active, won, lost or any',
};

/** get_orders' order_status codes (§8 of the API reference). */
const ORDER_STATUS = { active: 0, won: 1, lost: 2 } as const;
type DealStatus = keyof typeof ORDER_STATUS;
const STATUSES = Object.keys(ORDER_STATUS) as DealStatus[];

export const description: INodeProperties[] = [
	{ ...dealClientIdField, description: 'The Mavibot client ID (a number) whose deals are listed' },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'active',
		description: 'Which deals to list (order_status)',
		options: [
			{
				name: 'Active',
				value: 'active',
				description: 'Open deals that are neither won nor lost (order_status 0)',
			},
			{
				name: 'Any Status',
				value: 'any',
				description:
					'Active, then won, then lost deals. Mavibot needs one request per status, so this sends three.',
			},
			{ name: 'Lost', value: 'lost', description: 'Deals closed as lost (order_status 2)' },
			{ name: 'Won', value: 'won', description: 'Deals closed as won (order_status 1)' },
		],
	},
];

/** get_orders answers `{"order_id": [40338, 40340]}`: the key is singular, the value a list (a lone ID is accepted). */
function orderIds(response: IDataObject): Array<string | number> {
	const value = response.order_id;
	const list: unknown[] = Array.isArray(value) ? value : [value];
	return list
		.filter(
			(entry) => typeof entry === 'number' || (typeof entry === 'string' && entry.trim() !== ''),
		)
		.map((entry) => toApiId(entry as string | number));
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const clientId = requiredClientId(this, itemIndex);
	const status = this.getNodeParameter('status', itemIndex, 'active') as string;
	if (status !== 'any' && !STATUSES.includes(status as DealStatus)) {
		throw invalidParameter(
			this,
			itemIndex,
			'Status',
			`is "${status}", which is not a deal status`,
			'Use active, won, lost or any.',
		);
	}
	const wanted = status === 'any' ? STATUSES : [status as DealStatus];
	const deals: IDataObject[] = [];
	for (const dealStatus of wanted) {
		const response = (await mavibotApiRequest.call(
			this,
			'get_orders',
			{ qs: { client_id: clientId, order_status: ORDER_STATUS[dealStatus] } },
			itemIndex,
		)) as IDataObject;
		for (const orderId of orderIds(response))
			deals.push({ client_id: clientId, order_id: orderId, status: dealStatus });
	}
	return deals;
}
