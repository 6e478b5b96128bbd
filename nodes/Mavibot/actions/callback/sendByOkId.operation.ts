import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredId } from '../../helpers/idList';
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
		displayName: 'OK User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 575384911234',
		description:
			"The client's Odnoklassniki user ID (their platform_id in Mavibot). Mavibot creates the client if the ID is new.",
	},
	botLocator('searchOkGroups', {
		name: 'okGroup',
		displayName: 'OK Group',
		required: true,
		placeholder: 'e.g. 70000001234567',
		description: 'The connected Odnoklassniki group the client talks to (group_id)',
	}),
	callbackTextField(false),
	callbackAdditionalFields([clientNameField]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const userId = requiredId(
		this,
		itemIndex,
		'userId',
		'OK User ID',
		"Give the client's Odnoklassniki user ID, e.g. {{ $json.client.recepient }} after a Mavibot Trigger.",
	);
	const groupId = pickedBot(this, itemIndex, 'okGroup', 'OK Group', {
		required: true,
		fix: 'Pick the Odnoklassniki group from the list, or give its ID.',
	}) as string;
	const text = readCallbackText(this, itemIndex, false);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const identity: IDataObject = { user_id: userId, group_id: groupId };
	const body: IDataObject = { ...identity };
	if (!isBlank(fields.clientName)) body.name = String(fields.clientName).trim();
	if (text !== undefined) body.message = text;
	const variables = applyCallbackOptions(this, itemIndex, 'ok_callback', fields, body);
	const response = (await mavibotApiRequest.call(this, 'ok_callback', { body }, itemIndex)) as IDataObject;
	return callbackResult(response, identity, text, variables);
}
