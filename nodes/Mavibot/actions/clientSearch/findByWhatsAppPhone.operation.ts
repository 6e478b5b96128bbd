import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequestOrNotFound } from '../../transport';
import { locatorValue } from '../../helpers/parameters';
import { whatsAppNumber } from '../../helpers/contactParameters';
import type { OperationOption, OperationResult } from '../types';
import { botLocator } from '../fields/botLocators';
import { whatsAppPhoneField } from '../whatsApp';
import { lookupResult } from './results';

export const option: OperationOption = {
	name: 'Find by WhatsApp Phone',
	value: 'findByWhatsAppPhone',
	action: 'Find a WA client by phone number',
	description:
		'Get the ID of the WhatsApp client with a phone number; found is false when there is none',
};

export const description: INodeProperties[] = [
	whatsAppPhoneField(
		'WhatsApp phone number of the client, with the country code, e.g. +7 999 123-45-67. Sent as digits only, as WhatsApp writes numbers.',
	),
	// whatsapp_client_id takes the bot's group_id (a base64-like ID for WhatsApp), which is what searchBots lists;
	// searchWhatsAppChannels lists the channel's numeric id (bot_id / whatsapp_bot_id) instead.
	botLocator('searchBots', {
		displayName: 'WhatsApp Bot',
		name: 'bot',
		description:
			'Only look among the clients of this WhatsApp channel (its group_id; pick the WhatsApp entry of the list). Leave empty to search every WhatsApp channel of the project.',
		placeholder: 'e.g. d2hhdHNhcHBfMzQ4MTA=',
	}),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const phone = whatsAppNumber(this, itemIndex);
	const groupId = locatorValue(this, itemIndex, 'bot');
	const qs: IDataObject = { phone };
	if (groupId) qs.group_id = groupId;
	// Mavibot answers HTTP 404 when no client has the number: that is "not found", not an error.
	const response = await mavibotApiRequestOrNotFound.call(
		this,
		'whatsapp_client_id',
		{ qs },
		itemIndex,
	);
	return lookupResult(response, qs);
}
