import type { INodeProperties } from 'n8n-workflow';

import { resourceDescriptions, resourceOptions } from './resources';

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [...resourceOptions].sort((a, b) => a.name.localeCompare(b.name)),
	default: 'message',
};

export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Parallel Requests',
			name: 'maxParallelRequests',
			type: 'number',
			default: 8,
			typeOptions: { minValue: 1, maxValue: 64 },
			description: 'How many items are sent to Mavibot at the same time. Output order is kept.',
		},
		{
			displayName: 'Max Requests per Second',
			name: 'maxRequestsPerSecond',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'Cap for plans with a known rate limit. 0 means no cap.',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			default: 3,
			typeOptions: { minValue: 0, maxValue: 10 },
			description:
				'How often a rate-limited (429) or unavailable (503) request is retried. Reads are also retried after network errors; sends never are once they may have arrived.',
		},
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWaitSeconds',
			type: 'number',
			default: 60,
			typeOptions: { minValue: 0 },
			description: 'The longest Retry-After the node waits out. A longer one fails the item.',
		},
		{
			displayName: 'Retry When Rate Limited',
			name: 'retryOnRateLimit',
			type: 'boolean',
			default: true,
			description:
				'Whether to wait and retry when Mavibot answers 429 or 503. All requests of the node pause together.',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeout',
			type: 'number',
			default: 30000,
			typeOptions: { minValue: 1 },
			description: 'How long to wait for Mavibot to answer a request',
		},
	],
};

/** Every parameter of the node, in the order the editor shows them. */
export const nodeProperties: INodeProperties[] = [
	resourceProperty,
	...resourceDescriptions.flat(),
	requestOptionsProperty,
];
