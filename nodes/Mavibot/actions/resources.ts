import type { MavibotOperation } from './types';
import * as message from './message';
import * as variable from './variable';

/**
 * The resources of the node and their operations. The type below makes the router exhaustive: an operation listed
 * in a resource's options but missing here (or the other way round) fails the build.
 */
export const resources = {
	message: { send: message.send },
	variable: { get: variable.get, set: variable.set },
} satisfies Record<string, Record<string, MavibotOperation>>;

export type MavibotResources = typeof resources;
export type MavibotResource = keyof MavibotResources;

export const resourceDescriptions = [message.description, variable.description];
