import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { toApiId } from '../../helpers/idList';
import { buildMessageContent } from '../../helpers/messageContent';
import { pickedBot, whatsAppNumber } from '../../helpers/recipients';
import { applyScheduling } from '../../helpers/scheduling';
import type { OperationResult } from '../types';
import { attachmentFields, botBlockLocator, botLocator, scheduleFields } from '../common.descriptions';

export const description: INodeProperties[] = [
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 79991234567',
		description:
			'WhatsApp number to write to, with the country code. Formatting (+, spaces, dashes, brackets) is removed. No Mavibot client ID is needed; a new number gets a new client.',
	},
	botLocator('searchWhatsAppChannels', {
		name: 'whatsAppChannel',
		displayName: 'WhatsApp Channel',
		placeholder: 'e.g. 34810',
		description:
			'The connected WhatsApp channel that sends the message (whatsapp_bot_id, the ID shown in "Messengers and chats"). Needed when the project has several WhatsApp channels.',
	}),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'e.g. Your order has shipped',
		description: 'The message text. May be empty when an attachment or a bot block is sent.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...attachmentFields, botBlockLocator, ...scheduleFields],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const phone = whatsAppNumber(this, itemIndex);
	const channel = pickedBot(this, itemIndex, 'whatsAppChannel', 'WhatsApp Channel', { required: false, fix: '' });
	const text = this.getNodeParameter('text', itemIndex, '') as string;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		phone,
		...(channel ? { whatsapp_bot_id: toApiId(channel) } : {}),
		...buildMessageContent(this, itemIndex, text, fields),
	};
	applyScheduling(this, itemIndex, fields, body);
	const response = (await mavibotApiRequest.call(this, 'whatsapp_message', { body }, itemIndex)) as IDataObject;
	return { status: 'success', ...response, phone };
}
