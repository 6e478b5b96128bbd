import type { INodeProperties } from 'n8n-workflow';

/** Shown only when Attachment Source is Binary File. */
const fromBinary = { show: { attachmentSource: ['binary'] } };

export const attachmentFields: INodeProperties[] = [
	{
		displayName: 'Attachment Binary Field',
		name: 'attachmentBinaryField',
		type: 'string',
		default: 'data',
		placeholder: 'e.g. data',
		description:
			'The name of the input binary field holding the file to send (data when not set, as most nodes that make files name it)',
		displayOptions: fromBinary,
	},
	{
		displayName: 'Attachment Link Base URL',
		name: 'attachmentLinkBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://n8n.example.com/',
		description:
			"The public address of this n8n, when Mavibot's servers cannot reach the one n8n puts in its links (WEBHOOK_URL, else its host and port). The link is then this address followed by rest/binary-data/signed?token=….",
		displayOptions: fromBinary,
	},
	{
		displayName: 'Attachment Link Lifetime',
		name: 'attachmentLinkLifetime',
		type: 'number',
		default: 1440,
		typeOptions: { minValue: 5, maxValue: 1440 },
		description:
			"How long the file's link works, in minutes: 1440 (a day, n8n's default and the longest allowed) when not set. A scheduled message must go out at least 5 minutes before the link expires.",
		displayOptions: fromBinary,
	},
	{
		displayName: 'Attachment Source',
		name: 'attachmentSource',
		type: 'options',
		default: 'url',
		description:
			'Where the attachment comes from: a public URL, or a file of the input item that n8n publishes under a signed, expiring link',
		options: [
			{
				name: 'URL',
				value: 'url',
				description: 'A public URL of the file (Attachment URL)',
			},
			{
				name: 'Binary File',
				value: 'binary',
				description:
					"A binary file of the input item (Attachment Binary Field); needs n8n's filesystem binary mode and a public n8n address",
			},
		],
	},
	{
		displayName: 'Attachment Type',
		name: 'attachmentType',
		type: 'options',
		default: 'image',
		description:
			"What the attachment is. Required with an attachment URL; for a binary file it is taken from the file's MIME type when not set.",
		options: [
			{ name: 'Audio', value: 'audio' },
			{ name: 'File', value: 'file' },
			{ name: 'Image', value: 'image' },
			{ name: 'Link', value: 'link' },
			{ name: 'Video', value: 'video' },
		],
	},
	{
		displayName: 'Attachment URL',
		name: 'attachmentUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/invoice.pdf',
		description: 'A public URL of a file to send. With an attachment the text may be empty.',
		displayOptions: { hide: { attachmentSource: ['binary'] } },
	},
];
