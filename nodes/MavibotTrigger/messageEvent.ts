import type { IDataObject } from 'n8n-workflow';

import { parseAttachments } from './attachments';
import type { AttachmentDetail } from './sources/messageEvents/attachmentDetails';
import { parseAttachmentDetails } from './sources/messageEvents/attachmentDetails';
import {
	clientAnswerFields,
	clientVariables,
	messengerMessageId,
	otherClientFields,
	otherTopLevelFields,
} from './sources/messageEvents/payloadExtras';
import { messengerName } from '../shared/clientTypes';
import { isoTwin } from '../shared/isoTwin';
import { isServiceEvent } from '../shared/serviceEvents';

/**
 * The message event Mavibot POSTs to the project's Webhook URL (API reference §6), checked and turned into the clean
 * event the trigger outputs. Nothing here throws: a body that is not a message event gives a reason the trigger sends
 * back with HTTP 400.
 */

export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

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
	/** createdAt as ISO 8601 in UTC when it is unix seconds or text with an offset, else null (shared/isoTwin.ts). */
	createdAtIso: string | null;
	/** client.variables as sent ({} when absent). */
	variables: IDataObject;
	/** client.custom_answer and client.operator_start_dialog, only when the payload has them. */
	customAnswer?: IDataObject[string];
	operatorStartDialog?: IDataObject[string];
	/** Client fields the event does not read otherwise, as sent. */
	otherFields: IDataObject;
}

export interface MessageEvent extends IDataObject {
	messageId: number;
	/** internal_id: the messenger's own message ID, as text, or null. */
	messengerMessageId: string | null;
	direction: 'incoming' | 'outgoing';
	text: string;
	isSystemNotification: boolean;
	client: MavibotClient;
	attachments: string[];
	/** One entry per URL of `attachments`: its name and type when Mavibot gave them. */
	attachmentDetails: AttachmentDetail[];
	delivered: boolean | null;
	deliveryError: string | null;
	blockId: number | null;
	projectId: number | null;
	receivedAt: string;
	/** Top-level fields the event does not read otherwise (a field a future Mavibot adds), as sent. */
	otherFields: IDataObject;
}

/** What n8n hands the trigger as the request body, and the raw bytes it read. */
export interface RequestBody {
	body: unknown;
	rawBody?: unknown;
}

/**
 * The request body as a JSON value, or undefined when the request has none. n8n parses JSON bodies itself when the
 * request says `application/json`; a body sent as text/plain, or with no content type, is parsed here.
 */
export function readJsonBody({ body, rawBody }: RequestBody): Result<unknown> {
	if (typeof body === 'string') return parseJsonText(body);
	if (isBuffer(body)) return parseJsonText(body.toString('utf8'));
	const bodyIsEmpty =
		body === undefined ||
		body === null ||
		(typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
	if (!bodyIsEmpty) return { ok: true, value: body };
	if (isBuffer(rawBody) && rawBody.length > 0) return parseJsonText(rawBody.toString('utf8'));
	if (typeof rawBody === 'string' && rawBody.trim() !== '') return parseJsonText(rawBody);
	return { ok: true, value: body === null ? undefined : body };
}

function isBuffer(value: unknown): value is Buffer {
	return Buffer.isBuffer(value);
}

function parseJsonText(text: string): Result<unknown> {
	if (text.trim() === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (error) {
		return { ok: false, reason: `The body is not valid JSON (${(error as Error).message})` };
	}
}

export function describeType(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
	return `a ${typeof value}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A whole number given as a number or as a string of digits. */
function wholeNumber(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
	if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
		const parsed = Number(value.trim());
		return Number.isSafeInteger(parsed) ? parsed : undefined;
	}
	return undefined;
}

/** 1/0, true/false, "1"/"0", "true"/"false". */
function flag(value: unknown): boolean | undefined {
	if (value === 1 || value === true || value === '1' || value === 'true' || value === 'True')
		return true;
	if (value === 0 || value === false || value === '0' || value === 'false' || value === 'False')
		return false;
	return undefined;
}

/**
 * Reads typed fields of the payload. The first field that has the wrong type is remembered as `problem` and reading
 * goes on with a neutral value, so that building the event needs no exceptions.
 */
class FieldReader {
	problem: string | null = null;

	private fail<T>(reason: string, neutral: T): T {
		this.problem ??= reason;
		return neutral;
	}

	requiredWholeNumber(
		source: Record<string, unknown>,
		key: string,
		path: string,
		meaning: string,
	): number {
		const value = source[key];
		if (value === undefined || value === null || value === '') {
			return this.fail(`field "${path}" (${meaning}) is missing`, 0);
		}
		const parsed = wholeNumber(value);
		if (parsed === undefined) {
			return this.fail(
				`field "${path}" (${meaning}) must be a whole number, got ${describeType(value)}`,
				0,
			);
		}
		return parsed;
	}

	optionalWholeNumber(source: Record<string, unknown>, key: string, path: string): number | null {
		const value = source[key];
		if (value === undefined || value === null || value === '') return null;
		const parsed = wholeNumber(value);
		if (parsed === undefined)
			return this.fail(`field "${path}" must be a whole number, got ${describeType(value)}`, null);
		return parsed;
	}

	/** A text field: strings as they are, numbers as text (a phone number or a name can arrive as a number). */
	optionalText(source: Record<string, unknown>, key: string, path: string): string | null {
		const value = source[key];
		if (value === undefined || value === null) return null;
		if (typeof value === 'string') return value;
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
		return this.fail(`field "${path}" must be text, got ${describeType(value)}`, null);
	}

	requiredFlag(
		source: Record<string, unknown>,
		key: string,
		path: string,
		meaning: string,
	): boolean {
		const value = source[key];
		if (value === undefined || value === null || value === '') {
			return this.fail(`field "${path}" (${meaning}) is missing`, false);
		}
		const parsed = flag(value);
		if (parsed === undefined)
			return this.fail(`field "${path}" must be 1 or 0, got ${describeType(value)}`, false);
		return parsed;
	}

	optionalFlag(source: Record<string, unknown>, key: string, path: string): boolean | null {
		const value = source[key];
		if (value === undefined || value === null || value === '') return null;
		const parsed = flag(value);
		if (parsed === undefined)
			return this.fail(`field "${path}" must be 1 or 0, got ${describeType(value)}`, null);
		return parsed;
	}
}

/**
 * Whether the text is a platform notice rather than a person's message: the service events of
 * shared/serviceEvents.ts (the one list, with where each was seen).
 */
export function isSystemNotification(text: string): boolean {
	return isServiceEvent(text);
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
		createdAtIso: isoTwin(rawClient.created_at),
		variables: clientVariables(rawClient),
		...clientAnswerFields(rawClient),
		otherFields: otherClientFields(rawClient),
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
		messengerMessageId: messengerMessageId(payload),
		direction: incoming ? 'incoming' : 'outgoing',
		text,
		isSystemNotification: isSystemNotification(text),
		client,
		attachments: parseAttachments(payload.attachments),
		attachmentDetails: parseAttachmentDetails(payload.attachments),
		delivered: read.optionalFlag(payload, 'delivered', 'delivered'),
		deliveryError: deliveryError === null || deliveryError.trim() === '' ? null : deliveryError,
		blockId: read.optionalWholeNumber(payload, 'message_id', 'message_id'),
		projectId: read.optionalWholeNumber(payload, 'project_id', 'project_id'),
		receivedAt: receivedAt.toISOString(),
		otherFields: otherTopLevelFields(payload),
	};
	return read.problem === null ? { ok: true, value: event } : notAnEvent(read.problem);
}
