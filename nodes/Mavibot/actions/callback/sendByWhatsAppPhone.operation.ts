import { whatsAppTarget, whatsAppChannelField, whatsAppPhoneField } from '../whatsApp';
import { callbackOperation } from './callbackOperation';
import type { OperationOption } from '../types';

export const option: OperationOption = {
	name: 'Send by WhatsApp Phone',
	value: 'sendByWhatsAppPhone',
	action: 'Send a callback to a WA phone number',
	description:
		'Start the WhatsApp bot for a phone number with a hidden callback message; the client is created if new (whatsapp_callback)',
};

export const { description, execute } = callbackOperation({
	action: 'whatsapp_callback',
	recipientFields: [
		whatsAppPhoneField(
			'WhatsApp number of the client with the country code. Formatting (+, spaces, dashes, brackets) is removed. Mavibot creates the client if the number is new.',
		),
		whatsAppChannelField(
			'The connected WhatsApp channel (bot_id, the ID shown in "Messengers and chats"). Needed when the project has several WhatsApp channels.',
		),
	],
	identify: (context, itemIndex) => whatsAppTarget(context, itemIndex, 'bot_id'),
	textRequired: false,
	clientName: true,
});
