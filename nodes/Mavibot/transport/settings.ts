import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

/** Node-level "Request Options", read once per item; load-options calls use the defaults. */
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

export function readSettings(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	itemIndex: number,
): RequestSettings {
	if (!('getInputData' in context)) return DEFAULT_SETTINGS;
	const options = context.getNodeParameter('requestOptions', itemIndex, {}) as IDataObject;
	const number = (value: unknown, fallback: number, min: number) =>
		typeof value === 'number' && Number.isFinite(value) ? Math.max(min, value) : fallback;
	return {
		retryOnRateLimit: options.retryOnRateLimit !== false,
		maxRetries: number(options.maxRetries, DEFAULT_SETTINGS.maxRetries, 0),
		maxRetryWaitMs: number(options.maxRetryWaitSeconds, DEFAULT_SETTINGS.maxRetryWaitMs / 1000, 0) * 1000,
		timeoutMs: number(options.timeout, DEFAULT_SETTINGS.timeoutMs, 1),
		maxParallelRequests: number(options.maxParallelRequests, DEFAULT_SETTINGS.maxParallelRequests, 1),
		maxRequestsPerSecond: number(options.maxRequestsPerSecond, DEFAULT_SETTINGS.maxRequestsPerSecond, 0),
	};
}
