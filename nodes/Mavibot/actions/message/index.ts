import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../helpers/displayOptions';
import * as broadcast from './broadcast.operation';
import * as send from './send.operation';
import * as sendAndWait from './sendAndWait.operation';
import * as sendToWhatsApp from './sendToWhatsApp.operation';

export const operations = { broadcast, send, sendAndWait, sendToWhatsApp };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Broadcast',
				value: 'broadcast',
				action: 'Broadcast a message to many clients',
				description:
					'Send one message to a client list, a set of client IDs, or messenger IDs of one bot, in one request (broadcast)',
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send a message to a client',
				description: 'Send text, a file, buttons or a bot block to a client by client ID',
			},
			{
				name: 'Send and Wait for Response',
				value: 'sendAndWait',
				action: 'Send a message and wait for the response',
				description:
					'Send a question with answer links (approve/decline, a text or a form) and pause the workflow until the client answers',
			},
			{
				name: 'Send to WhatsApp Number',
				value: 'sendToWhatsApp',
				action: 'Send a message to a WA phone number',
				description:
					'Send text, a file or a bot block to a phone number through a connected WhatsApp channel, no client ID needed (whatsapp_message)',
			},
		],
		default: 'send',
	},
	...operationProperties('message', operations),
];
