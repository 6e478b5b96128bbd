import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter, isBlank, parseJsonParameter } from './validation';

const BUTTON_TYPES = ['reply', 'inline', 'url', 'phone', 'location', 'web_app'];

/** Builds the API's `buttons` value: a plain array, or `{hint, buttons}` when a fallback text is given. */
export function buildButtons(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject | IDataObject[] | undefined {
	const fromUi =
		((fields.buttons as IDataObject | undefined)?.button as IDataObject[] | undefined) ?? [];
	const fromJson = parseJsonParameter(context, fields.buttonsJson, 'Buttons (JSON)', itemIndex);
	if (fromUi.length && fromJson !== undefined) {
		throw invalidParameter(
			context,
			itemIndex,
			'Buttons (JSON)',
			'is set together with "Buttons"',
			'Build the buttons either in the "Buttons" list or as JSON, not both.',
		);
	}
	let buttons: IDataObject[] | undefined;
	if (fromJson !== undefined) {
		if (Array.isArray(fromJson)) buttons = fromJson as IDataObject[];
		else if (
			fromJson &&
			typeof fromJson === 'object' &&
			Array.isArray((fromJson as IDataObject).buttons)
		) {
			const object = fromJson as IDataObject;
			if (isBlank(fields.buttonsHint)) return object;
			return { ...object, hint: fields.buttonsHint };
		} else {
			throw invalidParameter(
				context,
				itemIndex,
				'Buttons (JSON)',
				'is neither an array of buttons nor an object with a "buttons" array',
				'Use [{"text": "Yes", "type": "reply"}] or {"hint": "Reply 1 or 2", "buttons": [...]}.',
			);
		}
	} else if (fromUi.length) {
		buttons = fromUi.map((button, index) => toApiButton(context, itemIndex, button, index));
	}
	if (!buttons) return undefined;
	buttons.forEach((button, index) => {
		if (isBlank(button.text)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Buttons',
				`has a button ${index + 1} without text`,
				'Every button needs a text (no double quotes inside).',
			);
		}
	});
	return isBlank(fields.buttonsHint) ? buttons : { hint: String(fields.buttonsHint), buttons };
}

function toApiButton(
	context: IExecuteFunctions,
	itemIndex: number,
	button: IDataObject,
	index: number,
): IDataObject {
	const type = String(button.type ?? 'reply');
	if (!BUTTON_TYPES.includes(type)) {
		throw invalidParameter(
			context,
			itemIndex,
			'Buttons',
			`has an unknown type "${type}"`,
			'Pick a type from the list.',
		);
	}
	const apiButton: IDataObject = { text: button.text };
	// A URL button is an inline button with a link (Telegram and Instagram show links only on inline buttons).
	apiButton.type = type === 'url' ? 'inline' : type;
	if (type === 'url' || type === 'web_app') {
		const link = type === 'url' ? button.url : button.webApp;
		if (isBlank(link)) {
			throw invalidParameter(
				context,
				itemIndex,
				type === 'url' ? 'Buttons → URL' : 'Buttons → Web App URL',
				`is empty for button ${index + 1}`,
				'Give the address the button opens.',
			);
		}
		if (type === 'url') apiButton.url = link;
		else apiButton.web_app = link;
	}
	if (!isBlank(button.line)) apiButton.line = Number(button.line);
	if (!isBlank(button.indexInLine)) apiButton.index_in_line = Number(button.indexInLine);
	if (!isBlank(button.style)) apiButton.color = button.style;
	if (button.oneTime === true) apiButton.one_time = 1;
	return apiButton;
}
