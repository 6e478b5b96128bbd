import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { MavibotOperation } from './types';
import * as message from './message';
import * as variable from './variable';

/**
 * The resources of the node and their operations. The router runs exactly what is listed here, and the
 * Resource dropdown is built from `resourceOptions` (sorted by name when the node description is built).
 */
export const resources = {
	message: { send: message.send },
	variable: { get: variable.get, set: variable.set },
} satisfies Record<string, Record<string, MavibotOperation>>;

export const resourceOptions: INodePropertyOptions[] = [
	{ name: 'Message', value: 'message', description: 'Send messages to clients' },
	{ name: 'Variable', value: 'variable', description: 'Read and write client and deal variables' },
];

export const resourceDescriptions: INodeProperties[][] = [message.description, variable.description];

export type MavibotResources = typeof resources;
export type MavibotResource = keyof MavibotResources;
