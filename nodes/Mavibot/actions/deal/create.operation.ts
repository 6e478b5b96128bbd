import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { optionalText, requiredClientId } from '../../helpers/parameters';
import { readEmail, readPhone } from '../../helpers/contactParameters';
import { invalidParameter, isBlank } from '../../helpers/validation';
import type { OperationOption, OperationResult } from '../types';
import { collection, requiredTextField } from '../fields/builders';
import { checkStageId, dealClientIdField, stageIdField } from './fields';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a deal',
	description:
		"Create a deal in MavibotCRM for a client found by ID, phone or e-mail; it becomes the client's current deal",
};

export const description: INodeProperties[] = [
	{
		displayName: 'Identify Client By',
		name: 'identifyBy',
		type: 'options',
		noDataExpression: true,
		default: 'clientId',
		description: 'How to find the client the deal is created for',
		options: [
			{
				name: 'Client ID',
				value: 'clientId',
				description: 'An existing Mavibot client (client_id)',
			},
			{
				name: 'E-Mail',
				value: 'email',
				description:
					'The client with this e-mail address; a new client is created when none has it',
			},
			{
				name: 'Phone',
				value: 'phone',
				description: 'The client with this phone number; a new client is created when none has it',
			},
		],
	},
	{
		...dealClientIdField,
		description: 'The Mavibot client ID (a number) the deal is created for. The client must exist.',
		displayOptions: { show: { identifyBy: ['clientId'] } },
	},
	requiredTextField(
		'Phone',
		'phone',
		'e.g. +7 999 123-45-67',
		'Phone number of the client, with the country code, in any common format. If no client has this number, Mavibot creates a new client with it and the deal.',
		{ displayOptions: { show: { identifyBy: ['phone'] } } },
	),
	requiredTextField(
		'E-Mail',
		'email',
		'e.g. name@example.com',
		'E-mail address of the client. If no client has this address, Mavibot creates a new client with it and the deal.',
		{ displayOptions: { show: { identifyBy: ['email'] } } },
	),
	collection('Additional Fields', [
		{
			displayName: 'Budget',
			name: 'budget',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'The amount of the deal',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'A longer text about the deal, shown in the deal card',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Starter plan for Ann',
			description: 'The deal name shown in MavibotCRM',
		},
		{
			...stageIdField,
			required: false,
			description:
				'The pipeline stage (state_id, a number) to place the deal in. Empty: the first stage of the pipeline.',
		},
	]),
];

function readBudget(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): number | undefined {
	if (isBlank(value)) return undefined;
	const budget = typeof value === 'number' ? value : Number(String(value).trim());
	if (!Number.isFinite(budget) || budget < 0) {
		throw invalidParameter(
			context,
			itemIndex,
			'Budget',
			`is "${String(value)}", which is not an amount`,
			'Give the amount as a number that is 0 or more, with a dot for decimals, e.g. 1500 or 99.90.',
		);
	}
	return budget;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const identifyBy = this.getNodeParameter('identifyBy', itemIndex, 'clientId') as string;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const client: IDataObject = {};
	if (identifyBy === 'phone') client.phone = readPhone(this, itemIndex);
	else if (identifyBy === 'email') client.email = readEmail(this, itemIndex);
	else if (identifyBy === 'clientId') client.client_id = requiredClientId(this, itemIndex);
	else {
		throw invalidParameter(
			this,
			itemIndex,
			'Identify Client By',
			`is "${identifyBy}", which is not a way to find a client`,
			'Use clientId, phone or email.',
		);
	}

	const deal: IDataObject = {};
	const name = optionalText(fields.name);
	if (name !== undefined) deal.name = name;
	if (!isBlank(fields.description)) deal.description = String(fields.description);
	const budget = readBudget(this, itemIndex, fields.budget);
	if (budget !== undefined) deal.budget = budget;
	const stateId = checkStageId(this, itemIndex, fields.stateId, false);
	if (stateId !== undefined) deal.state_id = stateId;

	const body: IDataObject = { ...client, ...deal };
	const response = (await mavibotApiRequest.call(
		this,
		'create_order',
		{ body },
		itemIndex,
	)) as IDataObject;
	return { status: 'success', ...response, ...client, ...deal };
}
