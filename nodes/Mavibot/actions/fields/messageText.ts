import type { INodeProperties } from 'n8n-workflow';

/** The Text of a message: empty is allowed when an attachment or a bot block is sent. */
export function messageTextField(placeholder: string): INodeProperties {
	return {
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder,
		description: 'The message text. May be empty when an attachment or a bot block is sent.',
	};
}
