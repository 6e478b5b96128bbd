import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withDisplayOptions } from '../../helpers/displayOptions';
import { mavibotApiRequestOrNotFound } from '../../transport';
import type { OperationResult } from '../types';
import { lookupResult, readVariableQuery, variableNameField, variableValueField } from './shared';

const properties: INodeProperties[] = [
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

export const description = withDisplayOptions(
	{ show: { resource: ['clientSearch'], operation: ['findLatestByVariable'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const qs = readVariableQuery(this, itemIndex);
	const response = await mavibotApiRequestOrNotFound.call(this, 'find_latest_client_id_by_var', { qs }, itemIndex);
	return lookupResult(response, qs);
}
