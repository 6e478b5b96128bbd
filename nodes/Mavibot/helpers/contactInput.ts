import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from './validation';

// Separators people write phone numbers with: "+7 (999) 123-45-67", "7.999.123.45.67".
const PHONE_SEPARATORS = /[\s+\-().]/g;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads a required phone number parameter. Any common format is accepted (the API normalises it); the value must
 * hold 7 to 15 digits and nothing but digits and separators. Returns the number as given, trimmed.
 */
export function readPhone(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'phone',
	displayName = 'Phone',
): string {
	const phone = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (phone === '') {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			'is empty',
			'Give a phone number with the country code, e.g. +7 999 123-45-67 or 79991234567.',
		);
	}
	if (!/^\d{7,15}$/.test(phone.replace(PHONE_SEPARATORS, ''))) {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			`is "${phone}", which is not a phone number`,
			'Give 7 to 15 digits with the country code; spaces, +, -, dots and brackets are allowed, e.g. +7 999 123-45-67.',
		);
	}
	return phone;
}

/** Reads a required e-mail address parameter (trimmed; must look like name@domain.tld). */
export function readEmail(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'email',
	displayName = 'E-Mail',
): string {
	const email = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (email === '') {
		throw invalidParameter(context, itemIndex, displayName, 'is empty', 'Give an e-mail address, e.g. name@example.com.');
	}
	if (!EMAIL.test(email)) {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			`is "${email}", which is not an e-mail address`,
			'Give one address such as name@example.com, without a display name or angle brackets.',
		);
	}
	return email;
}
