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
		displayName: 'Telegram User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 146467928',
		description: "The client's Telegram user ID (their platform_id in Mavibot)",
	},
	botLocator('searchTelegramBots', {
		displayName: 'Telegram Bot',
		description:
			'The Telegram bot the client talks to (group_id: the bot username). Needed when the project has several Telegram bots.',
	}),
	callbackTextField(),
	callbackAdditionalFields(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const userId = requiredId(
		this,
		itemIndex,
		'userId',
		'Telegram User ID',
		"Give the client's Telegram user ID, e.g. {{ $json.client.recepient }} after a Mavibot Trigger.",
	);
	const groupId = pickedBot(this, itemIndex, 'bot', 'Telegram Bot', { required: false, fix: '' });
	const text = readCallbackText(this, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const identity: IDataObject = { user_id: userId, ...(groupId ? { group_id: groupId } : {}) };
	const body: IDataObject = { ...identity, message: text };
	const variables = applyCallbackOptions(this, itemIndex, 'tg_callback', fields, body);
	const response = (await mavibotApiRequest.call(this, 'tg_callback', { body }, itemIndex)) as IDataObject;
	return callbackResult(response, identity, text, variables);
}
