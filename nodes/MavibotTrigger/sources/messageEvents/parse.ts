import type { IDataObject } from 'n8n-workflow';

import { messengerName } from '../../../shared/clientTypes';
import type { Result } from '../../requestBody';
import { describeType } from '../../requestBody';
import { parseAttachments } from './attachments';
import { FieldReader } from './fieldReader';

/**
 * The message event Mavibot POSTs to the project's Webhook URL (API reference §6), checked and turned into the clean
 * event the trigger outputs. Nothing here throws: a body that is not a message event gives a reason the trigger sends
 * back with HTTP 400.
 */

export interface MavibotClient extends IDataObject {
	id: number;
	platformId: string | null;
	messenger: string | null;
	messengerTypeId: number | null;
	name: string | null;
	avatar: string | null;
	tag: string | null;
	bot: string | null;
	createdAt: string | null;
}

export interface MessageEvent extends IDataObject {
	messageId: number;
	direction: 'incoming' | 'outgoing';
	text: string;
	isSystemNotification: boolean;
	client: MavibotClient;
	attachments: string[];
	delivered: boolean | null;
	deliveryError: string | null;
	blockId: number | null;
	projectId: number | null;
	receivedAt: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Platform notices that appear in dialogs (and so in the webhook) instead of a person's text (API reference §6):
 * CRM stage changes, button-link clicks, new chat members, task callbacks. `edit_task_callback` arrives inside a
 * sentence ("Task edited by Ann: edit_task_callback task_id:…"), so callback keywords are found anywhere.
 */
const NOTIFICATION_PREFIXES = ['crm_state_changed', 'link_was_pressed', 'new_chat_member'];
const CALLBACK_KEYWORD = /(?:^|[\s:])[a-z][a-z0-9]*(?:_[a-z0-9]+)*_callback(?=\s|$|[:,])/;

export function isSystemNotification(text: string): boolean {
	const trimmed = text.trim();
	const firstWord = trimmed.split(/\s+/, 1)[0];
	return NOTIFICATION_PREFIXES.includes(firstWord) || CALLBACK_KEYWORD.test(trimmed);
}

/** Checks a parsed body and builds the clean event; `receivedAt` is when the request arrived. */
export function toMessageEvent(payload: unknown, receivedAt: Date): Result<MessageEvent> {
	const notAnEvent = (reason: string): Result<MessageEvent> => ({
		ok: false,
		reason: `Not a Mavibot message event: ${reason}`,
	});
	if (payload === undefined) return notAnEvent('the request has no body');
	if (!isPlainObject(payload))
		return notAnEvent(`the body must be a JSON object, got ${describeType(payload)}`);
	const read = new FieldReader();
	const messageId = read.requiredWholeNumber(payload, 'id', 'id', 'the message ID');
	if (read.problem !== null) return notAnEvent(read.problem);
	if (payload.client === undefined || payload.client === null) {
		return notAnEvent('field "client" (the client who wrote or received the message) is missing');
	}
	if (!isPlainObject(payload.client)) {
		return notAnEvent(`field "client" must be an object, got ${describeType(payload.client)}`);
	}
	const rawClient = payload.client;
	const messengerTypeId = read.optionalWholeNumber(rawClient, 'client_type', 'client.client_type');
	const client: MavibotClient = {
		id: read.requiredWholeNumber(rawClient, 'id', 'client.id', 'the client ID'),
		// The platform spells it "recepient"; get_clients calls the same value platform_id.
		platformId:
			read.optionalText(rawClient, 'recepient', 'client.recepient') ??
			read.optionalText(rawClient, 'platform_id', 'client.platform_id'),
		messenger: messengerName(messengerTypeId),
		messengerTypeId,
		name: read.optionalText(rawClient, 'name', 'client.name'),
		avatar: read.optionalText(rawClient, 'avatar', 'client.avatar'),
		tag: read.optionalText(rawClient, 'tag', 'client.tag'),
		bot: read.optionalText(rawClient, 'group', 'client.group'),
		createdAt: read.optionalText(rawClient, 'created_at', 'client.created_at'),
	};
	const incoming = read.requiredFlag(
		payload,
		'is_input',
		'is_input',
		'1 from the client, 0 from the bot or an operator',
	);
	const text = read.optionalText(payload, 'message', 'message') ?? '';
	const deliveryError = read.optionalText(payload, 'error_message', 'error_message');
	const event: MessageEvent = {
		messageId,
		direction: incoming ? 'incoming' : 'outgoing',
		text,
		isSystemNotification: isSystemNotification(text),
		client,
		attachments: parseAttachments(payload.attachments),
		delivered: read.optionalFlag(payload, 'delivered', 'delivered'),
		deliveryError: deliveryError === null || deliveryError.trim() === '' ? null : deliveryError,
		blockId: read.optionalWholeNumber(payload, 'message_id', 'message_id'),
		projectId: read.optionalWholeNumber(payload, 'project_id', 'project_id'),
		receivedAt: receivedAt.toISOString(),
	};
	return read.problem === null ? { ok: true, value: event } : notAnEvent(read.problem);
}
