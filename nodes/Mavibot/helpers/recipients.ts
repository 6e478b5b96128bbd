import type { IExecuteFunctions } from 'n8n-workflow';

import { readPhone } from './contactInput';
import { parseIdList } from './idList';
import { locatorValue } from './messageContent';
import { invalidParameter, isBlank } from './validation';

/** Reads a text parameter that must not be empty; returns it trimmed. */
export function requiredText(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
	fix: string,
): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	if (isBlank(value)) throw invalidParameter(context, itemIndex, displayName, 'is empty', fix);
	return String(value).trim();
}

/**
 * Reads a WhatsApp number (checked by `readPhone`: 7 to 15 digits with the usual +, spaces, dashes, brackets) and
 * returns its bare digits, the form WhatsApp uses for a number.
 */
export function whatsAppNumber(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'phone',
	displayName = 'Phone',
): string {
	return readPhone(context, itemIndex, name, displayName).replace(/\D/g, '');
}

/**
 * Reads a bot or channel picked with `botLocator()`. Returns undefined when it is empty and not required.
 */
export function pickedBot(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
	{ required, fix }: { required: boolean; fix: string },
): string | undefined {
	const value = locatorValue(context.getNodeParameter(name, itemIndex, ''));
	if (value === '') {
		if (required) throw invalidParameter(context, itemIndex, displayName, 'is empty', fix);
		return undefined;
	}
	return value;
}

/**
 * Reads messenger IDs (platform_id: Telegram user ID, WhatsApp phone, VK ID, e-mail…) given as an array, a number,
 * or text separated by commas or new lines. Numbers stay numbers and strings stay strings (text gives strings, so a
 * phone such as "079…" keeps its leading zero); duplicates are dropped. An empty list is refused.
 */
export function platformIdList(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): Array<string | number> {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	const entries = Array.isArray(value) ? value.flat(Infinity) : [value];
	const wrong = entries.find(
		(entry) => entry !== null && entry !== undefined && typeof entry !== 'string' && typeof entry !== 'number',
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
	const ids = parseIdList(context, value, displayName, itemIndex);
	if (!ids.length) {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			'is empty',
			'Give at least one messenger ID (Telegram user ID, WhatsApp phone, VK ID…), separated by commas or new lines, or an array expression such as {{ $json.platformIds }}.',
		);
	}
	return ids;
}
