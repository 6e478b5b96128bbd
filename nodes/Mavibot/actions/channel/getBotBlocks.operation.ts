import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { invalidParameter } from '../../helpers/validation';
import type { OperationOption, OperationResult } from '../types';
import { limitField, returnAllField } from '../fields/paging';

export const option: OperationOption = {
	name: 'Get Bot Blocks',
	value: 'getBotBlocks',
	action: 'Get the blocks of the bot',
	description:
		'List the blocks of the bot scheme (ID, condition, answer, description); a block ID can be sent as a message',
};

export const description: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. payment',
		description:
			'Output only the blocks whose condition (the text that triggers the block) or description contains this text, ignoring case. Empty: every block.',
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	let limit = Infinity;
	if (!returnAll) {
		limit = Number(this.getNodeParameter('limit', itemIndex, 50));
		if (!Number.isInteger(limit) || limit < 1) {
			throw invalidParameter(
				this,
				itemIndex,
				'Limit',
				`is "${limit}", which is not a whole number of 1 or more`,
				'Give how many blocks to output, e.g. 50, or turn on Return All.',
			);
		}
	}
	const search = String(this.getNodeParameter('search', itemIndex, '') ?? '')
		.trim()
		.toLowerCase();
	const response = (await mavibotApiRequest.call(this, 'get_messages', {}, itemIndex)) as
		| IDataObject
		| IDataObject[];
	// Documented as {"messages": [{id, condition, answer, message_type, description}]}; a bare list is accepted too.
	const list = Array.isArray(response) ? response : response?.messages;
	const blocks = (Array.isArray(list) ? list : []).filter(
		(block): block is IDataObject => block !== null && typeof block === 'object',
	);
	const matching = search
		? blocks.filter((block) =>
				[block.condition, block.description].some((text) =>
					String(text ?? '')
						.toLowerCase()
						.includes(search),
				),
			)
		: blocks;
	return matching.slice(0, limit);
}
