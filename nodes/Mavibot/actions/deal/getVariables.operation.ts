import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredClientId } from '../../helpers/parameters';
import { invalidParameter } from '../../helpers/validation';
import type { OperationOption, OperationResult } from '../types';
import { dealClientIdField, dealIdField, readDealId } from './fields';

export const option: OperationOption = {
	name: 'Get Variables',
	value: 'getVariables',
	action: 'Get variables of a deal',
	description: 'Read named variables of a deal',
};

export const description: INodeProperties[] = [
	dealClientIdField,
	{
		...dealIdField,
		description: "The MavibotCRM deal ID (order_id, a number) of one of this client's deals",
	},
	{
		displayName: 'Variable Names',
		name: 'variableNames',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order_sum, delivery_date',
		description:
			'The deal variables to read: names separated by commas or new lines, or an array expression. A variable the deal does not have comes back as Mavibot reports it (usually null).',
	},
];

/** Variable names from an array, a JSON array text, or text separated by commas, semicolons or new lines. */
function parseNames(context: IExecuteFunctions, itemIndex: number, value: unknown): string[] {
	let raw: unknown[];
	if (Array.isArray(value)) {
		raw = value.flat(Infinity);
	} else {
		const text = String(value ?? '').trim();
		let parsed: unknown;
		if (text.startsWith('[')) {
			try {
				parsed = JSON.parse(text);
			} catch {
				parsed = undefined;
			}
		}
		raw = Array.isArray(parsed) ? parsed.flat(Infinity) : text.split(/[,;\n\r]+/);
	}
	const names: string[] = [];
	for (const entry of raw) {
		if (entry !== null && typeof entry === 'object') {
			throw invalidParameter(
				context,
				itemIndex,
				'Variable Names',
				'contains an object',
				'Give variable names as text, e.g. order_sum, delivery_date, or an array of names.',
			);
		}
		const name = String(entry ?? '')
			.trim()
			.replace(/^["']|["']$/g, '')
			.trim();
		if (name !== '' && !names.includes(name)) names.push(name);
	}
	if (!names.length) {
		throw invalidParameter(
			context,
			itemIndex,
			'Variable Names',
			'is empty',
			'Give at least one deal variable name, e.g. order_sum, delivery_date.',
		);
	}
	return names;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const clientId = requiredClientId(this, itemIndex);
	const orderId = readDealId(this, itemIndex);
	const names = parseNames(this, itemIndex, this.getNodeParameter('variableNames', itemIndex, ''));
	const response = (await mavibotApiRequest.call(
		this,
		'get_order_vars',
		{ body: { client_id: clientId, order_id: orderId, variables: names } },
		itemIndex,
	)) as IDataObject;
	const result = response.result;
	const variables =
		result && typeof result === 'object' && !Array.isArray(result) ? (result as IDataObject) : {};
	return { client_id: clientId, order_id: orderId, variables };
}
