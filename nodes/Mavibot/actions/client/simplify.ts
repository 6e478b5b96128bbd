import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { messengerName } from '../../../shared/clientTypes';

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

/** get_clients item → id, name, platform_id, client_type, messenger, group, tag, created_at, updated_at. */
export function simplifyClient(client: IDataObject): IDataObject {
	return {
		...pick(client, ['id', 'name', 'platform_id', 'client_type']),
		messenger: messengerName(client.client_type),
		...pick(client, ['group', 'tag', 'created_at', 'updated_at']),
	};
}

/** subscribers item → id, name, client_type, messenger, group, tag, created_at, client_phone, client_email. */
export function simplifySubscriber(client: IDataObject): IDataObject {
	return {
		...pick(client, ['id', 'name', 'client_type']),
		messenger: messengerName(client.client_type),
		...pick(client, ['group', 'tag', 'created_at', 'client_phone', 'client_email']),
	};
}
