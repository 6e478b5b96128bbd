import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { MavibotOperation } from './types';
import * as callback from './callback';
import * as channel from './channel';
import * as client from './client';
import * as clientSearch from './clientSearch';
import * as conversation from './conversation';
import * as deal from './deal';
import * as list from './list';
import * as message from './message';
import * as variable from './variable';

/**
 * The resources of the node and their operations. The router runs exactly what is listed here, and the
 * Resource dropdown is built from `resourceOptions` (sorted by name when the node description is built).
 */
export const resources = {
	channel: { checkWhatsApp: channel.checkWhatsApp, getBotBlocks: channel.getBotBlocks, getMany: channel.getMany },
	deal: {
		create: deal.create,
		getCurrent: deal.getCurrent,
		getMany: deal.getMany,
		getStage: deal.getStage,
		getVariables: deal.getVariables,
		moveToNextStage: deal.moveToNextStage,
		setStage: deal.setStage,
		setVariables: deal.setVariables,
	},
	client: {
		deleteMany: client.deleteMany,
		getMany: client.getMany,
		getSubscribers: client.getSubscribers,
		import: client.import,
	},
	conversation: { assign: conversation.assign, clearHistory: conversation.clearHistory, getHistory: conversation.getHistory },
	list: { addClients: list.addClients, removeClients: list.removeClients },
	message: {
		broadcast: message.broadcast,
		send: message.send,
		sendAndWait: message.sendAndWait,
		sendToWhatsApp: message.sendToWhatsApp,
	},
	callback: {
		send: callback.send,
		sendByEmail: callback.sendByEmail,
		sendByOkId: callback.sendByOkId,
		sendByTelegramId: callback.sendByTelegramId,
		sendByVkId: callback.sendByVkId,
		sendByWhatsAppPhone: callback.sendByWhatsAppPhone,
		sendToMany: callback.sendToMany,
	},
	clientSearch: {
		findAllByVariable: clientSearch.findAllByVariable,
		findAllByVariables: clientSearch.findAllByVariables,
		findByEmail: clientSearch.findByEmail,
		findByOnlineChat: clientSearch.findByOnlineChat,
		findByPhone: clientSearch.findByPhone,
		findByPlatformIds: clientSearch.findByPlatformIds,
		findByVariable: clientSearch.findByVariable,
		findByWhatsAppPhone: clientSearch.findByWhatsAppPhone,
		findLatestByVariable: clientSearch.findLatestByVariable,
		search: clientSearch.search,
	},
	variable: { get: variable.get, set: variable.set },
} satisfies Record<string, Record<string, MavibotOperation>>;

export const resourceOptions: INodePropertyOptions[] = [
	{
		name: 'Channel',
		value: 'channel',
		description: 'Connected bots and channels, WhatsApp number checks and bot blocks',
	},
	{
		name: 'Deal',
		value: 'deal',
		description: 'Create deals in MavibotCRM, move them through stages, read and write deal variables',
	},
	{ name: 'Client', value: 'client', description: 'Import, list and delete clients' },
	{
		name: 'Conversation',
		value: 'conversation',
		description: 'Read and clear dialog history, assign dialogs to employees',
	},
	{ name: 'List', value: 'list', description: 'Add clients to lists and remove them' },
	{ name: 'Message', value: 'message', description: 'Send messages to clients' },
	{ name: 'Callback', value: 'callback', description: 'Start bot funnels with hidden callback messages' },
	{
		name: 'Client Search',
		value: 'clientSearch',
		description: 'Find clients by phone, e-mail, variables, messenger IDs or a query',
	},
	{ name: 'Variable', value: 'variable', description: 'Read and write client and deal variables' },
];

export const resourceDescriptions: INodeProperties[][] = [channel.description, deal.description, message.description, variable.description, client.description, conversation.description, list.description, callback.description, clientSearch.description];

export type MavibotResources = typeof resources;
export type MavibotResource = keyof MavibotResources;
