import type { INodeProperties } from 'n8n-workflow';

/**
 * The canvas subtitle of the node: the chosen operation's action as the node panel words it ("Send a callback by
 * WhatsApp phone number"), not its internal names. Built from the Operation properties, one per resource, as an
 * expression that looks the pair up (n8n evaluates a subtitle with $parameter only).
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of property.options ?? []) {
				if ('value' in option && 'action' in option && typeof option.action === 'string') {
					actions[`${resource}:${String(option.value)}`] = option.action;
				}
			}
		}
	}
	return `={{ ${JSON.stringify(actions)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}
