import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequestOrNotFound } from '../../transport';
import type { OperationOption, OperationResult } from '../types';
import { lookupResult } from './results';
import { readVariableQuery, variableNameField, variableValueField } from './variableQuery';

export const option: OperationOption = {
	name: 'Find Latest by Variable',
	value: 'findLatestByVariable',
	action: 'Find the latest client by variable',
	description:
		'Get the ID of the most recently created client whose client or deal variable has a value; found is false when there is none',
};

export const description: INodeProperties[] = [
	{
		displayName:
			'Searches client and deal variables and returns the most recently created client that matches',
		name: 'latestNotice',
		type: 'notice',
		default: '',
	},
	variableNameField,
	variableValueField,
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const qs = readVariableQuery(this, itemIndex);
	const response = await mavibotApiRequestOrNotFound.call(
		this,
		'find_latest_client_id_by_var',
		{ qs },
		itemIndex,
	);
	return lookupResult(response, qs);
}
