import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { parseIdList, requiredId, toApiId } from '../../helpers/idList';
import { invalidParameter, isBlank, parseJsonParameter } from '../../helpers/validation';
import type { OperationResult } from '../types';

const properties: INodeProperties[] = [
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
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 49177759',
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
		description: 'Mavibot client IDs separated by commas or new lines, or an array expression such as {{ $JSON.clientIds }}',
		displayOptions: { show: { target: ['many'] } },
	},
	{
		displayName: 'Define Variables',
		name: 'variablesInput',
		type: 'options',
		default: 'fields',
		description: 'How to give the variables: as name/value rows, or as one JSON object',
		options: [
			{ name: 'One by One', value: 'fields' },
			{ name: 'As JSON', value: 'json' },
		],
	},
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Variable',
		displayOptions: { show: { variablesInput: ['fields'] } },
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. client.phone or quiz_score',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Variables (JSON)',
		name: 'variablesJson',
		type: 'json',
		default: '{\n  "client.phone": "79990001122",\n  "quiz_score": "7"\n}',
		description: 'An object of variable names and values',
		displayOptions: { show: { variablesInput: ['json'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['variable'], operation: ['set'] } },
	properties,
);

function readVariables(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const input = context.getNodeParameter('variablesInput', itemIndex, 'fields') as string;
	let variables: IDataObject = {};
	if (input === 'json') {
		const parsed = parseJsonParameter(
			context,
			context.getNodeParameter('variablesJson', itemIndex, '{}'),
			'Variables (JSON)',
			itemIndex,
		);
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Variables (JSON)',
				'is not an object',
				'Give an object such as {"client.phone": "79990001122", "quiz_score": "7"}.',
			);
		}
		variables = parsed as IDataObject;
	} else {
		const entries =
			((context.getNodeParameter('variables', itemIndex, {}) as IDataObject).variable as IDataObject[]) ?? [];
		entries.forEach((entry, index) => {
			if (isBlank(entry.name)) {
				throw invalidParameter(
					context,
					itemIndex,
					'Variables',
					`has a variable ${index + 1} without a name`,
					'Give every variable a name, or remove the empty row.',
				);
			}
			variables[String(entry.name).trim()] = entry.value ?? '';
		});
	}
	if (Object.keys(variables).length === 0) {
		throw invalidParameter(
			context,
			itemIndex,
			'Variables',
			'is empty',
			'Add at least one variable name and value.',
		);
	}
	return variables;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const target = this.getNodeParameter('target', itemIndex, 'one') as string;
	const variables = readVariables(this, itemIndex);
	const body: IDataObject = { variables };
	if (target === 'many') {
		const clients = parseIdList(
			this,
			this.getNodeParameter('clientIds', itemIndex, ''),
			'Client IDs',
			itemIndex,
		).map(toApiId);
		if (!clients.length) {
			throw invalidParameter(this, itemIndex, 'Client IDs', 'is empty', 'Give at least one Mavibot client ID.');
		}
		body.clients = clients;
	} else {
		body.client_id = requiredId(this, itemIndex);
	}
	const response = (await mavibotApiRequest.call(this, 'save_variables', { body }, itemIndex)) as IDataObject;
	return {
		status: 'success',
		...response,
		...(body.client_id !== undefined ? { client_id: body.client_id } : { clients: body.clients }),
		variables,
	};
}
