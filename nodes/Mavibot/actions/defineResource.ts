import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../helpers/displayOptions';
import type { MavibotOperation } from './types';

/**
 * A resource from its operation modules: `operations` (option value → module, what the router runs) and
 * `description`, its properties: the Operation dropdown built from each module's `option` (sorted by name, as n8n's
 * lint wants; test/registry.test.js lints what is built), then each operation's fields.
 */
export function defineResource(
	resource: string,
	modules: MavibotOperation[],
	defaultOperation: string,
): { operations: Record<string, MavibotOperation>; description: INodeProperties[] } {
	const operations = Object.fromEntries(modules.map((module) => [module.option.value, module]));
	const operationProperty: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: modules.map((module) => module.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
	return {
		operations,
		description: [operationProperty, ...operationProperties(resource, operations)],
	};
}
