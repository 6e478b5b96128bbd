import { locatorValue } from '../../helpers/parameters';
import { botLocator } from '../fields/botLocators';
import { callbackOperation } from './callbackOperation';
import { userIdField } from './fields';
import { readUserId } from './readParameters';
import type { OperationOption } from '../types';

export const option: OperationOption = {
	name: 'Send by Telegram ID',
	value: 'sendByTelegramId',
	action: 'Send a callback by TG user ID',
	description:
		'Start the bot for an existing client by Telegram user ID with a hidden callback message (tg_callback)',
};

export const { description, execute } = callbackOperation({
	action: 'tg_callback',
	recipientFields: [
		userIdField(
			'Telegram User ID',
			'e.g. 146467928',
			"The client's Telegram user ID (their platform_id in Mavibot)",
		),
		botLocator('searchTelegramBots', {
			displayName: 'Telegram Bot',
			description:
				'The Telegram bot the client talks to (group_id: the bot username). Needed when the project has several Telegram bots.',
		}),
	],
	identify: (context, itemIndex) => {
		const userId = readUserId(context, itemIndex, 'Telegram User ID', 'Telegram');
		const groupId = locatorValue(context, itemIndex, 'bot');
		return { user_id: userId, ...(groupId ? { group_id: groupId } : {}) };
	},
	textRequired: true,
});
