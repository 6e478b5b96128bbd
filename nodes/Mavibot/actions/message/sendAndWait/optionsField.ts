import type { INodeProperties } from 'n8n-workflow';

/** Options: the pages' texts and language, links in the text, and the wait limit (config.ts, waitLimit.ts). */
export const optionsField: INodeProperties = {
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
