import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredId } from '../../helpers/idList';
import { pickedBot } from '../../helpers/recipients';
import type { OperationResult } from '../types';
import { botLocator } from '../common.descriptions';
import {
	applyCallbackOptions,
	callbackAdditionalFields,
	callbackResult,
	callbackTextField,
	readCallbackText,
} from './shared';

export const description: INodeProperties[] = [
	{
		displayName: 'VK User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 146467928',
		description: "The client's VK user ID (their platform_id in Mavibot). The client must already exist in Mavibot.",
	},
	botLocator('searchVkGroups', {
		name: 'vkGroup',
		displayName: 'VK Community',
		required: true,
		placeholder: 'e.g. 143414131',
		description: 'The connected VK community the client talks to (group_id)',
	}),
	callbackTextField(false),
	callbackAdditionalFields(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const userId = requiredId(
		this,
		itemIndex,
		'userId',
		'VK User ID',
		"Give the client's VK user ID, e.g. {{ $json.client.recepient }} after a Mavibot Trigger.",
	);
	const groupId = pickedBot(this, itemIndex, 'vkGroup', 'VK Community', {
		required: true,
		fix: 'Pick the VK community from the list, or give its ID, e.g. 143414131.',
	}) as string;
	const text = readCallbackText(this, itemIndex, false);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const identity: IDataObject = { user_id: userId, group_id: groupId };
	const body: IDataObject = { ...identity };
	if (text !== undefined) body.message = text;
	const variables = applyCallbackOptions(this, itemIndex, 'vk_callback', fields, body);
	const response = (await mavibotApiRequest.call(this, 'vk_callback', { body }, itemIndex)) as IDataObject;
	return callbackResult(response, identity, text, variables);
}
