import { readBot } from '../../helpers/parameters';
import { botLocator } from '../fields/botLocators';
import { callbackOperation } from './callbackOperation';
import { userIdField } from './fields';
import { readUserId } from './readParameters';
import type { OperationOption } from '../types';

export const option: OperationOption = {
	name: 'Send by VK ID',
	value: 'sendByVkId',
	action: 'Send a callback by VK user ID',
	description:
		'Start the bot for an existing client by VK user ID with a hidden callback message (vk_callback)',
};

export const { description, execute } = callbackOperation({
	action: 'vk_callback',
	recipientFields: [
		userIdField(
			'VK User ID',
			'e.g. 146467928',
			"The client's VK user ID (their platform_id in Mavibot). The client must already exist in Mavibot.",
		),
		botLocator('searchVkGroups', {
			name: 'vkGroup',
			displayName: 'VK Community',
			required: true,
			placeholder: 'e.g. 143414131',
			description: 'The connected VK community the client talks to (group_id)',
		}),
	],
	identify: (context, itemIndex) => ({
		user_id: readUserId(context, itemIndex, 'VK User ID', 'VK'),
		group_id: readBot(
			context,
			itemIndex,
			'vkGroup',
			'VK Community',
			'Pick the VK community from the list, or give its ID, e.g. 143414131.',
		),
	}),
	textRequired: false,
});
