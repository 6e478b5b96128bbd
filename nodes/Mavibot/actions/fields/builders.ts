import type { INodeProperties } from 'n8n-workflow';

const COLLECTIONS = {
	'Additional Fields': { name: 'additionalFields', placeholder: 'Add Field' },
	Filters: { name: 'filters', placeholder: 'Add Filter' },
	Options: { name: 'options', placeholder: 'Add Option' },
} as const;

/** One of the usual optional-field collections: Additional Fields, Filters or Options. */
export function collection(
	displayName: keyof typeof COLLECTIONS,
	options: INodeProperties[],
): INodeProperties {
	return { displayName, ...COLLECTIONS[displayName], type: 'collection', default: {}, options };
}

/** A required text field (an ID, a phone, a name…); `extra` adds typeOptions, displayOptions… */
export function requiredTextField(
	displayName: string,
	name: string,
	placeholder: string,
	description: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder,
		description,
		...extra,
	};
}
