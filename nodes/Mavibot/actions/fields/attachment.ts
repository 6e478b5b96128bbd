import type { INodeProperties } from 'n8n-workflow';

export const attachmentFields: INodeProperties[] = [
	{
		displayName: 'Attachment Type',
		name: 'attachmentType',
		type: 'options',
		default: 'image',
		description: 'What the attachment URL points to. Required with an attachment URL.',
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
	},
];
