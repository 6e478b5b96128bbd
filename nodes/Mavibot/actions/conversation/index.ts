import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../helpers/displayOptions';
import * as assign from './assign.operation';
import * as clearHistory from './clearHistory.operation';
import * as getHistory from './getHistory.operation';

export const operations = { assign, clearHistory, getHistory };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Assign',
				value: 'assign',
				action: 'Assign a dialog to an employee',
				description:
					"Hand the client's dialog to an employee by e-mail, or to Mavibot's auto-distribution when no e-mail is given",
			},
			{
				name: 'Clear History',
				value: 'clearHistory',
				action: 'Clear the dialog history of a client',
				description: 'Delete all messages of the dialog with a client; this cannot be undone',
			},
			{
				name: 'Get History',
				value: 'getHistory',
				action: 'Get the dialog history of a client',
				description:
					'Read up to 2000 latest messages of the dialog with a client, optionally of a date range (one item per message)',
			},
		],
		default: 'getHistory',
	},
	...operationProperties('conversation', operations),
];
