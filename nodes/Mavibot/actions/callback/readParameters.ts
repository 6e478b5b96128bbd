import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { applyScheduling } from '../../helpers/scheduling';
import { requiredId, requiredText } from '../../helpers/parameters';
import { isBlank } from '../../helpers/validation';
import { nameValueRows, readNameValueRows } from '../../helpers/variablesInput';
import type { CallbackAction } from './reservedParameters';
import { ACTION_PARAMETERS, INDIRECTION } from './reservedParameters';

/* Reading the callback fields of one item (fields.ts declares them). */

/** Reads the callback text; an empty text is refused when `required`, otherwise left out. */
export function readCallbackText(
	context: IExecuteFunctions,
	itemIndex: number,
	required = true,
): string | undefined {
	const value = context.getNodeParameter('callbackText', itemIndex, '') as unknown;
	if (!required && isBlank(value)) return undefined;
	return requiredText(
		context,
		itemIndex,
		'callbackText',
		'Callback Text',
		'Write the text the bot reacts to, e.g. paid_ok (the condition of the block that should start).',
	);
}

/** Reads "Variables to Save" and refuses empty, repeated and reserved names. */
export function readVariablesToSave(
	context: IExecuteFunctions,
	itemIndex: number,
	action: CallbackAction,
	fields: IDataObject,
): IDataObject {
	return readNameValueRows(
		context,
		itemIndex,
		'Variables to Save',
		nameValueRows(fields.variablesToSave),
		{
			refuseName: (name) =>
				ACTION_PARAMETERS[action].includes(name) || INDIRECTION.test(name)
					? {
							problem: `has a variable named "${name}", which is a parameter of "${action}"`,
							fix: `Mavibot would read "${name}" as a parameter of the request, not save it. Rename the variable (e.g. ${name}_value), or save it with Variable → Set.`,
						}
					: undefined,
		},
	);
}

/**
 * Adds the Additional Fields shared by the single-client callbacks to `body`: resume_bot, send_time/time_shift,
 * and the variables as extra parameters. Returns the variables (empty when none).
 */
export function applyCallbackOptions(
	context: IExecuteFunctions,
	itemIndex: number,
	action: CallbackAction,
	fields: IDataObject,
	body: IDataObject,
): IDataObject {
	const variables = readVariablesToSave(context, itemIndex, action, fields);
	if (fields.resumeBot === true) body.resume_bot = true;
	applyScheduling(context, itemIndex, fields, body);
	Object.assign(body, variables);
	return variables;
}

/** Reads the "<Messenger> User ID" field (userId) of the `messenger` named in the fix-it text. */
export function readUserId(
	context: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
	messenger: string,
) {
	const fix = `Give the client's ${messenger} user ID, e.g. {{ $json.client.recepient }} after a Mavibot Trigger.`;
	return requiredId(context, itemIndex, 'userId', displayName, fix);
}
