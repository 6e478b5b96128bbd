import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../types';
import { changeMembership, membershipFields } from './membership';

export const description = membershipFields('add to');

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	return await changeMembership(this, itemIndex, 'add_to_list');
}
