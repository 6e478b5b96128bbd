import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequestOrNotFound } from '../../transport';
import type { OperationResult } from '../types';
import { lookupResult, readVariableQuery, variableNameField, variableValueField } from './shared';

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
