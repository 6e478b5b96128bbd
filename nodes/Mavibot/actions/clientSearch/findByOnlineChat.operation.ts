import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequestOrNotFound } from '../../transport';
import { optionalText, requiredText } from '../../helpers/parameters';
import type { OperationOption, OperationResult } from '../types';
import { collection } from '../fields/builders';
import { lookupResult } from './results';

export const option: OperationOption = {
	name: 'Find by Website Chat',
	value: 'findByOnlineChat',
	action: 'Find a client by website chat dialog',
	description:
		'Get the ID of the client behind a website chat dialog (recipient). Needs the modify permission: Mavibot may create the client.',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. chat-7f3a9c',
		description:
			'The website chat dialog ID: read MavibotAi.recipient_id with JavaScript on the page that shows the Mavibot chat widget',
	},
	collection('Additional Fields', [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Anna',
			description:
				'Client name sent with the lookup (name); Mavibot stores it on the website-chat client',
		},
		{
			displayName: 'Tag',
			name: 'tag',
			type: 'string',
			default: '',
			placeholder: 'e.g. pricing_page',
			description:
				'Client tag (label) sent with the lookup (tag); Mavibot stores it on the website-chat client',
		},
	]),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const recipient = requiredText(
		this,
		itemIndex,
		'recipient',
		'Recipient',
		'Give the website chat dialog ID (MavibotAi.recipient_id on the page with the chat widget).',
	);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { recipient };
	const tag = optionalText(fields.tag);
	const name = optionalText(fields.name);
	if (tag !== undefined) qs.tag = tag;
	if (name !== undefined) qs.name = name;
	const response = await mavibotApiRequestOrNotFound.call(
		this,
		'online_chat_client_id',
		{ qs },
		itemIndex,
	);
	return lookupResult(response, qs);
}
