import type { INodeProperties } from 'n8n-workflow';

export const clientIdField: INodeProperties = {
	displayName: 'Client ID',
	name: 'clientId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 49177759',
	description:
		"Mavibot client ID, a whole number, e.g. 49177759. The Mavibot Trigger outputs it as the client's ID; the Client Search operations find it by phone, e-mail or variable.",
};

/** The Text of a message: empty is allowed when an attachment or a bot block is sent. */
export function messageTextField(placeholder: string): INodeProperties {
	return {
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder,
		description: 'The message text. May be empty when an attachment or a bot block is sent.',
	};
}

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

/** Shown only when Attachment Source is Binary File. */
const fromBinary = { show: { attachmentSource: ['binary'] } };

export const attachmentFields: INodeProperties[] = [
	{
		displayName: 'Attachment Binary Field',
		name: 'attachmentBinaryField',
		type: 'string',
		default: 'data',
		placeholder: 'e.g. data',
		description:
			'The name of the input binary field holding the file to send (data when not set, as most nodes that make files name it)',
		displayOptions: fromBinary,
	},
	{
		displayName: 'Attachment Link Base URL',
		name: 'attachmentLinkBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://n8n.example.com/',
		description:
			"The public address of this n8n, when Mavibot's servers cannot reach the one n8n puts in its links (WEBHOOK_URL, else its host and port). The link is then this address followed by rest/binary-data/signed?token=….",
		displayOptions: fromBinary,
	},
	{
		displayName: 'Attachment Link Lifetime',
		name: 'attachmentLinkLifetime',
		type: 'number',
		default: 1440,
		typeOptions: { minValue: 5, maxValue: 1440 },
		description:
			"How long the file's link works, in minutes: 1440 (a day, n8n's default and the longest allowed) when not set. A scheduled message must go out at least 5 minutes before the link expires.",
		displayOptions: fromBinary,
	},
	{
		displayName: 'Attachment Source',
		name: 'attachmentSource',
		type: 'options',
		default: 'url',
		description:
			'Where the attachment comes from: a public URL, or a file of the input item that n8n publishes under a signed, expiring link',
		options: [
			{
				name: 'URL',
				value: 'url',
				description: 'A public URL of the file (Attachment URL)',
			},
			{
				name: 'Binary File',
				value: 'binary',
				description:
					"A binary file of the input item (Attachment Binary Field); needs n8n's filesystem binary mode and a public n8n address",
			},
		],
	},
	{
		displayName: 'Attachment Type',
		name: 'attachmentType',
		type: 'options',
		default: 'image',
		description:
			"What the attachment is. Required with an attachment URL; for a binary file it is taken from the file's MIME type when not set.",
		options: [
			{ name: 'Audio', value: 'audio' },
			{ name: 'File', value: 'file' },
			{ name: 'Image', value: 'image' },
			{ name: 'Link', value: 'link' },
			{ name: 'Video', value: 'video' },
		],
	},
	{
		displayName: 'Attachment URL',
		name: 'attachmentUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/invoice.pdf',
		description: 'A public URL of a file to send. With an attachment the text may be empty.',
		displayOptions: { hide: { attachmentSource: ['binary'] } },
	},
];

export const buttonFields: INodeProperties[] = [
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Button',
		description:
			'Buttons shown with the message. Reply and inline buttons cannot be mixed in one message.',
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Colour',
						name: 'style',
						type: 'string',
						default: '',
						placeholder: 'e.g. positive',
						description:
							'Button colour (VK:	primary, secondary, negative, positive;	Viber:	any colour)',
					},
					{
						displayName: 'Keep Keyboard Open',
						name: 'oneTime',
						type: 'boolean',
						default: false,
						description:
							'Whether the keyboard stays open after a button is pressed (sends one_time: 1; reply buttons, VK). Off: the keyboard is removed after a press.',
					},
					{
						displayName: 'Position in Row',
						name: 'indexInLine',
						type: 'number',
						default: 0,
						description: 'Position inside the row, from 0',
					},
					{
						displayName: 'Row',
						name: 'line',
						type: 'number',
						default: 0,
						description: 'Row of the keyboard, from 0',
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						description: 'Button label, without double quotes (Telegram shows up to 32 characters)',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						default: 'reply',
						options: [
							{
								name: 'Inline (In the Message)',
								value: 'inline',
							},
							{
								name: 'Location Request',
								value: 'location',
							},
							{
								name: 'Phone Request',
								value: 'phone',
							},
							{
								name: 'Reply (Keyboard)',
								value: 'reply',
							},
							{
								name: 'URL Link',
								value: 'url',
							},
							{
								name: 'Web App (Telegram)',
								value: 'web_app',
							},
						],
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://example.com/pay',
					},
					{
						displayName: 'Web App URL',
						name: 'webApp',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://example.com/app',
					},
				],
			},
		],
	},
	{
		displayName: 'Buttons (JSON)',
		name: 'buttonsJson',
		type: 'json',
		default: '',
		placeholder: 'e.g. [{"text": "Yes", "type": "reply"}]',
		description:
			'Buttons as JSON instead of the list: an array of buttons, or {"hint": "...", "buttons": [...]}. Use either this or Buttons.',
	},
	{
		displayName: 'Buttons Fallback Text',
		name: 'buttonsHint',
		type: 'string',
		default: '',
		placeholder: 'e.g. Reply 1 for yes or 2 for no',
		description:
			'Text shown instead of the buttons in messengers without buttons (such as WhatsApp)',
	},
];

export const scheduleFields: INodeProperties[] = [
	{
		displayName: 'Send At',
		name: 'sendAt',
		type: 'dateTime',
		default: '',
		description:
			'When to send (send_time). Accepts the date picker, an ISO date, a Luxon DateTime such as {{ $now.plus({ hours: 1 }) }}, or 2026-12-01 09:30:00. If "Delay (Seconds)" is also set, the delay wins.',
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Europe/Moscow',
		description:
			'The time zone of your Mavibot project, in which "Send At" is given to Mavibot. Empty: the workflow time zone.',
	},
	{
		displayName: 'Delay (Seconds)',
		name: 'delaySeconds',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description:
			'Send after this many seconds (time_shift). Wins over "Send At" when both are set.',
	},
];

export const resumeBotField: INodeProperties = {
	displayName: 'Resume Bot',
	name: 'resumeBot',
	type: 'boolean',
	default: false,
	description: 'Whether to un-pause the bot for this client if an operator paused it',
};

const COLLECTIONS = {
	'Additional Fields': { name: 'additionalFields', placeholder: 'Add Field' },
	Filters: { name: 'filters', placeholder: 'Add Filter' },
	Options: { name: 'options', placeholder: 'Add Option' },
} as const;

/** One of the usual optional-field collections: Additional Fields, Filters or Options. */
export function collection(
	displayName: keyof typeof COLLECTIONS,
	options: INodeProperties[],
): INodeProperties {
	return { displayName, ...COLLECTIONS[displayName], type: 'collection', default: {}, options };
}

/** A required text field (an ID, a phone, a name…); `extra` adds typeOptions, displayOptions… */
export function requiredTextField(
	displayName: string,
	name: string,
	placeholder: string,
	description: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder,
		description,
		...extra,
	};
}

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	default: 50,
	typeOptions: { minValue: 1 },
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};
