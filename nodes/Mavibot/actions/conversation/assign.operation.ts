import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredClientId } from '../../helpers/parameters';
import { readEmail } from '../../helpers/contactParameters';
import type { OperationOption, OperationResult } from '../types';
import { clientIdField } from '../fields/clientId';

export const option: OperationOption = {
	name: 'Assign',
	value: 'assign',
	action: 'Assign a dialog to an employee',
	description:
		"Hand the client's dialog to an employee by e-mail, or to Mavibot's auto-distribution when no e-mail is given",
};

export const description: INodeProperties[] = [
	{ ...clientIdField, description: 'The Mavibot client ID whose dialog is assigned' },
	{
		displayName: 'Employee E-Mail',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'e.g. operator@example.com',
		description:
			"The e-mail of the employee (as in the project's team) who takes the dialog. Empty: Mavibot's auto-distribution picks the operator.",
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const clientId = requiredClientId(this, itemIndex);
	const email = readEmail(this, itemIndex, 'email', 'Employee E-Mail', {
		fix: "Give the employee's e-mail address, or leave the field empty to let Mavibot's auto-distribution choose.",
	});
	const body: IDataObject = { client_id: clientId };
	if (email !== undefined) body.email = email;
	const response = (await mavibotApiRequest.call(
		this,
		'assign_to_user',
		{ body },
		itemIndex,
	)) as IDataObject;
	const assignedTo =
		typeof response.email === 'string' && response.email ? response.email : email || null;
	return {
		assigned: true,
		client_id: clientId,
		email: assignedTo,
		autoDistribution: email === undefined,
	};
}
