import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../helpers/displayOptions';
import * as addClients from './addClients.operation';
import * as removeClients from './removeClients.operation';

export const operations = { addClients, removeClients };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['list'] } },
		options: [
			{
				name: 'Add Clients',
				value: 'addClients',
				action: 'Add clients to a list',
				description: 'Add clients to a client list by their IDs, any number (500 per request)',
			},
			{
				name: 'Remove Clients',
				value: 'removeClients',
				action: 'Remove clients from a list',
				description: 'Remove clients from a client list by their IDs, any number (500 per request)',
			},
		],
		default: 'addClients',
	},
	...operationProperties('list', operations),
];
