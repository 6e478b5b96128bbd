import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { messageBody } from '../../helpers/messageContent';
import { platformIdList, readBot, requiredIdList, requiredListId } from '../../helpers/parameters';
import { invalidParameter, isBlank } from '../../helpers/validation';
import type { OperationOption, OperationResult } from '../types';
import { attachmentFields } from '../fields/attachment';
import { botBlockLocator, botLocator } from '../fields/botLocators';
import { collection, requiredTextField } from '../fields/builders';
import { buttonFields } from '../fields/buttons';
import { messageTextField } from '../fields/messageText';
import { scheduleFields } from '../fields/schedule';

export const option: OperationOption = {
	name: 'Broadcast',
	value: 'broadcast',
	action: 'Broadcast a message to many clients',
	description:
		'Send one message to a client list, a set of client IDs, or messenger IDs of one bot, in one request (broadcast)',
};

const pauseField: INodeProperties = {
	displayName: 'Seconds Between Messages',
	name: 'shift',
	type: 'number',
	default: 0.2,
	typeOptions: { minValue: 0, numberPrecision: 2 },
	description:
		'How long Mavibot waits between two recipients (shift). Mavibot uses 0.2 seconds when this is not set.',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		noDataExpression: true,
		default: 'list',
		description: 'Who gets the message. A broadcast goes to exactly one of these audiences.',
		options: [
			{ name: 'Client IDs', value: 'clients', description: 'Mavibot client IDs (clients)' },
			{
				name: 'Client List',
				value: 'list',
				description: 'Every client of a Mavibot client list (list)',
			},
			{
				name: 'Platform IDs',
				value: 'platformIds',
				description: 'Messenger IDs of the clients of one bot (platform_ids + group_id)',
			},
		],
	},
	requiredTextField(
		'List ID',
		'listId',
		'e.g. 1170282',
		'The ID (number) of the Mavibot client list whose clients get the message',
		{ displayOptions: { show: { sendTo: ['list'] } } },
	),
	requiredTextField(
		'Client IDs',
		'clientIds',
		'e.g. 49177759, 49177760',
		'Mavibot client IDs separated by commas or new lines, or an expression that returns an array',
		{ typeOptions: { rows: 4 }, displayOptions: { show: { sendTo: ['clients'] } } },
	),
	requiredTextField(
		'Platform IDs',
		'platformIds',
		'e.g. 407184121, 5566778899',
		'Messenger IDs of the clients (Telegram user IDs, WhatsApp phones, VK IDs…), separated by commas or new lines, or an expression that returns an array',
		{ typeOptions: { rows: 4 }, displayOptions: { show: { sendTo: ['platformIds'] } } },
	),
	{
		...botLocator('searchBots', {
			required: true,
			description: 'The bot whose clients have these messenger IDs (group_id)',
		}),
		displayOptions: { show: { sendTo: ['platformIds'] } },
	},
	messageTextField('e.g. The sale starts today'),
	collection('Additional Fields', [
		...attachmentFields,
		botBlockLocator,
		...buttonFields,
		pauseField,
		...scheduleFields,
	]),
];

/** "Seconds Between Messages" as `shift`, when set. */
function readPause(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	if (isBlank(fields.shift)) return {};
	const shift = Number(fields.shift);
	if (!Number.isFinite(shift) || shift < 0) {
		throw invalidParameter(
			context,
			itemIndex,
			'Seconds Between Messages',
			`is "${String(fields.shift)}"`,
			'Use a number of seconds, 0 or more, e.g. 0.5.',
		);
	}
	return { shift };
}

/** The audience part of the request, and what the output says about it. */
function readAudience(
	context: IExecuteFunctions,
	itemIndex: number,
): { target: IDataObject; summary: IDataObject } {
	const sendTo = context.getNodeParameter('sendTo', itemIndex, 'list') as string;
	if (sendTo === 'list') {
		const list = requiredListId(context, itemIndex);
		return { target: { list }, summary: { audience: 'list', list } };
	}
	if (sendTo === 'clients') {
		const clients = requiredIdList(context, itemIndex, 'clientIds', 'Client IDs', {
			numeric: true,
		});
		return { target: { clients }, summary: { audience: 'clients', audienceSize: clients.length } };
	}
	if (sendTo === 'platformIds') {
		const platformIds = platformIdList(context, itemIndex, 'platformIds', 'Platform IDs');
		const groupId = readBot(
			context,
			itemIndex,
			'bot',
			'Bot',
			'Pick the bot from the list, or give its group_id, e.g. my_shop_bot.',
		);
		return {
			target: { platform_ids: platformIds, group_id: groupId },
			summary: { audience: 'platformIds', audienceSize: platformIds.length, group_id: groupId },
		};
	}
	throw invalidParameter(
		context,
		itemIndex,
		'Send To',
		`is "${sendTo}"`,
		'Choose Client List, Client IDs or Platform IDs.',
	);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const { target, summary } = readAudience(this, itemIndex);
	const body = messageBody(this, itemIndex, target, (fields) => readPause(this, itemIndex, fields));
	const response = (await mavibotApiRequest.call(
		this,
		'broadcast',
		{ body },
		itemIndex,
	)) as IDataObject;
	return { status: 'success', ...response, ...summary };
}
