import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { clientTypeOptions } from '../../../shared/clientTypes';
import { toUnixSeconds } from '../../helpers/dates';
import { locatorValue, optionalText } from '../../helpers/parameters';
import { collectByPage, readReturnLimit } from '../../helpers/paging';
import { invalidParameter, isBlank } from '../../helpers/validation';
import type { OperationOption, OperationResult } from '../types';
import { botLocator } from '../fields/botLocators';
import { collection } from '../fields/builders';
import { limitField, returnAllField } from '../fields/paging';
import { simplifyField, simplifySubscriber } from './simplify';

export const option: OperationOption = {
	name: 'Get Subscribers',
	value: 'getSubscribers',
	action: 'Get subscribers',
	description:
		'List clients filtered by tag, bot, messenger and subscription date (one item per client)',
};

/** subscribers answers pages of 1000 clients; the first page is page 0. */
export const SUBSCRIBERS_PAGE_SIZE = 1000;

export const description: INodeProperties[] = [
	returnAllField,
	limitField,
	collection('Filters', [
		botLocator('searchBots', {
			description: 'Only clients bound to this bot or channel (group)',
		}),
		{
			displayName: 'Client Type',
			name: 'clientType',
			type: 'options',
			default: 1,
			options: clientTypeOptions,
			description:
				'Only clients of this messenger (client_type). Without this filter: all messengers.',
		},
		{
			displayName: 'Subscribed After',
			name: 'dateFrom',
			type: 'dateTime',
			default: '',
			description:
				'Only clients who subscribed at or after this time (date_from). A time without an offset is read in the workflow time zone.',
		},
		{
			displayName: 'Subscribed Before',
			name: 'dateTo',
			type: 'dateTime',
			default: '',
			description:
				'Only clients who subscribed at or before this time (date_to). A time without an offset is read in the workflow time zone.',
		},
		{
			displayName: 'Tag',
			name: 'tag',
			type: 'string',
			default: '',
			placeholder: 'e.g. spring_promo',
			description: 'Only clients who came through the subscription page or deep link with this tag',
		},
	]),
	simplifyField,
];

function readDate(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	displayName: string,
): number | undefined {
	if (isBlank(value)) return undefined;
	const seconds = toUnixSeconds(value, context.getTimezone());
	if (seconds === undefined) {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			`is "${String(value)}", which is not a date and time`,
			'Pick a date in the date picker, or give an ISO date such as 2025-01-31T18:00:00+03:00, a Luxon DateTime such as {{ $now.minus({ days: 7 }) }}, or Unix seconds.',
		);
	}
	return seconds;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const limit = readReturnLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const query: IDataObject = {};
	const tag = optionalText(filters.tag);
	if (tag !== undefined) query.tag = tag;
	const bot = isBlank(filters.bot) ? '' : locatorValue(this, itemIndex, 'filters.bot');
	if (bot !== '') query.group = bot;
	const from = readDate(this, itemIndex, filters.dateFrom, 'Subscribed After');
	const to = readDate(this, itemIndex, filters.dateTo, 'Subscribed Before');
	if (from !== undefined && to !== undefined && from > to) {
		throw invalidParameter(
			this,
			itemIndex,
			'Subscribed Before',
			'is earlier than "Subscribed After"',
			'Swap the two times, or remove one of them.',
		);
	}
	if (from !== undefined) query.date_from = from;
	if (to !== undefined) query.date_to = to;
	if (!isBlank(filters.clientType)) {
		const clientType = Number(filters.clientType);
		if (!Number.isInteger(clientType) || clientType < 0) {
			throw invalidParameter(
				this,
				itemIndex,
				'Client Type',
				`is "${String(filters.clientType)}", which is not a client type`,
				'Pick the messenger from the list, or give its numeric client_type (e.g. 1 for a Telegram bot).',
			);
		}
		query.client_type = clientType;
	}

	const { items } = await collectByPage({
		context: this,
		itemIndex,
		action: 'subscribers',
		pageSize: SUBSCRIBERS_PAGE_SIZE,
		firstPage: 0,
		limit,
		map: simplify ? simplifySubscriber : undefined,
		fetchPage: async (page) => {
			const response = (await mavibotApiRequest.call(
				this,
				'subscribers',
				{ qs: { ...query, page } },
				itemIndex,
			)) as IDataObject | IDataObject[];
			// The documented answer is a bare array; accept {clients: […]} or {subscribers: […]} as well.
			if (Array.isArray(response)) return response;
			return (
				((response.clients ?? response.subscribers ?? response.items) as
					| IDataObject[]
					| undefined) ?? []
			);
		},
	});
	return items;
}
