import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequestOrNotFound } from '../../transport';
import { locatorValue } from '../../helpers/parameters';
import type { OperationOption, OperationResult } from '../types';
import { botLocator } from '../fields/botLocators';
import { searchInField } from './fields';
import { lookupResult } from './results';
import { readVariableQuery, variableNameField, variableValueField } from './variableQuery';

export const option: OperationOption = {
	name: 'Find by Variable',
	value: 'findByVariable',
	action: 'Find a client by variable',
	description:
		'Get the ID of a client whose client or deal variable has a value; found is false when there is none',
};

export const description: INodeProperties[] = [
	variableNameField,
	variableValueField,
	searchInField,
	botLocator('searchBots', {
		description:
			'Only look among the clients of this bot or channel (group_id). Leave empty to search the whole project.',
	}),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const qs: IDataObject = { ...readVariableQuery(this, itemIndex) };
	const groupId = locatorValue(this, itemIndex, 'bot');
	if (groupId) qs.group_id = groupId;
	if (this.getNodeParameter('searchIn', itemIndex, 'client') === 'order') qs.search_in = 'order';
	const response = await mavibotApiRequestOrNotFound.call(
		this,
		'find_client_id_by_var',
		{ qs },
		itemIndex,
	);
	return lookupResult(response, qs);
}
