import type { INodeProperties } from 'n8n-workflow';

import { botLocator } from '../../fields/botLocators';
import { clientIdField } from '../../fields/clientId';

const recipientFields: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		default: 'clientId',
		description: 'How the client is identified',
		options: [
			{ name: 'Client ID', value: 'clientId', description: 'The Mavibot client ID' },
			{
				name: 'Telegram User',
				value: 'telegram',
				description:
					'A Telegram user ID and the bot the user talks to (looked up with find_client_id_by_platform_id)',
			},
			{
				name: 'WhatsApp Phone',
				value: 'whatsApp',
				description:
					'A WhatsApp number and channel (looked up with whatsapp_client_id); the links go into the text, WhatsApp shows no link buttons',
			},
		],
	},
	{ ...clientIdField, displayOptions: { show: { sendTo: ['clientId'] } } },
	{
		displayName: 'Telegram User ID',
		name: 'telegramUserId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 146467928',
		description: "The client's Telegram user ID (their platform_id in Mavibot)",
		displayOptions: { show: { sendTo: ['telegram'] } },
	},
	botLocator('searchTelegramBots', {
		name: 'telegramBot',
		displayName: 'Telegram Bot',
		required: true,
		description: 'The Telegram bot the client talks to (group_id: the bot username)',
		displayOptions: { show: { sendTo: ['telegram'] } },
	}),
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 79991234567',
		description:
			'WhatsApp number of the client with the country code; the client must already exist in Mavibot',
		displayOptions: { show: { sendTo: ['whatsApp'] } },
	},
	botLocator('searchWhatsAppChannels', {
		name: 'whatsAppChannel',
		displayName: 'WhatsApp Channel',
		placeholder: 'e.g. 34810',
		description:
			'The connected WhatsApp channel. Needed when the project has several WhatsApp channels.',
		displayOptions: { show: { sendTo: ['whatsApp'] } },
	}),
];

const formFieldTypes = [
	{ name: 'Date', value: 'date' },
	{ name: 'Dropdown List', value: 'dropdown' },
	{ name: 'Email', value: 'email' },
	{ name: 'Number', value: 'number' },
	{ name: 'Text', value: 'text' },
	{ name: 'Textarea', value: 'textarea' },
];

const responseFields: INodeProperties[] = [
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

const optionFields: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Form Button Label',
			name: 'responseFormButtonLabel',
			type: 'string',
			default: 'Submit',
			description: 'The label of the button that sends the answer form',
			displayOptions: { show: { '/responseType': ['freeText', 'customForm'] } },
		},
		{
			displayName: 'Form Description',
			name: 'responseFormDescription',
			type: 'string',
			default: '',
			description: 'The text above the form fields; the message text when empty',
			displayOptions: { show: { '/responseType': ['freeText', 'customForm'] } },
		},
		{
			displayName: 'Form Title',
			name: 'responseFormTitle',
			type: 'string',
			default: '',
			description: 'The heading of the form page',
			displayOptions: { show: { '/responseType': ['freeText', 'customForm'] } },
		},
		{
			displayName: 'Limit Wait Time',
			name: 'limitWaitTime',
			type: 'fixedCollection',
			default: { values: { limitType: 'afterTimeInterval', resumeAmount: 1, resumeUnit: 'days' } },
			description:
				'Continue the workflow without an answer when this time passes; the output then has "timedOut": true',
			options: [
				{
					displayName: 'Values',
					name: 'values',
					values: [
						{
							displayName: 'Limit Type',
							name: 'limitType',
							type: 'options',
							default: 'afterTimeInterval',
							options: [
								{ name: 'After Time Interval', value: 'afterTimeInterval' },
								{ name: 'At Specified Time', value: 'atSpecifiedTime' },
							],
						},
						{
							displayName: 'Amount',
							name: 'resumeAmount',
							type: 'number',
							default: 1,
							typeOptions: { minValue: 0, numberPrecision: 2 },
							displayOptions: { show: { limitType: ['afterTimeInterval'] } },
						},
						{
							displayName: 'Unit',
							name: 'resumeUnit',
							type: 'options',
							default: 'days',
							options: [
								{ name: 'Minutes', value: 'minutes' },
								{ name: 'Hours', value: 'hours' },
								{ name: 'Days', value: 'days' },
							],
							displayOptions: { show: { limitType: ['afterTimeInterval'] } },
						},
						{
							displayName: 'Max Date and Time',
							name: 'maxDateAndTime',
							type: 'dateTime',
							default: '',
							description:
								"Continue at this time (the workflow's time zone unless the value has an offset)",
							displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
						},
					],
				},
			],
		},
		{
			displayName: 'Message Button Label',
			name: 'messageButtonLabel',
			type: 'string',
			default: 'Respond',
			description: 'The label of the link that opens the form page',
			displayOptions: { show: { '/responseType': ['freeText', 'customForm'] } },
		},
		{
			displayName: 'Page Language',
			name: 'pageLanguage',
			type: 'options',
			default: 'auto',
			description:
				'The language of the texts the pages add (e.g. "Your answer has been recorded"); Auto follows the labels and the message',
			options: [
				{ name: 'Auto', value: 'auto' },
				{ name: 'English', value: 'en' },
				{ name: 'Russian', value: 'ru' },
			],
		},
		{
			displayName: 'Put Links in Text',
			name: 'linksInText',
			type: 'boolean',
			default: false,
			description:
				'Whether to write the links into the message instead of link buttons. Messengers without link buttons (WhatsApp) always get the links as text.',
		},
		{
			displayName: 'Thank You Text',
			name: 'thankYouText',
			type: 'string',
			default: '',
			placeholder: 'e.g. Thank you! We will deliver on Friday.',
			description:
				'The page shown after the answer; a short thank-you in the page language when empty',
		},
	],
};

export const sendAndWaitProperties: INodeProperties[] = [
	...recipientFields,
	...responseFields,
	optionFields,
];
