import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

export interface RequestSettings {
	retryOnRateLimit: boolean;
	maxRetries: number;
	/** The longest Retry-After the node waits out; a longer one fails the item with the rate-limit hint. */
	maxRetryWaitMs: number;
	timeoutMs: number;
	maxParallelRequests: number;
	maxRequestsPerSecond: number;
}

export const DEFAULT_SETTINGS: RequestSettings = {
	retryOnRateLimit: true,
	maxRetries: 3,
	maxRetryWaitMs: 60_000,
	timeoutMs: 30_000,
	maxParallelRequests: 8,
	maxRequestsPerSecond: 0,
};

const settingsByExecution = new WeakMap<object, RequestSettings>();

/**
 * The node-level "Request Options", read once per node execution (from its first item), like Max Parallel Requests
 * must be; load-options calls use the defaults.
 */
export function readSettings(context: IExecuteFunctions | ILoadOptionsFunctions): RequestSettings {
	if (!('getInputData' in context)) return DEFAULT_SETTINGS;
	let settings = settingsByExecution.get(context);
	if (!settings) {
		settings = parseSettings(context.getNodeParameter('requestOptions', 0, {}) as IDataObject);
		settingsByExecution.set(context, settings);
	}
	return settings;
}

function parseSettings(options: IDataObject): RequestSettings {
	const number = (value: unknown, fallback: number, min: number) =>
		typeof value === 'number' && Number.isFinite(value) ? Math.max(min, value) : fallback;
	return {
		retryOnRateLimit: options.retryOnRateLimit !== false,
		maxRetries: number(options.maxRetries, DEFAULT_SETTINGS.maxRetries, 0),
		maxRetryWaitMs:
			number(options.maxRetryWaitSeconds, DEFAULT_SETTINGS.maxRetryWaitMs / 1000, 0) * 1000,
		timeoutMs: number(options.timeout, DEFAULT_SETTINGS.timeoutMs, 1),
		maxParallelRequests: number(
			options.maxParallelRequests,
			DEFAULT_SETTINGS.maxParallelRequests,
			1,
		),
		maxRequestsPerSecond: number(
			options.maxRequestsPerSecond,
			DEFAULT_SETTINGS.maxRequestsPerSecond,
			0,
		),
	};
}
