import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequestOrNotFound } from '../../transport';
import { invalidParameter } from '../../helpers/validation';
import type { OperationResult } from '../types';
import { lookupResult, requiredText } from './shared';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const fix = 'Give an e-mail address, e.g. name@example.com.';
	const email = requiredText(this, itemIndex, 'email', 'Email', fix);
	if (!email.includes('@')) {
		throw invalidParameter(this, itemIndex, 'Email', `is "${email}", which is not an e-mail address`, fix);
	}
	const response = await mavibotApiRequestOrNotFound.call(
		this,
		'find_client_id_by_email',
		{ qs: { email } },
		itemIndex,
	);
	return lookupResult(response, { email });
}
