import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../helpers/displayOptions';
import * as checkWhatsApp from './checkWhatsApp.operation';
import * as getBotBlocks from './getBotBlocks.operation';
import * as getMany from './getMany.operation';

export const operations = { checkWhatsApp, getBotBlocks, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['channel'] } },
		options: [
			{
				name: 'Check WhatsApp',
				value: 'checkWhatsApp',
				action: 'Check whether a phone number is registered',
				description:
					'Ask the connected WhatsApp channel whether a phone number has a WhatsApp account',
			},
			{
				name: 'Get Bot Blocks',
				value: 'getBotBlocks',
				action: 'Get the blocks of the bot',
				description:
					'List the blocks of the bot scheme (ID, condition, answer, description); a block ID can be sent as a message',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many channels',
				description:
					'List the connected bots and channels of the project, one item per channel, with their group_id',
			},
		],
		default: 'getMany',
	},
	...operationProperties('channel', operations),
];
