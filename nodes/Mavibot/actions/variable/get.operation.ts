import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredClientId } from '../../helpers/parameters';
import type { OperationOption, OperationResult } from '../types';
import { clientIdField } from '../fields/clientId';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get the variables of a client',
	description: 'Read all variables of a client',
};

export const description: INodeProperties[] = [
	{ ...clientIdField, description: 'The Mavibot client ID whose variables are read' },
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'nested',
		description: 'Where the variables go in the output item',
		options: [
			{
				name: 'Variables Under "Variables"',
				value: 'nested',
				description: 'Output {client_id, variables: {…}}',
			},
			{
				name: 'Variables at the Top Level',
				value: 'flat',
				description:
					'Output {client_id, name: value, …}, so that each variable is a field of its own',
			},
		],
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const clientId = requiredClientId(this, itemIndex);
	const output = this.getNodeParameter('output', itemIndex, 'nested') as string;
	// The answer is the client's variables as one flat object; a variable may be called "status" (it is data).
	const variables = (await mavibotApiRequest.call(
		this,
		'get_variables',
		{ qs: { client_id: clientId } },
		itemIndex,
	)) as IDataObject;
	return output === 'flat'
		? { client_id: clientId, ...variables }
		: { client_id: clientId, variables };
}
