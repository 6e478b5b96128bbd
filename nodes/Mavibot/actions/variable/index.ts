import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../helpers/displayOptions';
import * as get from './get.operation';
import * as set from './set.operation';

export const operations = { get, set };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['variable'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the variables of a client',
				description: 'Read all variables of a client',
			},
			{
				name: 'Set',
				value: 'set',
				action: 'Set variables of clients',
				description: 'Save variables for one client or many (client profile or current deal)',
			},
		],
		default: 'set',
	},
	...operationProperties('variable', operations),
];
