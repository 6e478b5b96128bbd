import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { MavibotOperation } from './types';
import * as callback from './callback';
import * as channel from './channel';
import * as client from './client';
import * as clientSearch from './clientSearch';
import * as conversation from './conversation';
import * as deal from './deal';
import * as file from './file';
import * as list from './list';
import * as message from './message';
import * as variable from './variable';

/**
 * The resources of the node. Each resource's index.ts lists its operations once (`operations`, the router's table)
 * and builds its fields from them; the Resource dropdown is `resourceOptions` (sorted by name in node.description.ts).
 */
const resourceModules = {
	callback,
	channel,
	client,
	clientSearch,
	conversation,
	deal,
	file,
	list,
	message,
	variable,
} satisfies Record<
	string,
	{ operations: Record<string, MavibotOperation>; description: INodeProperties[] }
>;

type ResourceModules = typeof resourceModules;

/** resource → operation → { description, execute }: what the router runs. */
export const resources = Object.fromEntries(
	Object.entries(resourceModules).map(([resource, module]) => [resource, module.operations]),
) as { [R in keyof ResourceModules]: ResourceModules[R]['operations'] };

export const resourceOptions: INodePropertyOptions[] = [
	{
		name: 'Channel',
		value: 'channel',
		description: 'Connected bots and channels, WhatsApp number checks and bot blocks',
	},
	{
		name: 'Deal',
		value: 'deal',
		description:
			'Create deals in MavibotCRM, move them through stages, read and write deal variables',
	},
	{ name: 'Client', value: 'client', description: 'Import, list and delete clients' },
	{
		name: 'Conversation',
		value: 'conversation',
		description: 'Read and clear dialog history, assign dialogs to employees',
	},
	{
		name: 'File',
		value: 'file',
		description: 'Download files (attachments of messages and of the history) as binary data',
	},
	{ name: 'List', value: 'list', description: 'Add clients to lists and remove them' },
	{ name: 'Message', value: 'message', description: 'Send messages to clients' },
	{
		name: 'Callback',
		value: 'callback',
		description: 'Start bot funnels with hidden callback messages',
	},
	{
		name: 'Client Search',
		value: 'clientSearch',
		description: 'Find clients by phone, e-mail, variables, messenger IDs or a query',
	},
	{ name: 'Variable', value: 'variable', description: 'Read and write client and deal variables' },
];

export const resourceDescriptions: INodeProperties[][] = Object.values(resourceModules).map(
	(module) => module.description,
);

export type MavibotResources = typeof resources;
export type MavibotResource = keyof MavibotResources;
