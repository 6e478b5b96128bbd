import { readBot } from '../../helpers/parameters';
import { readEmail } from '../../helpers/contactParameters';
import { botLocator } from '../fields/botLocators';
import { callbackOperation } from './callbackOperation';
import type { OperationOption } from '../types';

export const option: OperationOption = {
	name: 'Send by E-Mail',
	value: 'sendByEmail',
	action: 'Send a callback by email address',
	description:
		'Start the e-mail bot for an address with a hidden callback message; the client is created if new (email_callback)',
};

export const { description, execute } = callbackOperation({
	action: 'email_callback',
	recipientFields: [
		{
			displayName: 'E-Mail',
			name: 'email',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. ann@example.com',
			description:
				'E-mail address of the client. Mavibot creates the client if the address is new.',
		},
		botLocator('searchEmailBots', {
			name: 'emailBot',
			displayName: 'E-Mail Bot',
			required: true,
			placeholder: 'e.g. bot@shop.example',
			description: 'The connected e-mail bot (email_id_bot: the address of the bot)',
		}),
	],
	identify: (context, itemIndex) => ({
		email: readEmail(context, itemIndex, 'email', 'E-Mail'),
		email_id_bot: readBot(
			context,
			itemIndex,
			'emailBot',
			'E-Mail Bot',
			'Pick the e-mail bot from the list, or give its address, e.g. bot@shop.example.',
		),
	}),
	textRequired: false,
	clientName: true,
});
