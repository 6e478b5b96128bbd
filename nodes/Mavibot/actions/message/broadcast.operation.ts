import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withDisplayOptions } from '../../helpers/displayOptions';
import { mavibotApiRequest } from '../../transport';
import { parseIdList, requiredId } from '../../helpers/idList';
import { buildMessageContent } from '../../helpers/messageContent';
import { pickedBot, platformIdList } from '../../helpers/recipients';
import { applyScheduling } from '../../helpers/scheduling';
import { invalidParameter, isBlank } from '../../helpers/validation';
import type { OperationResult } from '../types';
import {
	attachmentFields,
	botBlockLocator,
	botLocator,
	buttonFields,
	scheduleFields,
} from '../common.descriptions';

const pauseField: INodeProperties = {
	displayName: 'Seconds Between Messages',
	name: 'shift',
	type: 'number',
	default: 0.2,
	typeOptions: { minValue: 0, numberPrecision: 2 },
	description: 'How long Mavibot waits between two recipients (shift). Mavibot uses 0.2 seconds when this is not set.',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		noDataExpression: true,
		default: 'list',
		description: 'Who gets the message. A broadcast goes to exactly one of these audiences.',
		options: [
			{ name: 'Client IDs', value: 'clients', description: 'Mavibot client IDs (clients)' },
			{ name: 'Client List', value: 'list', description: 'Every client of a Mavibot client list (list)' },
			{
				name: 'Platform IDs',
				value: 'platformIds',
				description: 'Messenger IDs of the clients of one bot (platform_ids + group_id)',
			},
		],
	},
	{
		displayName: 'List ID',
		name: 'listId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1170282',
		description: 'The ID (number) of the Mavibot client list whose clients get the message',
		displayOptions: { show: { sendTo: ['list'] } },
	},
	{
		displayName: 'Client IDs',
		name: 'clientIds',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. 49177759, 49177760',
		description:
			'Mavibot client IDs separated by commas or new lines, or an expression that returns an array',
		displayOptions: { show: { sendTo: ['clients'] } },
	},
	{
		displayName: 'Platform IDs',
		name: 'platformIds',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. 407184121, 5566778899',
		description:
			'Messenger IDs of the clients (Telegram user IDs, WhatsApp phones, VK IDs…), separated by commas or new lines, or an expression that returns an array',
		displayOptions: { show: { sendTo: ['platformIds'] } },
	},
	{
		...botLocator('searchBots', {
			required: true,
			description: 'The bot whose clients have these messenger IDs (group_id)',
		}),
		displayOptions: { show: { sendTo: ['platformIds'] } },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'e.g. The sale starts today',
		description: 'The message text. May be empty when an attachment or a bot block is sent.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...attachmentFields, botBlockLocator, ...buttonFields, pauseField, ...scheduleFields],
	},
];

export const description = withDisplayOptions(
	{ show: { resource: ['message'], operation: ['broadcast'] } },
	properties,
);

/** The audience part of the request, and what the output says about it. */
function readAudience(
	context: IExecuteFunctions,
	itemIndex: number,
): { target: IDataObject; summary: IDataObject } {
	const sendTo = context.getNodeParameter('sendTo', itemIndex, 'list') as string;
	if (sendTo === 'list') {
		const list = requiredId(
			context,
			itemIndex,
			'listId',
			'List ID',
			'Give the ID (number) of the Mavibot client list, e.g. 1170282.',
		);
		if (typeof list !== 'number') {
			throw invalidParameter(
				context,
				itemIndex,
				'List ID',
				`is "${list}", which is not a list ID`,
				'A list ID is a number, e.g. 1170282.',
			);
		}
		return { target: { list }, summary: { audience: 'list', list } };
	}
	if (sendTo === 'clients') {
		const clients = parseIdList(context, context.getNodeParameter('clientIds', itemIndex, ''), 'Client IDs', itemIndex, {
			numeric: true,
		});
		if (!clients.length) {
			throw invalidParameter(context, itemIndex, 'Client IDs', 'is empty', 'Give at least one Mavibot client ID.');
		}
		return { target: { clients }, summary: { audience: 'clients', audienceSize: clients.length } };
	}
	if (sendTo === 'platformIds') {
		const platformIds = platformIdList(context, itemIndex, 'platformIds', 'Platform IDs');
		const groupId = pickedBot(context, itemIndex, 'bot', 'Bot', {
			required: true,
			fix: 'Pick the bot from the list, or give its group_id, e.g. my_shop_bot.',
		});
		return {
			target: { platform_ids: platformIds, group_id: groupId },
			summary: { audience: 'platformIds', audienceSize: platformIds.length, group_id: groupId },
		};
	}
	throw invalidParameter(context, itemIndex, 'Send To', `is "${sendTo}"`, 'Choose Client List, Client IDs or Platform IDs.');
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const { target, summary } = readAudience(this, itemIndex);
	const text = this.getNodeParameter('text', itemIndex, '') as string;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { ...target, ...buildMessageContent(this, itemIndex, text, fields) };
	if (!isBlank(fields.shift)) {
		const shift = Number(fields.shift);
		if (!Number.isFinite(shift) || shift < 0) {
			throw invalidParameter(
				this,
				itemIndex,
				'Seconds Between Messages',
				`is "${String(fields.shift)}"`,
				'Use a number of seconds, 0 or more, e.g. 0.5.',
			);
		}
		body.shift = shift;
	}
	applyScheduling(this, itemIndex, fields, body);
	const response = (await mavibotApiRequest.call(this, 'broadcast', { body }, itemIndex)) as IDataObject;
	return { status: 'success', ...response, ...summary };
}
