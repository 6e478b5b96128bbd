import type { INodePropertyOptions } from 'n8n-workflow';

/** The messengers behind Mavibot's numeric `client_type` (API reference §7). Ids 4, 9, 11, 15, 17, 18 are undocumented. */
export const CLIENT_TYPES: Readonly<Record<number, string>> = {
	0: 'VKontakte',
	1: 'Telegram (Bot)',
	2: 'Viber',
	3: 'Facebook Messenger',
	5: 'Website Online Chat',
	6: 'WhatsApp',
	7: 'Avito',
	8: 'Odnoklassniki (OK)',
	10: 'Instagram',
	12: 'Yula',
	13: 'Telephony',
	14: 'E-Mail',
	16: 'Telegram Business Account',
	19: 'Cian',
	20: 'Max',
	21: 'Telegram (Personal Account)',
	22: 'TikTok',
};

/** client_type of telephony clients: they belong to no bot, so load_clients wants `group_id: ""`. */
export const TELEPHONY_CLIENT_TYPE = 13;

/** The client types as options of an n8n "options" field, sorted by name; the values are the numeric ids. */
export const clientTypeOptions: INodePropertyOptions[] = Object.entries(CLIENT_TYPES)
	.map(([id, name]) => ({ name, value: Number(id) }))
	.sort((a, b) => a.name.localeCompare(b.name));

/** The messenger name of a client_type (number or numeric string), or null when the id is not documented. */
export function messengerName(clientType: unknown): string | null {
	if (clientType === null || clientType === undefined || clientType === '') return null;
	const id = Number(clientType);
	return Number.isInteger(id) ? (CLIENT_TYPES[id] ?? null) : null;
}
