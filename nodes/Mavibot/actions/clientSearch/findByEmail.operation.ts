import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequestOrNotFound } from '../../transport';
import { readEmail } from '../../helpers/contactParameters';
import type { OperationOption, OperationResult } from '../types';
import { lookupResult } from './results';

export const option: OperationOption = {
	name: 'Find by Email',
	value: 'findByEmail',
	action: 'Find a client by email address',
	description: 'Get the ID of the client with an e-mail address; found is false when there is none',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		required: true,
		default: '',
		description: "E-mail address to look for. Mavibot searches the clients' e-mail variables.",
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const email = readEmail(this, itemIndex, 'email', 'Email');
	const response = await mavibotApiRequestOrNotFound.call(
		this,
		'find_client_id_by_email',
		{ qs: { email } },
		itemIndex,
	);
	return lookupResult(response, { email });
}
