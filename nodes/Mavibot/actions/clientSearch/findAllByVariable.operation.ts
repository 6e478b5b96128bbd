import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequestOrNotFound } from '../../transport';
import type { OperationOption, OperationResult } from '../types';
import { noMatchNotice } from './fields';
import { clientIdItems } from './results';
import { readVariableQuery, variableNameField, variableValueField } from './variableQuery';

export const option: OperationOption = {
	name: 'Find All by Variable',
	value: 'findAllByVariable',
	action: 'Find all clients by variable',
	description: 'Get the IDs of all clients whose variable has a value: one item per client',
};

export const description: INodeProperties[] = [
	noMatchNotice,
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
		'find_all_client_id_by_var',
		{ qs },
		itemIndex,
	);
	return clientIdItems(this, itemIndex, 'find_all_client_id_by_var', response);
}
