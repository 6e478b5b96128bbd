import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { toApiId } from '../../helpers/idList';
import { requiredClientId, requiredIdList } from '../../helpers/parameters';
import { readVariables, variablesInputProperties } from '../../helpers/variablesInput';
import type { OperationOption, OperationResult } from '../types';
import { clientIdField } from '../fields/clientId';

export const option: OperationOption = {
	name: 'Set',
	value: 'set',
	action: 'Set variables of clients',
	description: 'Save variables for one client or many (client profile or current deal)',
};

export const description: INodeProperties[] = [
	{
		displayName:
			'Names without a prefix are saved on the client\'s current deal. Prefix a name with "client." (e.g. client.phone) to write the client\'s profile.',
		name: 'scopeNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Clients',
		name: 'target',
		type: 'options',
		noDataExpression: true,
		default: 'one',
		description: 'Whose variables to set',
		options: [
			{ name: 'One Client', value: 'one', description: 'Set variables of one client (client_ID)' },
			{
				name: 'Many Clients',
				value: 'many',
				description: 'Set the same variables for a list of clients in one request (clients)',
			},
		],
	},
	{
		...clientIdField,
		description: 'The Mavibot client ID whose variables are set',
		displayOptions: { show: { target: ['one'] } },
	},
	{
		displayName: 'Client IDs',
		name: 'clientIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 49177759, 49177760',
		description:
			'Mavibot client IDs separated by commas or new lines, or an expression that returns an array of IDs',
		displayOptions: { show: { target: ['many'] } },
	},
	...variablesInputProperties(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const target = this.getNodeParameter('target', itemIndex, 'one') as string;
	const variables = readVariables(this, itemIndex);
	const body: IDataObject = { variables };
	if (target === 'many') {
		body.clients = requiredIdList(this, itemIndex, 'clientIds', 'Client IDs').map(toApiId);
	} else {
		body.client_id = requiredClientId(this, itemIndex);
	}
	const response = (await mavibotApiRequest.call(
		this,
		'save_variables',
		{ body },
		itemIndex,
	)) as IDataObject;
	return {
		status: 'success',
		...response,
		...(body.client_id !== undefined ? { client_id: body.client_id } : { clients: body.clients }),
		variables,
	};
}
