import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import type { OperationOption, OperationResult } from '../types';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many channels',
	description:
		'List the connected bots and channels of the project, one item per channel, with their group_id',
};

/** Other spellings of a messenger key that some hosts use in the connected_channels answer. */
const ALIASES: Record<string, string[]> = {
	vkontakte: ['vk'],
	ok: ['odnoklassniki'],
};

export const description: INodeProperties[] = [
	{
		displayName: 'Messengers',
		name: 'messengers',
		type: 'multiOptions',
		default: [],
		description:
			'Output only the channels of these messengers. Empty: every connected channel. An expression may give other messenger keys of the Mavibot answer, e.g. instagram.',
		options: [
			{ name: 'Avito', value: 'avito' },
			{ name: 'E-Mail', value: 'email' },
			{ name: 'Facebook', value: 'facebook' },
			{ name: 'Odnoklassniki', value: 'ok' },
			{ name: 'Telegram', value: 'telegram' },
			{ name: 'Viber', value: 'viber' },
			{ name: 'VKontakte', value: 'vkontakte' },
			{ name: 'WhatsApp', value: 'whatsapp' },
		],
	},
];

function wantedKeys(value: unknown): Set<string> | undefined {
	const list = (Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((entry) =>
			String(entry ?? '')
				.trim()
				.toLowerCase(),
		)
		.filter((entry) => entry !== '');
	if (!list.length) return undefined;
	const keys = new Set<string>();
	for (const key of list) {
		keys.add(key);
		for (const alias of ALIASES[key] ?? []) keys.add(alias);
	}
	return keys;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const wanted = wantedKeys(this.getNodeParameter('messengers', itemIndex, []));
	const response = (await mavibotApiRequest.call(
		this,
		'connected_channels',
		{},
		itemIndex,
	)) as IDataObject;
	const channels: IDataObject[] = [];
	// The answer is keyed by messenger ({"project_id": 1, "telegram": [...], "whatsapp": [...]}): lists are channels.
	for (const [messenger, list] of Object.entries(response ?? {})) {
		if (!Array.isArray(list) || (wanted && !wanted.has(messenger.toLowerCase()))) continue;
		for (const channel of list) {
			if (channel && typeof channel === 'object')
				channels.push({ messenger, ...(channel as IDataObject) });
		}
	}
	return channels;
}
