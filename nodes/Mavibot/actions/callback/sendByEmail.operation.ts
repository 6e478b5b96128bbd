import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { readEmail } from '../../helpers/contactInput';
import { pickedBot } from '../../helpers/recipients';
import { isBlank } from '../../helpers/validation';
import type { OperationResult } from '../types';
import { botLocator } from '../common.descriptions';
import {
	applyCallbackOptions,
	callbackAdditionalFields,
	callbackResult,
	callbackTextField,
	clientNameField,
	readCallbackText,
} from './shared';

export const description: INodeProperties[] = [
	{
		displayName: 'E-Mail',
		name: 'email',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ann@example.com',
		description: 'E-mail address of the client. Mavibot creates the client if the address is new.',
	},
	botLocator('searchEmailBots', {
		name: 'emailBot',
		displayName: 'E-Mail Bot',
		required: true,
		placeholder: 'e.g. bot@shop.example',
		description: 'The connected e-mail bot (email_id_bot: the address of the bot)',
	}),
	callbackTextField(false),
	callbackAdditionalFields([clientNameField]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const email = readEmail(this, itemIndex, 'email', 'E-Mail');
	const bot = pickedBot(this, itemIndex, 'emailBot', 'E-Mail Bot', {
		required: true,
		fix: 'Pick the e-mail bot from the list, or give its address, e.g. bot@shop.example.',
	}) as string;
	const text = readCallbackText(this, itemIndex, false);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const identity: IDataObject = { email, email_id_bot: bot };
	const body: IDataObject = { ...identity };
	if (!isBlank(fields.clientName)) body.name = String(fields.clientName).trim();
	if (text !== undefined) body.message = text;
	const variables = applyCallbackOptions(this, itemIndex, 'email_callback', fields, body);
	const response = (await mavibotApiRequest.call(this, 'email_callback', { body }, itemIndex)) as IDataObject;
	return callbackResult(response, identity, text, variables);
}
