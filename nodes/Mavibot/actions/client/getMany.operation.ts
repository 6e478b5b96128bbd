import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { listId } from '../../helpers/parameters';
import { collectByOffset, readReturnLimit } from '../../helpers/paging';
import { invalidParameter, isBlank } from '../../helpers/validation';
import type { OperationOption, OperationResult } from '../types';
import { collection } from '../fields/builders';
import { limitField, returnAllField } from '../fields/paging';
import { simplifyClient, simplifyField } from './simplify';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many clients',
	description:
		'List clients of the project or of one client list, newest first (one item per client)',
};

/** get_clients returns at most 500 clients per request. */
export const GET_CLIENTS_PAGE_SIZE = 500;

export const description: INodeProperties[] = [
	returnAllField,
	limitField,
	collection('Filters', [
		{
			displayName: 'List ID',
			name: 'listId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1170282',
			description: 'Only clients of this client list (its number in Mavibot)',
		},
	]),
	simplifyField,
	collection('Options', [
		{
			displayName: 'Order',
			name: 'order',
			type: 'options',
			default: 'newest',
			description:
				'The order of the clients. Oldest First works only without a List ID (a Mavibot limit).',
			options: [
				{
					name: 'Newest First',
					value: 'newest',
					description: 'The most recently created clients first',
				},
				{
					name: 'Oldest First',
					value: 'oldest',
					description: 'The oldest clients first (reverse); not available together with a List ID',
				},
			],
		},
	]),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const limit = readReturnLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const query: IDataObject = {};
	const list = listId(this, itemIndex, filters.listId);
	if (list !== undefined) query.list = list;
	const order = isBlank(options.order) ? 'newest' : String(options.order);
	if (order !== 'newest' && order !== 'oldest') {
		throw invalidParameter(
			this,
			itemIndex,
			'Order',
			`is "${order}"`,
			'Choose Newest First or Oldest First.',
		);
	}
	if (order === 'oldest') {
		if (query.list !== undefined) {
			throw invalidParameter(
				this,
				itemIndex,
				'Order',
				'is "Oldest First" together with a List ID',
				'Mavibot can sort oldest first only across all clients, not inside a list. Remove the List ID filter, or choose Newest First.',
			);
		}
		query.reverse = true;
	}

	const { items } = await collectByOffset({
		context: this,
		itemIndex,
		action: 'get_clients',
		pageSize: GET_CLIENTS_PAGE_SIZE,
		limit,
		map: simplify ? simplifyClient : undefined,
		fetchPage: async (offset, size) => {
			const response = (await mavibotApiRequest.call(
				this,
				'get_clients',
				{ qs: { ...query, offset, limit: size } },
				itemIndex,
			)) as IDataObject;
			return (response.clients as IDataObject[] | undefined) ?? [];
		},
	});
	return items;
}
