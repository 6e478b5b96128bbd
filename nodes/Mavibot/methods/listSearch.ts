import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { mavibotApiRequest } from '../transport';

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => String(text ?? '').toLowerCase().includes(needle));
}

/** Bots and channels from `connected_channels`: every messenger's list, named "<name> (<messenger>)". */
export async function searchBots(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const channels = (await mavibotApiRequest.call(this, 'connected_channels')) as IDataObject;
	const results: INodeListSearchResult['results'] = [];
	for (const [messenger, list] of Object.entries(channels)) {
		if (!Array.isArray(list)) continue;
		for (const channel of list as IDataObject[]) {
			const value = String(channel.group_id ?? channel.id ?? '');
			if (!value) continue;
			const label = String(channel.name ?? channel.short_name ?? channel.email ?? channel.group ?? value);
			const name = `${label} (${messenger})`;
			if (matches(filter, name, value)) results.push({ name, value });
		}
	}
	return { results };
}

/** Bot blocks from `get_messages`, usable as `message_id`. */
export async function searchBotBlocks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const response = (await mavibotApiRequest.call(this, 'get_messages')) as IDataObject | IDataObject[];
	const blocks = (Array.isArray(response) ? response : (response.messages as IDataObject[])) ?? [];
	const results = blocks
		.map((block) => {
			const title = String(block.description || block.condition || block.answer || 'Block').slice(0, 80);
			return { name: `${title} (#${block.id})`, value: String(block.id) };
		})
		.filter((result) => matches(filter, result.name, result.value));
	return { results };
}
