import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withDisplayOptions } from '../../helpers/displayOptions';
import { mavibotApiRequestOrNotFound } from '../../transport';
import type { OperationResult } from '../types';
import { clientIdItems, noMatchNotice, readVariableQuery, variableNameField, variableValueField } from './shared';

const properties: INodeProperties[] = [noMatchNotice, variableNameField, variableValueField];

export const description = withDisplayOptions(
	{ show: { resource: ['clientSearch'], operation: ['findAllByVariable'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const qs = readVariableQuery(this, itemIndex);
	const response = await mavibotApiRequestOrNotFound.call(this, 'find_all_client_id_by_var', { qs }, itemIndex);
	return clientIdItems(this, itemIndex, 'find_all_client_id_by_var', response);
}
