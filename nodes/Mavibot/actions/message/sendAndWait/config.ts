import type { IDataObject } from 'n8n-workflow';

import type { PageField } from './pages';
import { pageTexts } from './texts';
import type { PageTexts } from './texts';

export type ResponseType = 'approval' | 'freeText' | 'customForm';

/** What the message and the pages are made of, read the same way when sending and when a page is opened. */
export interface SendAndWaitConfig {
	message: string;
	responseType: ResponseType;
	approvalType: 'single' | 'double';
	approveLabel: string;
	disapproveLabel: string;
	messageButtonLabel: string;
	formTitle: string;
	formDescription: string;
	formButtonLabel: string;
	thankYouText: string;
	linksInText: boolean;
	fields: PageField[];
	texts: PageTexts;
}

/** Reads one node parameter; the execute and webhook contexts take the item index differently. */
export type ParameterReader = (name: string, fallback: unknown) => unknown;

const text = (value: unknown, fallback = '') => (typeof value === 'string' ? value : fallback);
const label = (value: unknown, fallback: string) => text(value).trim() || fallback;

function choicesOf(value: unknown): string[] {
	const list = Array.isArray(value) ? value.map(String) : text(value).split(/[,\n]/);
	return [...new Set(list.map((choice) => choice.trim()).filter(Boolean))];
}

export function readFormFields(read: ParameterReader): PageField[] {
	const rows = (read('formFields.values', []) as IDataObject[] | undefined) ?? [];
	return rows.map((row, index) => ({
		name: `field-${index}`,
		label: text(row.fieldLabel).trim() || `Field ${index + 1}`,
		type: (text(row.fieldType) || 'text') as PageField['type'],
		required: row.requiredField === true,
		placeholder: text(row.placeholder).trim() || undefined,
		choices: row.fieldType === 'dropdown' ? choicesOf(row.fieldOptions) : undefined,
	}));
}

export function readConfig(read: ParameterReader): SendAndWaitConfig {
	const message = text(read('message', '')).trim();
	const responseType = text(read('responseType', 'approval'), 'approval') as ResponseType;
	const approval = (read('approvalOptions.values', {}) as IDataObject | undefined) ?? {};
	const options = (read('options', {}) as IDataObject | undefined) ?? {};
	const config = {
		message,
		responseType,
		approvalType: approval.approvalType === 'double' ? 'double' : 'single',
		approveLabel: label(approval.approveLabel, 'Approve'),
		disapproveLabel: label(approval.disapproveLabel, 'Decline'),
		messageButtonLabel: label(options.messageButtonLabel, 'Respond'),
		formTitle: text(options.responseFormTitle).trim(),
		formDescription: text(options.responseFormDescription).trim() || message,
		formButtonLabel: label(options.responseFormButtonLabel, 'Submit'),
		thankYouText: text(options.thankYouText).trim(),
		linksInText: options.linksInText === true,
		fields: responseType === 'customForm' ? readFormFields(read) : [],
	} satisfies Omit<SendAndWaitConfig, 'texts'>;
	// The labels the user typed decide the language; the English defaults do not count.
	const typed = [
		responseType === 'approval'
			? [config.approveLabel, config.disapproveLabel]
			: [config.messageButtonLabel],
		config.formButtonLabel,
		config.fields.map((field) => field.label),
		config.formTitle,
		config.formDescription,
		message,
	]
		.flat()
		.filter((value) => !['Approve', 'Decline', 'Respond', 'Submit', ''].includes(value));
	return { ...config, texts: pageTexts(text(options.pageLanguage, 'auto'), typed) };
}
