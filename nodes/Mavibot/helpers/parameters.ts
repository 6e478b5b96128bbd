import type { IExecuteFunctions } from 'n8n-workflow';

import { parseIdList, toApiId } from './idList';
import { invalidParameter, isBlank } from './validation';

/**
 * The readers every operation uses for the kinds of values it takes. Each reads one parameter of one item, refuses
 * what cannot be sent with an error that names the parameter and the item and says how to fix it, and returns the
 * value in the one form the API gets for that kind:
 *
 * | kind            | reader                       | sent as                                                  |
 * | text            | requiredText / optionalText  | trimmed                                                  |
 * | client ID       | requiredClientId             | a number (anything else is refused)                      |
 * | other ID        | requiredId                   | whole numbers as numbers, anything else as given         |
 * | list ID         | requiredListId / listId      | a number (anything else is refused)                      |
 * | ID list         | requiredIdList               | array, duplicates dropped (numbers with `numeric`)       |
 * | messenger IDs   | platformIdList               | array of the strings and numbers given                   |
 * | phone           | readPhone (*)                | as typed, trimmed (Mavibot normalises it)                |
 * | WhatsApp number | whatsAppNumber (*)           | digits only                                              |
 * | e-mail          | readEmail (*)                | trimmed                                                  |
 * | bot, locator    | locatorValue / readBot       | the locator's value as n8n extracts it, trimmed          |
 *
 * (*) in contactParameters.ts.
 */

type Context = IExecuteFunctions;

const CLIENT_ID_FIX =
	'Give the Mavibot client ID, e.g. {{ $json.client.id }} after a Mavibot Trigger or a Find operation.';

/** A text that must not be empty, trimmed. A list or an object from an expression is refused. */
export function requiredText(
	context: Context,
	itemIndex: number,
	name: string,
	displayName: string,
	fix: string,
): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	if (value !== null && typeof value === 'object') {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			'is a list or an object, not a single value',
			fix,
		);
	}
	const text = String(value ?? '').trim();
	if (text === '') throw invalidParameter(context, itemIndex, displayName, 'is empty', fix);
	return text;
}

/** An optional text field (e.g. of Additional Fields), trimmed; undefined when it is empty. */
export function optionalText(value: unknown): string | undefined {
	return isBlank(value) ? undefined : String(value).trim();
}

/** A required ID (a messenger user ID…) in the API's form. */
export function requiredId(
	context: Context,
	itemIndex: number,
	name: string,
	displayName: string,
	fix: string,
): string | number {
	const text = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (text === '') throw invalidParameter(context, itemIndex, displayName, 'is empty', fix);
	return toApiId(text);
}

/** The required Client ID. Mavibot numbers its clients, so anything but a whole number is refused before sending. */
export function requiredClientId(context: Context, itemIndex: number): number {
	const id = requiredId(context, itemIndex, 'clientId', 'Client ID', CLIENT_ID_FIX);
	if (typeof id !== 'number') {
		throw invalidParameter(
			context,
			itemIndex,
			'Client ID',
			`is "${id}", which is not a Mavibot client ID`,
			CLIENT_ID_FIX,
		);
	}
	return id;
}

const LIST_ID_FIX = 'Give the number of the client list in Mavibot, e.g. 1170282.';

/** A client list ID (a whole number, sent as a number) from `value`; undefined when it is empty. */
export function listId(context: Context, itemIndex: number, value: unknown): number | undefined {
	const text = String(value ?? '').trim();
	if (text === '') return undefined;
	if (!/^\d+$/.test(text)) {
		throw invalidParameter(
			context,
			itemIndex,
			'List ID',
			`is "${text}", which is not a list ID`,
			LIST_ID_FIX,
		);
	}
	return Number(text);
}

/** The required List ID parameter (listId). */
export function requiredListId(context: Context, itemIndex: number): number {
	const id = listId(context, itemIndex, context.getNodeParameter('listId', itemIndex, ''));
	if (id === undefined)
		throw invalidParameter(context, itemIndex, 'List ID', 'is empty', LIST_ID_FIX);
	return id;
}

/**
 * A list of IDs (array, number, or text separated by commas or new lines) that must not be empty. `numeric` refuses
 * anything but whole numbers and sends them as numbers.
 */
export function requiredIdList(
	context: Context,
	itemIndex: number,
	name: string,
	displayName: string,
	{
		numeric = false,
		fix = 'Give at least one Mavibot client ID.',
	}: { numeric?: boolean; fix?: string } = {},
): Array<string | number> {
	const ids = parseIdList(
		context,
		context.getNodeParameter(name, itemIndex, ''),
		displayName,
		itemIndex,
		{ numeric },
	);
	if (!ids.length) throw invalidParameter(context, itemIndex, displayName, 'is empty', fix);
	return ids;
}

/**
 * Messenger IDs (platform_id: Telegram user ID, WhatsApp phone, VK ID, e-mail…) given as an array, a number, or text
 * separated by commas or new lines. Numbers stay numbers and strings stay strings (text gives strings, so a phone such
 * as "079…" keeps its leading zero); duplicates are dropped. An empty list is refused.
 */
export function platformIdList(
	context: Context,
	itemIndex: number,
	name: string,
	displayName: string,
): Array<string | number> {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	const entries = Array.isArray(value) ? value.flat(Infinity) : [value];
	const wrong = entries.find(
		(entry) =>
			entry !== null &&
			entry !== undefined &&
			typeof entry !== 'string' &&
			typeof entry !== 'number',
	);
	if (wrong !== undefined) {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			`contains ${JSON.stringify(wrong)}, which is not a messenger ID`,
			'Give the IDs themselves (strings or numbers), e.g. {{ $json.users.map(user => user.telegram_id) }}.',
		);
	}
	return requiredIdList(context, itemIndex, name, displayName, {
		fix: 'Give at least one messenger ID (Telegram user ID, WhatsApp phone, VK ID…), separated by commas or new lines, or an array expression such as {{ $json.platformIds }}.',
	});
}

/**
 * The value of a resource locator (a bot, a channel, a bot block), as n8n extracts it from whichever mode was used;
 * '' when it is empty. `name` may be a path into a collection, e.g. "filters.bot".
 */
export function locatorValue(context: Context, itemIndex: number, name: string): string {
	return String(context.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim();
}

/** A bot or channel that must be given (see botLocator()); `fix` says how to pick it. */
export function readBot(
	context: Context,
	itemIndex: number,
	name: string,
	displayName: string,
	fix: string,
): string {
	const value = locatorValue(context, itemIndex, name);
	if (value === '') throw invalidParameter(context, itemIndex, displayName, 'is empty', fix);
	return value;
}
