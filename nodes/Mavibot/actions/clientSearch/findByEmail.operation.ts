import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequestOrNotFound } from '../../transport';
import { readEmail } from '../../helpers/parameters';
import type { OperationResult } from '../types';
import { lookupResult } from './shared';

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
