import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { toApiId } from '../../helpers/idList';
import { pickedBot, whatsAppNumber } from '../../helpers/recipients';
import { isBlank } from '../../helpers/validation';
import type { OperationResult } from '../types';
import { botLocator } from '../common.descriptions';
import {
	applyCallbackOptions,
	callbackAdditionalFields,
	callbackResult,
	callbackTextField,
	clientNameField,
	readCallbackText,
} from './shared';

export const description: INodeProperties[] = [
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 79991234567',
		description:
			'WhatsApp number of the client with the country code. Formatting (+, spaces, dashes, brackets) is removed. Mavibot creates the client if the number is new.',
	},
	botLocator('searchWhatsAppChannels', {
		name: 'whatsAppChannel',
		displayName: 'WhatsApp Channel',
		placeholder: 'e.g. 34810',
		description:
			'The connected WhatsApp channel (bot_id, the ID shown in "Messengers and chats"). Needed when the project has several WhatsApp channels.',
	}),
	callbackTextField(false),
	callbackAdditionalFields([clientNameField]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const phone = whatsAppNumber(this, itemIndex);
	const channel = pickedBot(this, itemIndex, 'whatsAppChannel', 'WhatsApp Channel', { required: false, fix: '' });
	const text = readCallbackText(this, itemIndex, false);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const identity: IDataObject = { phone, ...(channel ? { bot_id: toApiId(channel) } : {}) };
	const body: IDataObject = { ...identity };
	if (!isBlank(fields.clientName)) body.name = String(fields.clientName).trim();
	if (text !== undefined) body.message = text;
	const variables = applyCallbackOptions(this, itemIndex, 'whatsapp_callback', fields, body);
	const response = (await mavibotApiRequest.call(this, 'whatsapp_callback', { body }, itemIndex)) as IDataObject;
	return callbackResult(response, identity, text, variables);
}
