import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { readPhone } from '../../helpers/contactParameters';
import type { OperationOption, OperationResult } from '../types';
import { requiredTextField } from '../fields/builders';

export const option: OperationOption = {
	name: 'Check WhatsApp',
	value: 'checkWhatsApp',
	action: 'Check whether a phone number is registered',
	description: 'Ask the connected WhatsApp channel whether a phone number has a WhatsApp account',
};

export const description: INodeProperties[] = [
	{
		displayName: 'The project needs a connected, running WhatsApp channel to check numbers',
		name: 'checkWhatsAppNotice',
		type: 'notice',
		default: '',
	},
	requiredTextField(
		'Phone',
		'phone',
		'e.g. +7 999 123-45-67',
		'The phone number to check, with the country code, in any common format',
	),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const phone = readPhone(this, itemIndex);
	const response = (await mavibotApiRequest.call(
		this,
		'check_whatsapp',
		{ qs: { phone } },
		itemIndex,
	)) as IDataObject;
	// The answer is not documented: it is output as Mavibot gives it, with the phone as given when it has none.
	return { phone, ...response };
}
