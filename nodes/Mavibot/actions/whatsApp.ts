import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toApiId } from '../helpers/idList';
import { locatorValue } from '../helpers/parameters';
import { whatsAppNumber } from '../helpers/contactParameters';
import { botLocator } from './fields/botLocators';
import { requiredTextField } from './fields/builders';

/**
 * WhatsApp by phone number, shared by Callback → Send by WhatsApp Phone, Message → Send to WhatsApp Number and
 * Client Search → Find by WhatsApp Phone (and the fields of Message → Send and Wait's WhatsApp recipient): the Phone
 * field, the WhatsApp Channel picker, and how both are sent.
 */

export function whatsAppPhoneField(description: string): INodeProperties {
	return requiredTextField('Phone', 'phone', 'e.g. 79991234567', description);
}

/** A connected WhatsApp channel by its numeric ID ("Messengers and chats"), as bot_id / whatsapp_bot_id take it. */
export function whatsAppChannelField(description: string): INodeProperties {
	return botLocator('searchWhatsAppChannels', {
		name: 'whatsAppChannel',
		displayName: 'WhatsApp Channel',
		placeholder: 'e.g. 34810',
		description,
	});
}

/** The phone (digits only) and, when one is picked, the channel under `channelKey`. */
export function whatsAppTarget(
	context: IExecuteFunctions,
	itemIndex: number,
	channelKey: 'bot_id' | 'whatsapp_bot_id',
): IDataObject {
	const phone = whatsAppNumber(context, itemIndex);
	const channel = locatorValue(context, itemIndex, 'whatsAppChannel');
	return { phone, ...(channel ? { [channelKey]: toApiId(channel) } : {}) };
}
