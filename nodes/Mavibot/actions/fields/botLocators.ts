import type { INodeProperties } from 'n8n-workflow';

/** Which `connected_channels` list a bot picker shows (see methods/listSearch.ts). */
export type BotSearchMethod =
	| 'searchBots'
	| 'searchTelegramBots'
	| 'searchWhatsAppChannels'
	| 'searchEmailBots'
	| 'searchVkGroups'
	| 'searchOkGroups';

/**
 * A bot or channel picked from `connected_channels`, or given by ID. Read it with `readBot()` or `locatorValue()` (helpers/parameters.ts).
 * `overrides` sets name, displayName, description, required, placeholder…
 */
export function botLocator(
	searchListMethod: BotSearchMethod,
	overrides: Partial<INodeProperties> & { placeholder?: string } = {},
): INodeProperties {
	const { placeholder = 'e.g. my_shop_bot', ...rest } = overrides;
	return {
		displayName: 'Bot',
		name: 'bot',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The connected bot or channel (its group_id in Mavibot)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder,
			},
		],
		...rest,
	} as INodeProperties;
}

/** A bot block (`message_id`) picked from `get_messages`, or given by ID. */
export const botBlockLocator: INodeProperties = {
	displayName: 'Bot Block',
	name: 'botBlock',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'Send the content of this block of the bot scheme instead of free text; the client is moved into the block',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchBotBlocks', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 390',
			validation: [
				{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A block ID is a number' } },
			],
		},
	],
};
