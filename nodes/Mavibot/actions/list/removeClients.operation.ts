import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationOption, OperationResult } from '../types';
import { changeMembership, membershipFields } from './membership';

export const option: OperationOption = {
	name: 'Remove Clients',
	value: 'removeClients',
	action: 'Remove clients from a list',
	description: 'Remove clients from a client list by their IDs, any number (500 per request)',
};

export const description = membershipFields('remove from');

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	return await changeMembership(this, itemIndex, 'remove_from_list');
}
