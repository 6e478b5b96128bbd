import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../helpers/displayOptions';
import * as deleteMany from './deleteMany.operation';
import * as getMany from './getMany.operation';
import * as getSubscribers from './getSubscribers.operation';
import * as importClients from './import.operation';

export const operations = { deleteMany, getMany, getSubscribers, import: importClients };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['client'] } },
		options: [
			{
				name: 'Delete Many',
				value: 'deleteMany',
				action: 'Delete clients',
				description:
					'Delete clients by their IDs, any number (500 per request); this cannot be undone',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many clients',
				description:
					'List clients of the project or of one client list, newest first (one item per client)',
			},
			{
				name: 'Get Subscribers',
				value: 'getSubscribers',
				action: 'Get subscribers',
				description:
					'List clients filtered by tag, bot, messenger and subscription date (one item per client)',
			},
			{
				name: 'Import',
				value: 'import',
				action: 'Import clients',
				description:
					'Create clients from their messenger IDs (platform ID, bot, client type) so they can be messaged; existing clients are returned',
			},
		],
		default: 'getMany',
	},
	...operationProperties('client', operations),
];
