import type { INodeProperties } from 'n8n-workflow';

const formFieldTypes = [
	{ name: 'Date', value: 'date' },
	{ name: 'Dropdown List', value: 'dropdown' },
	{ name: 'Email', value: 'email' },
	{ name: 'Number', value: 'number' },
	{ name: 'Text', value: 'text' },
	{ name: 'Textarea', value: 'textarea' },
];

/** The question and what the client answers: approve/decline, a free text, or a form (config.ts reads them). */
export const responseFields: INodeProperties[] = [
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'e.g. Please confirm your order #1024 (2 items, 59.90 EUR)',
		description:
			'The message text. The answer links follow as buttons (or as text, see "Put Links in Text").',
	},
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		default: 'approval',
		description: 'What the client answers: approve/decline, a text, or a form',
		options: [
			{
				name: 'Approval',
				value: 'approval',
				description: 'The client taps Approve (or Decline) and confirms on a small page',
			},
			{
				name: 'Free Text',
				value: 'freeText',
				description: 'The client types an answer on a small form page',
			},
			{
				name: 'Custom Form',
				value: 'customForm',
				description: 'The client fills in the fields defined below',
			},
		],
	},
	{
		displayName: 'Approval Options',
		name: 'approvalOptions',
		type: 'fixedCollection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { responseType: ['approval'] } },
		options: [
			{
				displayName: 'Values',
				name: 'values',
				values: [
					{
						displayName: 'Type of Approval',
						name: 'approvalType',
						type: 'options',
						default: 'single',
						options: [
							{ name: 'Approve Only', value: 'single' },
							{ name: 'Approve and Decline', value: 'double' },
						],
					},
					{
						displayName: 'Approve Button Label',
						name: 'approveLabel',
						type: 'string',
						default: 'Approve',
						description: 'Also the language of the pages: labels in Cyrillic give Russian pages',
					},
					{
						displayName: 'Decline Button Label',
						name: 'disapproveLabel',
						type: 'string',
						default: 'Decline',
						displayOptions: { show: { approvalType: ['double'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Form Fields',
		name: 'formFields',
		type: 'fixedCollection',
		placeholder: 'Add Form Field',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		displayOptions: { show: { responseType: ['customForm'] } },
		description:
			'The fields of the form page. The output has one key per field, named by its label.',
		options: [
			{
				displayName: 'Field',
				name: 'values',
				values: [
					{
						displayName: 'Field Label',
						name: 'fieldLabel',
						type: 'string',
						default: '',
						placeholder: 'e.g. Delivery date',
						required: true,
					},
					{
						displayName: 'Field Type',
						name: 'fieldType',
						type: 'options',
						default: 'text',
						options: formFieldTypes,
					},
					{
						displayName: 'Options',
						name: 'fieldOptions',
						type: 'string',
						default: '',
						placeholder: 'e.g. Morning, Afternoon, Evening',
						description: 'The choices of the dropdown list, separated by commas or new lines',
						displayOptions: { show: { fieldType: ['dropdown'] } },
					},
					{
						displayName: 'Placeholder',
						name: 'placeholder',
						type: 'string',
						default: '',
						displayOptions: { hide: { fieldType: ['dropdown', 'date'] } },
					},
					{
						displayName: 'Required Field',
						name: 'requiredField',
						type: 'boolean',
						default: false,
						description: 'Whether the client must fill in this field',
					},
				],
			},
		],
	},
];
