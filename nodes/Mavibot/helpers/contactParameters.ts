import type { IExecuteFunctions } from 'n8n-workflow';

import { requiredText } from './parameters';
import { invalidParameter } from './validation';

/* The parameter toolkit's readers of phones and e-mail addresses (parameters.ts re-exports them). */

type Context = IExecuteFunctions;

// Separators people write phone numbers with: "+7 (999) 123-45-67", "7.999.123.45.67".
const PHONE_SEPARATORS = /[\s+\-().]/g;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A required phone number. Any common format is accepted (Mavibot normalises it); the value must hold 7 to 15 digits
 * and nothing but digits and separators. Returns the number as given, trimmed.
 */
export function readPhone(
	context: Context,
	itemIndex: number,
	name = 'phone',
	displayName = 'Phone',
): string {
	const phone = requiredText(
		context,
		itemIndex,
		name,
		displayName,
		'Give a phone number with the country code, e.g. +7 999 123-45-67 or 79991234567.',
	);
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

/** A WhatsApp number (checked like any phone), as its bare digits: the form WhatsApp and Mavibot use for it. */
export function whatsAppNumber(
	context: Context,
	itemIndex: number,
	name = 'phone',
	displayName = 'Phone',
): string {
	return readPhone(context, itemIndex, name, displayName).replace(/\D/g, '');
}

/** An e-mail address (trimmed; must look like name@domain.tld). Empty gives undefined when `optional` says why. */
export function readEmail(
	context: Context,
	itemIndex: number,
	name?: string,
	displayName?: string,
): string;
export function readEmail(
	context: Context,
	itemIndex: number,
	name: string,
	displayName: string,
	optional: { fix: string },
): string | undefined;
export function readEmail(
	context: Context,
	itemIndex: number,
	name = 'email',
	displayName = 'E-Mail',
	optional?: { fix: string },
): string | undefined {
	const email = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (email === '') {
		if (optional) return undefined;
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			'is empty',
			'Give an e-mail address, e.g. name@example.com.',
		);
	}
	if (!EMAIL.test(email)) {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			`is "${email}", which is not an e-mail address`,
			optional?.fix ??
				'Give one address such as name@example.com, without a display name or angle brackets.',
		);
	}
	return email;
}
