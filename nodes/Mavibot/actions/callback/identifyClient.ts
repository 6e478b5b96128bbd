import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredClientId } from '../../helpers/parameters';
import { readEmail, readPhone } from '../../helpers/contactParameters';
import { invalidParameter } from '../../helpers/validation';
import { clientIdField } from '../fields/clientId';

/* Callback → Send: the client is identified by ID, phone or e-mail. */

export const identificationFields: INodeProperties[] = [
	{
		displayName: 'Identify Client By',
		name: 'identifyClientBy',
		type: 'options',
		noDataExpression: true,
		default: 'clientId',
		description: 'How Mavibot finds the client the callback is for',
		options: [
			{ name: 'Client ID', value: 'clientId', description: 'The Mavibot client ID (client_id)' },
			{
				name: 'E-Mail',
				value: 'email',
				description: 'An e-mail address saved on the client (client_email)',
			},
			{
				name: 'Phone',
				value: 'phone',
				description: 'A phone number of the client: WhatsApp number or saved phone (client_phone)',
			},
		],
	},
	{ ...clientIdField, displayOptions: { show: { identifyClientBy: ['clientId'] } } },
	{
		displayName: 'Client Phone',
		name: 'clientPhone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 79991234567',
		description: 'Phone number of the client, with the country code. Sent as typed.',
		displayOptions: { show: { identifyClientBy: ['phone'] } },
	},
	{
		displayName: 'Client E-Mail',
		name: 'clientEmail',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ann@example.com',
		description: 'E-mail address of the client',
		displayOptions: { show: { identifyClientBy: ['email'] } },
	},
];

/** Reads "Identify Client By" and returns the identifying parameter: client_id, client_phone or client_email. */
export function identifyClient(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const by = context.getNodeParameter('identifyClientBy', itemIndex, 'clientId') as string;
	if (by === 'phone')
		return { client_phone: readPhone(context, itemIndex, 'clientPhone', 'Client Phone') };
	if (by === 'email')
		return { client_email: readEmail(context, itemIndex, 'clientEmail', 'Client E-Mail') };
	if (by !== 'clientId') {
		throw invalidParameter(
			context,
			itemIndex,
			'Identify Client By',
			`is "${by}"`,
			'Choose Client ID, Phone or E-Mail.',
		);
	}
	return { client_id: requiredClientId(context, itemIndex) };
}
