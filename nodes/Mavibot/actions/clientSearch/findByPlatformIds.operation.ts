import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { mavibotApiRequestOrNotFound } from '../../transport';
import { toApiId } from '../../helpers/idList';
import { readBot, requiredIdList } from '../../helpers/parameters';
import type { OperationOption, OperationResult } from '../types';
import { botLocator } from '../fields/botLocators';
import { noMatchNotice } from './fields';

export const option: OperationOption = {
	name: 'Find by Messenger IDs',
	value: 'findByPlatformIds',
	action: 'Find clients by messenger ID',
	description:
		'Get the clients of a bot by their IDs in the messenger (platform_id): one item per client, with name, tag and variables',
};

export const description: INodeProperties[] = [
	noMatchNotice,
	{
		displayName: 'Messenger IDs',
		name: 'platformIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 146467928, 5566778899',
		description:
			"The clients' IDs inside the messenger (platform_id): Telegram user IDs, WhatsApp phone numbers, VK user IDs… Separate them with commas or new lines (IDs contain no spaces), or give an array from an expression. They are sent as text.",
	},
	botLocator('searchBots', {
		required: true,
		description:
			'The bot or channel the clients write to (group_id); messenger IDs are unique only within one bot',
	}),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	// Sent as text, as Mavibot stores them (platform_id is a string in its answers), even from a number array.
	const platformIds = requiredIdList(this, itemIndex, 'platformIds', 'Messenger IDs', {
		fix: 'Give at least one messenger ID (platform_id), e.g. a Telegram user ID.',
	}).map(String);
	const groupId = readBot(
		this,
		itemIndex,
		'bot',
		'Bot',
		'Pick the bot or channel the clients belong to, or give its group_id.',
	);
	const body: IDataObject = { platform_ids: platformIds, group_id: groupId };
	const response = await mavibotApiRequestOrNotFound.call(
		this,
		'find_client_id_by_platform_id',
		{ body },
		itemIndex,
	);
	if (response === undefined) return [];
	// Documented answer: a bare array of client objects ({id, tag, created_at, name, avatar, platform_id, group, variables}).
	const clients = Array.isArray(response)
		? response
		: [(response as IDataObject).clients, (response as IDataObject).result].find((list) =>
				Array.isArray(list),
			);
	if (!Array.isArray(clients)) {
		throw new NodeOperationError(
			this.getNode(),
			`Mavibot "find_client_id_by_platform_id" answered without a list of clients [item ${itemIndex}]`,
			{ itemIndex, description: 'Expected a JSON array of client objects.' },
		);
	}
	return (clients as IDataObject[])
		.filter(
			(client) =>
				client && typeof client === 'object' && client.id !== undefined && client.id !== null,
		)
		.map((client) => ({ client_id: toApiId(client.id as string | number), ...client }));
}
