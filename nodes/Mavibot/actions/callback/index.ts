import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../helpers/displayOptions';
import * as send from './send.operation';
import * as sendByEmail from './sendByEmail.operation';
import * as sendByOkId from './sendByOkId.operation';
import * as sendByTelegramId from './sendByTelegramId.operation';
import * as sendByVkId from './sendByVkId.operation';
import * as sendByWhatsAppPhone from './sendByWhatsAppPhone.operation';
import * as sendToMany from './sendToMany.operation';

export const operations = {
	send,
	sendByEmail,
	sendByOkId,
	sendByTelegramId,
	sendByVkId,
	sendByWhatsAppPhone,
	sendToMany,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callback'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				action: 'Send a callback to a client',
				description:
					'Start a bot funnel for a known client (by client ID, phone or e-mail) with a hidden callback message (callback)',
			},
			{
				name: 'Send by E-Mail',
				value: 'sendByEmail',
				action: 'Send a callback by email address',
				description:
					'Start the e-mail bot for an address with a hidden callback message; the client is created if new (email_callback)',
			},
			{
				name: 'Send by OK ID',
				value: 'sendByOkId',
				action: 'Send a callback by OK user ID',
				description:
					'Start the bot for an Odnoklassniki user with a hidden callback message; the client is created if new (ok_callback)',
			},
			{
				name: 'Send by Telegram ID',
				value: 'sendByTelegramId',
				action: 'Send a callback by TG user ID',
				description:
					'Start the bot for an existing client by Telegram user ID with a hidden callback message (tg_callback)',
			},
			{
				name: 'Send by VK ID',
				value: 'sendByVkId',
				action: 'Send a callback by VK user ID',
				description:
					'Start the bot for an existing client by VK user ID with a hidden callback message (vk_callback)',
			},
			{
				name: 'Send by WhatsApp Phone',
				value: 'sendByWhatsAppPhone',
				action: 'Send a callback to a WA phone number',
				description:
					'Start the WhatsApp bot for a phone number with a hidden callback message; the client is created if new (whatsapp_callback)',
			},
			{
				name: 'Send to Many',
				value: 'sendToMany',
				action: 'Send a callback to many clients by messenger ID',
				description:
					'Send the same hidden callback message to clients by their messenger IDs (of one bot, or of the whole project), any number (300 per request, one after the other); outputs one summary item (send_callback_by_platform_id)',
			},
		],
		default: 'send',
	},
	...operationProperties('callback', operations),
];
