import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequestOrNotFound } from '../../transport';
import type { OperationOption, OperationResult } from '../types';
import { requiredTextField } from '../fields/builders';
import { readPhone } from '../../helpers/contactParameters';
import { lookupResult } from './results';

export const option: OperationOption = {
	name: 'Find by Phone',
	value: 'findByPhone',
	action: 'Find a client by phone',
	description:
		'Get the ID of the client with a phone number (WhatsApp clients and phone variables); found is false when there is none',
};

export const description: INodeProperties[] = [
	requiredTextField(
		'Phone',
		'phone',
		'e.g. 79991234567',
		'Phone number to look for, with the country code. Mavibot searches WhatsApp clients and phone variables; the number is sent as typed.',
	),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const phone = readPhone(this, itemIndex);
	const response = await mavibotApiRequestOrNotFound.call(
		this,
		'find_client_id_by_phone',
		{ qs: { phone } },
		itemIndex,
	);
	return lookupResult(response, { phone });
}
