import type { INodeProperties } from 'n8n-workflow';

import { nameValueRowsField } from '../../helpers/variablesInput';
import { collection, requiredTextField } from '../fields/builders';
import { scheduleFields } from '../fields/schedule';

/* The fields of the callback operations. */

export function callbackTextField(required = true): INodeProperties {
	return {
		displayName: 'Callback Text',
		name: 'callbackText',
		type: 'string',
		required,
		default: '',
		placeholder: 'e.g. paid_ok',
		description: required
			? 'The hidden message the bot receives as if the client had written it (leading and trailing spaces removed). The client does not see it; a block whose condition matches the text starts.'
			: 'The hidden message the bot receives as if the client had written it; a block whose condition matches the text starts. May be empty: then only the client is created or updated (name, variables, Resume Bot) and the bot gets no message.',
	};
}

export const variablesToSaveField = nameValueRowsField(
	'Variables to Save',
	'variablesToSave',
	'Client variables Mavibot saves together with the callback (sent as extra parameters of the request). A name may not be one of the parameters of the action, such as message or client_id.',
	{
		namePlaceholder: 'e.g. order_sum',
		nameDescription: 'Name of the client variable',
		valuePlaceholder: 'e.g. 1500',
		valueDescription: 'Value to save',
	},
);

/** "Additional Fields" of a single-client callback: `extra` first, then Resume Bot, schedule and variables. */
export function callbackAdditionalFields(extra: INodeProperties[] = []): INodeProperties {
	return collection('Additional Fields', [
		...extra,
		resumeBotField,
		...scheduleFields,
		variablesToSaveField,
	]);
}

export const clientNameField: INodeProperties = {
	displayName: 'Client Name',
	name: 'clientName',
	type: 'string',
	default: '',
	placeholder: 'e.g. Ann Petrova',
	description: 'Name for the client (used when Mavibot creates the client)',
};

export const resumeBotField: INodeProperties = {
	displayName: 'Resume Bot',
	name: 'resumeBot',
	type: 'boolean',
	default: false,
	description: 'Whether to un-pause the bot for this client if an operator paused it',
};

/** "<Messenger> User ID": the client's platform_id in one messenger. */
export function userIdField(
	displayName: string,
	placeholder: string,
	description: string,
): INodeProperties {
	return requiredTextField(displayName, 'userId', placeholder, description);
}
