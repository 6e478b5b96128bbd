import type { INodeProperties } from 'n8n-workflow';

export const clientIdField: INodeProperties = {
	displayName: 'Client ID',
	name: 'clientId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 49177759',
	description:
		"Mavibot client ID, a whole number, e.g. 49177759. The Mavibot Trigger outputs it as the client's ID; the Client Search operations find it by phone, e-mail or variable.",
};
