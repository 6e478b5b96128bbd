import type { INodeProperties } from 'n8n-workflow';

export const noMatchNotice: INodeProperties = {
	displayName:
		'Outputs one item per client found, and no item when nothing matches. To continue the workflow anyway, turn on "Always Output Data" in the node settings.',
	name: 'noMatchNotice',
	type: 'notice',
	default: '',
};

export const searchInField: INodeProperties = {
	displayName: 'Search In',
	name: 'searchIn',
	type: 'options',
	default: 'client',
	description: 'Whose variables are searched',
	options: [
		{
			name: 'Client Variables',
			value: 'client',
			description: 'Variables of the client profile (the default, recommended by Mavibot)',
		},
		{
			name: 'Deal Variables',
			value: 'order',
			description: "Variables of the client's deals (search_in=order)",
		},
	],
};
