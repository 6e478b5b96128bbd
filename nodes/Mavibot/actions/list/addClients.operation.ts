import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationOption, OperationResult } from '../types';
import { changeMembership, membershipFields } from './membership';

export const option: OperationOption = {
	name: 'Add Clients',
	value: 'addClients',
	action: 'Add clients to a list',
	description: 'Add clients to a client list by their IDs, any number (500 per request)',
};

export const description = membershipFields('add to');

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	return await changeMembership(this, itemIndex, 'add_to_list');
}
