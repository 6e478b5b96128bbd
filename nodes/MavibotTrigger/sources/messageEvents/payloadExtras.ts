import type { IDataObject } from 'n8n-workflow';

/**
 * What a real message event carries beyond the fields the vendor's pages list (shared/reference/real-world-shapes.md),
 * kept in the clean event so that a workflow can map it without "Include Raw Payload":
 * - `client.variables`: the client's variables (tg_username, UTM tags, any variable the project keeps), as sent;
 * - `internal_id`: the messenger's own message ID (a string, or null), as `messengerMessageId`;
 * - `client.custom_answer` and `client.operator_start_dialog`, when the payload has them;
 * - any other field, top-level or in `client`, that a future Mavibot adds: under `otherFields`, always present.
 */

/** The top-level fields the clean event reads (documented, and internal_id). */
const READ_TOP_LEVEL = new Set([
	'id',
	'client',
	'message',
	'attachments',
	'message_id',
	'project_id',
	'is_input',
	'delivered',
	'error_message',
	'internal_id',
]);

/** The client fields the clean event reads. */
const READ_CLIENT = new Set([
	'id',
	'recepient',
	'platform_id',
	'client_type',
	'name',
	'avatar',
	'created_at',
	'tag',
	'group',
	'variables',
	'custom_answer',
	'operator_start_dialog',
]);

const has = (source: Record<string, unknown>, key: string) =>
	Object.prototype.hasOwnProperty.call(source, key);

/** The fields of `source` the clean event does not read, as sent ({} when there are none). */
export function otherFields(source: Record<string, unknown>, read: Set<string>): IDataObject {
	const rest: IDataObject = {};
	for (const [key, value] of Object.entries(source))
		if (!read.has(key)) rest[key] = value as IDataObject[keyof IDataObject];
	return rest;
}

export const otherTopLevelFields = (payload: Record<string, unknown>) =>
	otherFields(payload, READ_TOP_LEVEL);
export const otherClientFields = (client: Record<string, unknown>) =>
	otherFields(client, READ_CLIENT);

/** internal_id as text (a number is written out), or null when it is missing, empty or not an ID. */
export function messengerMessageId(payload: Record<string, unknown>): string | null {
	const value = payload.internal_id;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value;
	return null;
}

/** client.variables as Mavibot sent it; {} when the payload has none (or null), so that paths into it never fail. */
export function clientVariables(client: Record<string, unknown>): IDataObject {
	const value = client.variables;
	return value === undefined || value === null ? {} : (value as IDataObject);
}

/** client.custom_answer and client.operator_start_dialog, each only when the payload has it, as sent. */
export function clientAnswerFields(client: Record<string, unknown>): IDataObject {
	const fields: IDataObject = {};
	if (has(client, 'custom_answer'))
		fields.customAnswer = client.custom_answer as IDataObject[string];
	if (has(client, 'operator_start_dialog'))
		fields.operatorStartDialog = client.operator_start_dialog as IDataObject[string];
	return fields;
}
