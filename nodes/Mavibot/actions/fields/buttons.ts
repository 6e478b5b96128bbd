import type { INodeProperties } from 'n8n-workflow';

export const buttonFields: INodeProperties[] = [
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Button',
		description:
			'Buttons shown with the message. Reply and inline buttons cannot be mixed in one message.',
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Colour',
						name: 'style',
						type: 'string',
						default: '',
						placeholder: 'e.g. positive',
						description:
							'Button colour (VK: primary, secondary, negative, positive; Viber: any colour)',
					},
					{
						displayName: 'Keep Keyboard Open',
						name: 'oneTime',
						type: 'boolean',
						default: false,
						description:
							'Whether the keyboard stays open after a button is pressed (sends one_time: 1; reply buttons, VK). Off: the keyboard is removed after a press.',
					},
					{
						displayName: 'Position in Row',
						name: 'indexInLine',
						type: 'number',
						default: 0,
						description: 'Position inside the row, from 0',
					},
					{
						displayName: 'Row',
						name: 'line',
						type: 'number',
						default: 0,
						description: 'Row of the keyboard, from 0',
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						description: 'Button label, without double quotes (Telegram shows up to 32 characters)',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						default: 'reply',
						options: [
							{
								name: 'Inline (In the Message)',
								value: 'inline',
							},
							{
								name: 'Location Request',
								value: 'location',
							},
							{
								name: 'Phone Request',
								value: 'phone',
							},
							{
								name: 'Reply (Keyboard)',
								value: 'reply',
							},
							{
								name: 'URL Link',
								value: 'url',
							},
							{
								name: 'Web App (Telegram)',
								value: 'web_app',
							},
						],
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://example.com/pay',
					},
					{
						displayName: 'Web App URL',
						name: 'webApp',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://example.com/app',
					},
				],
			},
		],
	},
	{
		displayName: 'Buttons (JSON)',
		name: 'buttonsJson',
		type: 'json',
		default: '',
		placeholder: 'e.g. [{"text": "Yes", "type": "reply"}]',
		description:
			'Buttons as JSON instead of the list: an array of buttons, or {"hint": "...", "buttons": [...]}. Use either this or Buttons.',
	},
	{
		displayName: 'Buttons Fallback Text',
		name: 'buttonsHint',
		type: 'string',
		default: '',
		placeholder: 'e.g. Reply 1 for yes or 2 for no',
		description:
			'Text shown instead of the buttons in messengers without buttons (such as WhatsApp)',
	},
];
