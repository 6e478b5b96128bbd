import type { INodeProperties } from 'n8n-workflow';

import { botLocator } from '../../fields/botLocators';
import { clientIdField } from '../../fields/clientId';
import { whatsAppChannelField, whatsAppPhoneField } from '../../whatsApp';

/** Who gets the question: a client ID, a Telegram user of a bot, or a WhatsApp number (recipient.ts reads them). */
export const recipientFields: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		default: 'clientId',
		description: 'How the client is identified',
		options: [
			{ name: 'Client ID', value: 'clientId', description: 'The Mavibot client ID' },
			{
				name: 'Telegram User',
				value: 'telegram',
				description:
					'A Telegram user ID and the bot the user talks to (looked up with find_client_id_by_platform_id)',
			},
			{
				name: 'WhatsApp Phone',
				value: 'whatsApp',
				description:
					'A WhatsApp number and channel (looked up with whatsapp_client_id); the links go into the text, WhatsApp shows no link buttons',
			},
		],
	},
	{ ...clientIdField, displayOptions: { show: { sendTo: ['clientId'] } } },
	{
		displayName: 'Telegram User ID',
		name: 'telegramUserId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 146467928',
		description: "The client's Telegram user ID (their platform_id in Mavibot)",
		displayOptions: { show: { sendTo: ['telegram'] } },
	},
	botLocator('searchTelegramBots', {
		name: 'telegramBot',
		displayName: 'Telegram Bot',
		required: true,
		description: 'The Telegram bot the client talks to (group_id: the bot username)',
		displayOptions: { show: { sendTo: ['telegram'] } },
	}),
	{
		...whatsAppPhoneField(
			'WhatsApp number of the client with the country code; the client must already exist in Mavibot',
		),
		displayOptions: { show: { sendTo: ['whatsApp'] } },
	},
	{
		...whatsAppChannelField(
			'The connected WhatsApp channel. Needed when the project has several WhatsApp channels.',
		),
		displayOptions: { show: { sendTo: ['whatsApp'] } },
	},
];
