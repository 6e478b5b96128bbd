import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { messengerName } from '../../../shared/clientTypes';
import { withIsoTwins } from '../../helpers/dates';

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

function pick(source: IDataObject, fields: string[]): IDataObject {
	const out: IDataObject = {};
	for (const field of fields) out[field] = source[field] ?? null;
	return out;
}

/** The dates of a client (unix seconds) that get an ISO 8601 twin beside them (shared/isoTwin.ts). */
export const CLIENT_DATES = ['created_at', 'updated_at'];

/** A client as Mavibot sent it, with the ISO twins of its dates (the Simplify off output). */
export function clientWithIsoDates(client: IDataObject): IDataObject {
	return withIsoTwins(client, CLIENT_DATES);
}

/**
 * get_clients item → id, name, platform_id, client_type, messenger, group, tag, created_at, created_at_iso,
 * updated_at, updated_at_iso.
 */
export function simplifyClient(client: IDataObject): IDataObject {
	return clientWithIsoDates({
		...pick(client, ['id', 'name', 'platform_id', 'client_type']),
		messenger: messengerName(client.client_type),
		...pick(client, ['group', 'tag', 'created_at', 'updated_at']),
	});
}

/**
 * subscribers item → id, name, client_type, messenger, group, tag, created_at, created_at_iso, client_phone,
 * client_email.
 */
export function simplifySubscriber(client: IDataObject): IDataObject {
	return clientWithIsoDates({
		...pick(client, ['id', 'name', 'client_type']),
		messenger: messengerName(client.client_type),
		...pick(client, ['group', 'tag', 'created_at', 'client_phone', 'client_email']),
	});
}
