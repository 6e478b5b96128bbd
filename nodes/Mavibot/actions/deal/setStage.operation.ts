import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredClientId } from '../../helpers/parameters';
import type { OperationOption, OperationResult } from '../types';
import { checkStageId, dealClientIdField, stageIdField } from './fields';

export const option: OperationOption = {
	name: 'Set Stage',
	value: 'setStage',
	action: 'Set the stage of the current deal',
	description: "Move the client's current deal to a given pipeline stage",
};

export const description: INodeProperties[] = [
	{
		displayName:
			"Mavibot moves the client's current deal (the one created last). To move a deal by its ID one stage on, use Move to Next Stage.",
		name: 'setStageNotice',
		type: 'notice',
		default: '',
	},
	{
		...dealClientIdField,
		description:
			"The Mavibot client ID (a number) whose current deal is moved. The client's other deals are not changed.",
	},
	{
		...stageIdField,
		description:
			'The pipeline stage (state_id, a number) to move the deal to, as shown in the MavibotCRM pipeline settings. A won or lost stage closes the deal.',
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const clientId = requiredClientId(this, itemIndex);
	const stateId = checkStageId(this, itemIndex, this.getNodeParameter('stateId', itemIndex, ''));
	const body: IDataObject = { client_id: clientId, state_id: stateId };
	const response = (await mavibotApiRequest.call(
		this,
		'set_order_state',
		{ body },
		itemIndex,
	)) as IDataObject;
	return { status: 'success', ...response, client_id: clientId, state_id: stateId };
}
