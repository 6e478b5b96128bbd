import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../helpers/displayOptions';
import * as findAllByVariable from './findAllByVariable.operation';
import * as findAllByVariables from './findAllByVariables.operation';
import * as findByEmail from './findByEmail.operation';
import * as findByOnlineChat from './findByOnlineChat.operation';
import * as findByPhone from './findByPhone.operation';
import * as findByPlatformIds from './findByPlatformIds.operation';
import * as findByVariable from './findByVariable.operation';
import * as findByWhatsAppPhone from './findByWhatsAppPhone.operation';
import * as findLatestByVariable from './findLatestByVariable.operation';
import * as search from './search.operation';

export const operations = {
	findAllByVariable,
	findAllByVariables,
	findByEmail,
	findByOnlineChat,
	findByPhone,
	findByPlatformIds,
	findByVariable,
	findByWhatsAppPhone,
	findLatestByVariable,
	search,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['clientSearch'] } },
		options: [
			{
				name: 'Find All by Variable',
				value: 'findAllByVariable',
				action: 'Find all clients by variable',
				description: 'Get the IDs of all clients whose variable has a value: one item per client',
			},
			{
				name: 'Find All by Variables',
				value: 'findAllByVariables',
				action: 'Find all clients by several variables',
				description:
					'Get the IDs of all clients that have every given variable value: one item per client',
			},
			{
				name: 'Find by Email',
				value: 'findByEmail',
				action: 'Find a client by email address',
				description:
					'Get the ID of the client with an e-mail address; found is false when there is none',
			},
			{
				name: 'Find by Messenger IDs',
				value: 'findByPlatformIds',
				action: 'Find clients by messenger ID',
				description:
					'Get the clients of a bot by their IDs in the messenger (platform_id): one item per client, with name, tag and variables',
			},
			{
				name: 'Find by Phone',
				value: 'findByPhone',
				action: 'Find a client by phone',
				description:
					'Get the ID of the client with a phone number (WhatsApp clients and phone variables); found is false when there is none',
			},
			{
				name: 'Find by Variable',
				value: 'findByVariable',
				action: 'Find a client by variable',
				description:
					'Get the ID of a client whose client or deal variable has a value; found is false when there is none',
			},
			{
				name: 'Find by Website Chat',
				value: 'findByOnlineChat',
				action: 'Find a client by website chat dialog',
				description:
					'Get the ID of the client behind a website chat dialog (recipient). Needs the modify permission: Mavibot may create the client.',
			},
			{
				name: 'Find by WhatsApp Phone',
				value: 'findByWhatsAppPhone',
				action: 'Find a WA client by phone number',
				description:
					'Get the ID of the WhatsApp client with a phone number; found is false when there is none',
			},
			{
				name: 'Find Latest by Variable',
				value: 'findLatestByVariable',
				action: 'Find the latest client by variable',
				description:
					'Get the ID of the most recently created client whose client or deal variable has a value; found is false when there is none',
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search clients by query',
				description:
					'Find all clients whose variables meet conditions (equals, is one of, is not, is not one of): one item per client',
			},
		],
		default: 'findByPhone',
	},
	...operationProperties('clientSearch', operations),
];
