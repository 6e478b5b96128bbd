import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredClientId } from '../../helpers/parameters';
import { messageBody } from '../../helpers/messageContent';
import type { OperationResult } from '../types';
import {
	attachmentFields,
	botBlockLocator,
	buttonFields,
	clientIdField,
	messageTextField,
	collection,
	scheduleFields,
} from '../common.descriptions';

export const description: INodeProperties[] = [
	clientIdField,
	messageTextField('e.g. Your order has shipped'),
	collection('Additional Fields', [
		...attachmentFields,
		botBlockLocator,
		...buttonFields,
		...scheduleFields,
	]),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const clientId = requiredClientId(this, itemIndex);
	const { body, attachment } = await messageBody(this, itemIndex, { client_id: clientId });
	const response = (await mavibotApiRequest.call(
		this,
		'message',
		{ body },
		itemIndex,
	)) as IDataObject;
	return {
		status: 'success',
		...response,
		client_id: clientId,
		...(attachment ? { attachment } : {}),
	};
}
