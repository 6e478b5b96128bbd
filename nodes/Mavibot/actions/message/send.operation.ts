import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredId } from '../../helpers/idList';
import { buildMessageContent } from '../../helpers/messageContent';
import { applyScheduling } from '../../helpers/scheduling';
import type { OperationResult } from '../types';
import {
	attachmentFields,
	botBlockLocator,
	buttonFields,
	clientIdField,
	scheduleFields,
} from '../common.descriptions';

export const description: INodeProperties[] = [
	clientIdField,
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'e.g. Your order has shipped',
		description: 'The message text. May be empty when an attachment or a bot block is sent.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...attachmentFields, botBlockLocator, ...buttonFields, ...scheduleFields],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const clientId = requiredId(this, itemIndex);
	const text = this.getNodeParameter('text', itemIndex, '') as string;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { client_id: clientId, ...buildMessageContent(this, itemIndex, text, fields) };
	applyScheduling(this, itemIndex, fields, body);
	const response = (await mavibotApiRequest.call(this, 'message', { body }, itemIndex)) as IDataObject;
	return { status: 'success', ...response, client_id: clientId };
}
