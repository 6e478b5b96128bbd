import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toApiId } from '../../helpers/idList';
import { invalidParameter } from '../../helpers/validation';
import { clientIdField } from '../fields/clientId';

/** Fields and readers shared by the Deal operations. */

export const dealClientIdField: INodeProperties = {
	...clientIdField,
	description:
		'The Mavibot client ID (a number) the deal belongs to. The Find operations look it up by phone, e-mail or variable.',
};

export const dealIdField: INodeProperties = {
	displayName: 'Deal ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 40632',
	description:
		'The MavibotCRM deal ID (order_id, a number) of this client, e.g. from Deal → Create, Get Current or Get Many',
};

export const stageIdField: INodeProperties = {
	displayName: 'Stage ID',
	name: 'stateId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 102',
	description:
		'The ID of a pipeline stage in MavibotCRM (state_id, a number), as shown in the CRM settings',
};

/**
 * Checks an ID that must be a whole number (deal ID, stage ID) and returns it in the API's form. Returns undefined
 * for an empty optional value; a required empty value or anything but digits is refused, naming the field and the item.
 */
export function numericId(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	displayName: string,
	{ required = true, example }: { required?: boolean; example: string },
): string | number | undefined {
	const text = String(value ?? '').trim();
	if (text === '') {
		if (!required) return undefined;
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			'is empty',
			`Give the ${displayName}, e.g. ${example}.`,
		);
	}
	if (!/^\d+$/.test(text)) {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			`is "${text}", which is not a whole number`,
			`Give the numeric ${displayName}, e.g. ${example}.`,
		);
	}
	return toApiId(text);
}

const DEAL_EXAMPLE = '40632, or {{ $json.order_id }} after Deal → Create or Get Current';
const STAGE_EXAMPLE = '102 (the stage IDs are listed in the MavibotCRM pipeline settings)';

/** The Deal ID parameter (orderId); empty is allowed when `required` is false. */
export const readDealId = (context: IExecuteFunctions, itemIndex: number, required = true) =>
	numericId(context, itemIndex, context.getNodeParameter('orderId', itemIndex, ''), 'Deal ID', {
		required,
		example: DEAL_EXAMPLE,
	});

/** A Stage ID value (the stateId parameter, or additionalFields.stateId on Create). */
export const checkStageId = (
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	required = true,
) => numericId(context, itemIndex, value, 'Stage ID', { required, example: STAGE_EXAMPLE });
