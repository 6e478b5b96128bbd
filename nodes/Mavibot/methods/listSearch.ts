import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { mavibotApiRequest } from '../transport';

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) =>
		String(text ?? '')
			.toLowerCase()
			.includes(needle),
	);
}

type ChannelValue = 'group_id' | 'id' | 'email';

/**
 * Channels from `connected_channels`, named "<name> (<messenger>)". `messengers` limits the list to some
 * messengers; `value` picks the field the action expects (group_id for bots, id for WhatsApp channel IDs).
 */
async function searchChannels(
	context: ILoadOptionsFunctions,
	filter: string | undefined,
	messengers: string[] | undefined,
	value: ChannelValue,
): Promise<INodeListSearchResult> {
	const channels = (await mavibotApiRequest.call(context, 'connected_channels')) as IDataObject;
	const results: INodeListSearchItems[] = [];
	for (const [messenger, list] of Object.entries(channels)) {
		if (!Array.isArray(list) || (messengers && !messengers.includes(messenger))) continue;
		for (const channel of list as IDataObject[]) {
			const id = String(channel[value] ?? channel.group_id ?? channel.id ?? '');
			if (!id) continue;
			const label = String(
				channel.name ?? channel.short_name ?? channel.email ?? channel.group ?? id,
			);
			const name = `${label} (${messenger})`;
			if (matches(filter, name, id)) results.push({ name, value: id });
		}
	}
	return { results };
}

/** Every connected bot and channel, by group_id. */
export async function searchBots(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchChannels(this, filter, undefined, 'group_id');
}

/** Telegram bots, by group_id (the bot username). */
export async function searchTelegramBots(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchChannels(this, filter, ['telegram'], 'group_id');
}

/** WhatsApp channels, by the channel ID shown in "Messengers and chats" (bot_id / whatsapp_bot_id). */
export async function searchWhatsAppChannels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchChannels(this, filter, ['whatsapp'], 'id');
}

/** E-mail bots, by their address (email_id_bot). */
export async function searchEmailBots(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchChannels(this, filter, ['email'], 'email');
}

/** VK communities, by group_id. */
export async function searchVkGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchChannels(this, filter, ['vkontakte', 'vk'], 'group_id');
}

/** Odnoklassniki groups, by group_id. */
export async function searchOkGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchChannels(this, filter, ['ok', 'odnoklassniki'], 'group_id');
}

/** Bot blocks from `get_messages`, usable as `message_id`. */
export async function searchBotBlocks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const response = (await mavibotApiRequest.call(this, 'get_messages')) as
		| IDataObject
		| IDataObject[];
	const blocks = (Array.isArray(response) ? response : (response.messages as IDataObject[])) ?? [];
	const results = blocks
		.map((block) => {
			const title = String(block.description || block.condition || block.answer || 'Block').slice(
				0,
				80,
			);
			return { name: `${title} (#${block.id})`, value: String(block.id) };
		})
		.filter((result) => matches(filter, result.name, result.value));
	return { results };
}
