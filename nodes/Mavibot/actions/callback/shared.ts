import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { applyScheduling } from '../../helpers/scheduling';
import {
	optionalText,
	readEmail,
	readPhone,
	requiredClientId,
	requiredId,
	requiredText,
} from '../../helpers/parameters';
import { invalidParameter, isBlank } from '../../helpers/validation';
import { mavibotApiRequest } from '../../transport';
import type { MavibotOperation } from '../types';
import {
	clientIdField,
	collection,
	requiredTextField,
	resumeBotField,
	scheduleFields,
} from '../common.descriptions';
import { nameValueRows, nameValueRowsField, readNameValueRows } from '../../helpers/variablesInput';

/** The single-client callback actions (send_callback_by_platform_id has no variables or resume_bot). */
export type CallbackAction =
	| 'callback'
	| 'tg_callback'
	| 'whatsapp_callback'
	| 'email_callback'
	| 'vk_callback'
	| 'ok_callback';

const COMMON_PARAMETERS = ['message', 'resume_bot', 'time_shift', 'send_time'];

/**
 * The parameters each action reads itself. Mavibot saves every other parameter as a client variable, so a
 * variable with one of these names would change the request instead of being saved. `callback` also reads
 * `phone`/`email` as identifiers and `tg_callback` a Telegram Business flag, so those names are refused too.
 */
export const ACTION_PARAMETERS: Record<CallbackAction, string[]> = {
	callback: ['client_id', 'client_phone', 'client_email', 'phone', 'email', ...COMMON_PARAMETERS],
	tg_callback: ['user_id', 'group_id', 'tg_business', ...COMMON_PARAMETERS],
	whatsapp_callback: ['phone', 'name', 'bot_id', ...COMMON_PARAMETERS],
	email_callback: ['email', 'email_id_bot', 'name', ...COMMON_PARAMETERS],
	vk_callback: ['user_id', 'group_id', ...COMMON_PARAMETERS],
	ok_callback: ['user_id', 'group_id', 'name', ...COMMON_PARAMETERS],
};

/** Names of Mavibot's "universal webhook" machinery (§2.6): they redirect other parameters. */
const INDIRECTION = /^(value_|delimiter)/;

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

/** The output item of a single-client callback: the API's answer, what identified the client, text, variables. */
export function callbackResult(
	response: IDataObject,
	identity: IDataObject,
	text: string | undefined,
	variables: IDataObject,
): IDataObject {
	return {
		status: 'success',
		...response,
		...identity,
		...(text !== undefined ? { callback_text: text } : {}),
		...(Object.keys(variables).length ? { variables } : {}),
	};
}

/* ---- Callback → Send: identify the client by ID, phone or e-mail ---- */

export const identificationFields: INodeProperties[] = [
	{
		displayName: 'Identify Client By',
		name: 'identifyClientBy',
		type: 'options',
		noDataExpression: true,
		default: 'clientId',
		description: 'How Mavibot finds the client the callback is for',
		options: [
			{ name: 'Client ID', value: 'clientId', description: 'The Mavibot client ID (client_id)' },
			{
				name: 'E-Mail',
				value: 'email',
				description: 'An e-mail address saved on the client (client_email)',
			},
			{
				name: 'Phone',
				value: 'phone',
				description: 'A phone number of the client: WhatsApp number or saved phone (client_phone)',
			},
		],
	},
	{ ...clientIdField, displayOptions: { show: { identifyClientBy: ['clientId'] } } },
	{
		displayName: 'Client Phone',
		name: 'clientPhone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 79991234567',
		description: 'Phone number of the client, with the country code. Sent as typed.',
		displayOptions: { show: { identifyClientBy: ['phone'] } },
	},
	{
		displayName: 'Client E-Mail',
		name: 'clientEmail',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ann@example.com',
		description: 'E-mail address of the client',
		displayOptions: { show: { identifyClientBy: ['email'] } },
	},
];

/** Reads "Identify Client By" and returns the identifying parameter: client_id, client_phone or client_email. */
export function identifyClient(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const by = context.getNodeParameter('identifyClientBy', itemIndex, 'clientId') as string;
	if (by === 'phone')
		return { client_phone: readPhone(context, itemIndex, 'clientPhone', 'Client Phone') };
	if (by === 'email')
		return { client_email: readEmail(context, itemIndex, 'clientEmail', 'Client E-Mail') };
	if (by !== 'clientId') {
		throw invalidParameter(
			context,
			itemIndex,
			'Identify Client By',
			`is "${by}"`,
			'Choose Client ID, Phone or E-Mail.',
		);
	}
	return { client_id: requiredClientId(context, itemIndex) };
}

/* ---- The single-client callbacks: one factory ---- */

/** "<Messenger> User ID": the client's platform_id in one messenger. */
export function userIdField(
	displayName: string,
	placeholder: string,
	description: string,
): INodeProperties {
	return requiredTextField(displayName, 'userId', placeholder, description);
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

export interface CallbackSpec {
	action: CallbackAction;
	/** The fields that say who gets the callback (shown before Callback Text). */
	recipientFields: INodeProperties[];
	/** Reads them: the parameters that identify the client (and its bot) in the request, in request order. */
	identify: (context: IExecuteFunctions, itemIndex: number) => IDataObject;
	/** Whether the callback text is required; when not, an empty text only creates or updates the client. */
	textRequired: boolean;
	/** Whether the action takes a client name (`name`, under Additional Fields). */
	clientName?: boolean;
}

/**
 * A single-client callback operation: the recipient fields, Callback Text, and Additional Fields (client name, Resume
 * Bot, schedule, variables). The request body is the identity, name, message, then the additional parameters.
 */
export function callbackOperation(
	spec: CallbackSpec,
): Pick<MavibotOperation, 'description' | 'execute'> {
	return {
		description: [
			...spec.recipientFields,
			callbackTextField(spec.textRequired),
			callbackAdditionalFields(spec.clientName ? [clientNameField] : []),
		],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const identity = spec.identify(this, itemIndex);
			const text = readCallbackText(this, itemIndex, spec.textRequired);
			const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const body: IDataObject = { ...identity };
			const name = spec.clientName ? optionalText(fields.clientName) : undefined;
			if (name !== undefined) body.name = name;
			if (text !== undefined) body.message = text;
			const variables = applyCallbackOptions(this, itemIndex, spec.action, fields, body);
			const response = (await mavibotApiRequest.call(
				this,
				spec.action,
				{ body },
				itemIndex,
			)) as IDataObject;
			return callbackResult(response, identity, text, variables);
		},
	};
}
