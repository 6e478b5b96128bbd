import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { mavibotError } from '../../transport/errors';
import { toApiId } from '../../helpers/idList';
import { readBot, requiredText } from '../../helpers/parameters';
import { invalidParameter, isBlank, parseJsonParameter } from '../../helpers/validation';
import { TELEPHONY_CLIENT_TYPE, clientTypeOptions } from '../../../shared/clientTypes';
import type { OperationOption, OperationResult } from '../types';
import { botLocator } from '../fields/botLocators';

export const option: OperationOption = {
	name: 'Import',
	value: 'import',
	action: 'Import clients',
	description:
		'Create clients from their messenger IDs (platform ID, bot, client type) so they can be messaged; existing clients are returned',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Define Clients',
		name: 'inputMode',
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		description:
			'Import one client per input item from the fields below, or many clients from a JSON array',
		options: [
			{
				name: 'One Client per Item',
				value: 'fields',
				description: 'Each input item imports one client from Platform ID, Client Type and Bot',
			},
			{
				name: 'Clients (JSON)',
				value: 'json',
				description: 'Each input item imports a JSON array of clients in one request',
			},
		],
	},
	{
		displayName: 'Platform ID',
		name: 'platformId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 79875555555',
		description:
			"The client's ID in the messenger: the Telegram user ID, the phone number for WhatsApp and telephony (any format), the e-mail address for e-mail…",
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Client Type',
		name: 'clientType',
		type: 'options',
		default: 1,
		options: clientTypeOptions,
		description: 'The messenger of the client (client_type)',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	botLocator('searchBots', {
		required: true,
		description:
			'The connected bot or channel the client belongs to (group_id). Must match the client type. Not used for telephony clients, which belong to no bot.',
		displayOptions: {
			show: { inputMode: ['fields'] },
			hide: { clientType: [TELEPHONY_CLIENT_TYPE] },
		},
	}),
	{
		displayName: 'Clients (JSON)',
		name: 'clientsJson',
		type: 'json',
		required: true,
		default: '[\n  {"platform_id": "79875555555", "group_id": 34810, "client_type": 6}\n]',
		description:
			'A JSON array of clients, each {"platform_id", "group_id", "client_type"} (client_type as in Mavibot, e.g. 1 Telegram bot, 6 WhatsApp, 13 telephony with group_id ""), or an expression that returns such an array',
		displayOptions: { show: { inputMode: ['json'] } },
	},
];

function clientTypeOf(value: unknown): number | undefined {
	if (isBlank(value) || typeof value === 'boolean') return undefined;
	const number = Number(value);
	return Number.isInteger(number) && number >= 0 ? number : undefined;
}

function fromFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const platformId = requiredText(
		context,
		itemIndex,
		'platformId',
		'Platform ID',
		"Give the client's ID in the messenger, e.g. the Telegram user ID or the WhatsApp phone number.",
	);
	const rawType = context.getNodeParameter('clientType', itemIndex, 1);
	const clientType = clientTypeOf(rawType);
	if (clientType === undefined) {
		throw invalidParameter(
			context,
			itemIndex,
			'Client Type',
			`is "${String(rawType)}", which is not a client type`,
			'Pick the messenger from the list, or give its numeric client_type (e.g. 1 for a Telegram bot, 6 for WhatsApp).',
		);
	}
	// Telephony clients belong to no bot: the API wants an empty group_id (the field is hidden for them).
	let groupId: string | number = '';
	if (clientType !== TELEPHONY_CLIENT_TYPE) {
		const fix = 'Pick the bot or channel the client belongs to (only telephony clients need none).';
		groupId = toApiId(readBot(context, itemIndex, 'bot', 'Bot', fix));
	}
	return { platform_id: platformId, group_id: groupId, client_type: clientType };
}

function fromJson(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const parsed = parseJsonParameter(
		context,
		context.getNodeParameter('clientsJson', itemIndex, ''),
		'Clients (JSON)',
		itemIndex,
	);
	if (!Array.isArray(parsed)) {
		throw invalidParameter(
			context,
			itemIndex,
			'Clients (JSON)',
			parsed === undefined ? 'is empty' : 'is not an array',
			'Give an array such as [{"platform_id": "79875555555", "group_id": 34810, "client_type": 6}].',
		);
	}
	if (parsed.length === 0) {
		throw invalidParameter(
			context,
			itemIndex,
			'Clients (JSON)',
			'is an empty array',
			'Give at least one client.',
		);
	}
	return parsed.map((entry: unknown, index) => {
		const position = `client ${index + 1}`;
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Clients (JSON)',
				`has ${position}, which is not an object`,
				'Each client is an object {"platform_id", "group_id", "client_type"}.',
			);
		}
		const client = { ...(entry as IDataObject) };
		if (isBlank(client.platform_id)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Clients (JSON)',
				`has ${position} without "platform_id"`,
				"Give each client's ID in the messenger as platform_id.",
			);
		}
		const clientType = clientTypeOf(client.client_type);
		if (clientType === undefined) {
			throw invalidParameter(
				context,
				itemIndex,
				'Clients (JSON)',
				`has ${position} without a valid "client_type"`,
				'Give client_type as a number, e.g. 1 for a Telegram bot, 6 for WhatsApp, 13 for telephony.',
			);
		}
		client.client_type = clientType;
		if (clientType === TELEPHONY_CLIENT_TYPE) {
			if (!isBlank(client.group_id)) {
				throw invalidParameter(
					context,
					itemIndex,
					'Clients (JSON)',
					`has ${position}, a telephony client (client_type 13), with a group_id`,
					'Telephony clients belong to no bot: give "group_id": "" or leave it out.',
				);
			}
			client.group_id = '';
		} else if (isBlank(client.group_id)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Clients (JSON)',
				`has ${position} without "group_id"`,
				'Give the group_id of the bot the client belongs to (from the Bot list or connected channels); only telephony clients use "".',
			);
		}
		return client;
	});
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const mode = this.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	const clients = mode === 'json' ? fromJson(this, itemIndex) : [fromFields(this, itemIndex)];
	const response = (await mavibotApiRequest.call(
		this,
		'load_clients',
		{ body: clients },
		itemIndex,
	)) as IDataObject;
	const items: IDataObject[] = Array.isArray(response.items)
		? (response.items as IDataObject[])
		: clients.map((client) => ({ ...client, status: response.status ?? 'success' }));
	if (mode !== 'json') {
		// One client per item: a client Mavibot refused is this item's failure.
		const result = items[0] ?? {};
		if (typeof result.status === 'string' && result.status.toLowerCase() !== 'success') {
			throw mavibotError(this.getNode(), {
				action: 'load_clients',
				itemIndex,
				kind: 'apiError',
				reason: String(result.message ?? result.error ?? result.status),
				body: response,
				secrets: [],
			});
		}
	}
	return items;
}
