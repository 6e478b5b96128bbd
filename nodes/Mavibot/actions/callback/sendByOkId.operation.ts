import { readBot } from '../../helpers/parameters';
import { botLocator } from '../fields/botLocators';
import { callbackOperation } from './callbackOperation';
import { userIdField } from './fields';
import { readUserId } from './readParameters';
import type { OperationOption } from '../types';

export const option: OperationOption = {
	name: 'Send by OK ID',
	value: 'sendByOkId',
	action: 'Send a callback by OK user ID',
	description:
		'Start the bot for an Odnoklassniki user with a hidden callback message; the client is created if new (ok_callback)',
};

export const { description, execute } = callbackOperation({
	action: 'ok_callback',
	recipientFields: [
		userIdField(
			'OK User ID',
			'e.g. 575384911234',
			"The client's Odnoklassniki user ID (their platform_id in Mavibot). Mavibot creates the client if the ID is new.",
		),
		botLocator('searchOkGroups', {
			name: 'okGroup',
			displayName: 'OK Group',
			required: true,
			placeholder: 'e.g. 70000001234567',
			description: 'The connected Odnoklassniki group the client talks to (group_id)',
		}),
	],
	identify: (context, itemIndex) => ({
		user_id: readUserId(context, itemIndex, 'OK User ID', 'Odnoklassniki'),
		group_id: readBot(
			context,
			itemIndex,
			'okGroup',
			'OK Group',
			'Pick the Odnoklassniki group from the list, or give its ID.',
		),
	}),
	textRequired: false,
	clientName: true,
});
