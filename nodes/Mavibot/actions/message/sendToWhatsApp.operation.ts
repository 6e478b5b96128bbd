import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { messageBody } from '../../helpers/messageContent';
import type { OperationOption, OperationResult } from '../types';
import { attachmentFields } from '../fields/attachment';
import { botBlockLocator } from '../fields/botLocators';
import { collection } from '../fields/builders';
import { messageTextField } from '../fields/messageText';
import { scheduleFields } from '../fields/schedule';
import { whatsAppChannelField, whatsAppPhoneField, whatsAppTarget } from '../whatsApp';

export const option: OperationOption = {
	name: 'Send to WhatsApp Number',
	value: 'sendToWhatsApp',
	action: 'Send a message to a WA phone number',
	description:
		'Send text, a file or a bot block to a phone number through a connected WhatsApp channel, no client ID needed (whatsapp_message)',
};

export const description: INodeProperties[] = [
	whatsAppPhoneField(
		'WhatsApp number to write to, with the country code. Formatting (+, spaces, dashes, brackets) is removed. No Mavibot client ID is needed; a new number gets a new client.',
	),
	whatsAppChannelField(
		'The connected WhatsApp channel that sends the message (whatsapp_bot_id, the ID shown in "Messengers and chats"). Needed when the project has several WhatsApp channels.',
	),
	messageTextField('e.g. Your order has shipped'),
	collection('Additional Fields', [...attachmentFields, botBlockLocator, ...scheduleFields]),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const target = whatsAppTarget(this, itemIndex, 'whatsapp_bot_id');
	const body = messageBody(this, itemIndex, target);
	const response = (await mavibotApiRequest.call(
		this,
		'whatsapp_message',
		{ body },
		itemIndex,
	)) as IDataObject;
	return { status: 'success', ...response, phone: target.phone };
}
