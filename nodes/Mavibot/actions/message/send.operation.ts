import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredClientId } from '../../helpers/parameters';
import { messageBody } from '../../helpers/messageContent';
import type { OperationOption, OperationResult } from '../types';
import { attachmentFields } from '../fields/attachment';
import { botBlockLocator } from '../fields/botLocators';
import { collection } from '../fields/builders';
import { buttonFields } from '../fields/buttons';
import { clientIdField } from '../fields/clientId';
import { messageTextField } from '../fields/messageText';
import { scheduleFields } from '../fields/schedule';

export const option: OperationOption = {
	name: 'Send',
	value: 'send',
	action: 'Send a message to a client',
	description: 'Send text, a file, buttons or a bot block to a client by client ID',
};

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
	const body = messageBody(this, itemIndex, { client_id: clientId });
	const response = (await mavibotApiRequest.call(
		this,
		'message',
		{ body },
		itemIndex,
	)) as IDataObject;
	return { status: 'success', ...response, client_id: clientId };
}
