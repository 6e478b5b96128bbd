import type { INodeProperties } from 'n8n-workflow';

import { DOWNLOAD_DEFAULTS } from './download';

/**
 * The download limits both nodes offer: Max File Size, the time budget, Allow Private Addresses. `scope`
 * says what the time budget covers: one file (File → Download) or all files of one event (the trigger, which
 * answers Mavibot only after its downloads).
 */
export function downloadLimitFields(scope: 'file' | 'event'): INodeProperties[] {
	return [
		{
			displayName: 'Max File Size (MB)',
			name: 'maxFileSize',
			type: 'number',
			typeOptions: { minValue: 0.001, numberPrecision: 3 },
			default: 25, // DOWNLOAD_DEFAULTS.maxFileSizeMb (the lint wants a literal)
			description:
				'Largest file downloaded, in megabytes. A larger file is not downloaded: the server-declared size is checked first, then the bytes as they arrive.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10, // DOWNLOAD_DEFAULTS.timeoutSeconds
			description:
				scope === 'file'
					? 'Seconds one download may take, redirects included'
					: 'Seconds all downloads of one event may take together. The trigger answers Mavibot after them, and Mavibot may send an event again when the answer is slow.',
		},
		{
			displayName: 'Allow Private Addresses',
			name: 'allowPrivateNetwork',
			type: 'boolean',
			default: false,
			description:
				"Whether to download from loopback, private, link-local and cloud metadata addresses (such as 127.0.0.1, 10.x.x.x, 192.168.x.x, 169.254.169.254). Needed for a file server on your own network. Never allowed when the node runs as an AI agent's tool.",
		},
	];
}

export interface DownloadLimitValues {
	maxFileSize?: unknown;
	timeout?: unknown;
	allowPrivateNetwork?: unknown;
}

export interface DownloadLimits {
	maxBytes: number;
	seconds: number;
	allowPrivate: boolean;
}

/** The limits from the fields above; `problem` names the field whose value is not a positive number. */
export function readDownloadLimits(
	values: DownloadLimitValues,
): { ok: true; limits: DownloadLimits } | { ok: false; field: string; problem: string } {
	const number = (value: unknown, fallback: number) =>
		value === undefined || value === null || value === '' ? fallback : Number(value);
	const megabytes = number(values.maxFileSize, DOWNLOAD_DEFAULTS.maxFileSizeMb);
	if (!Number.isFinite(megabytes) || megabytes <= 0)
		return {
			ok: false,
			field: 'Max File Size (MB)',
			problem: 'must be a number of megabytes above 0',
		};
	const seconds = number(values.timeout, DOWNLOAD_DEFAULTS.timeoutSeconds);
	if (!Number.isFinite(seconds) || seconds <= 0)
		return {
			ok: false,
			field: 'Timeout (Seconds)',
			problem: 'must be a number of seconds above 0',
		};
	return {
		ok: true,
		limits: {
			maxBytes: Math.floor(megabytes * 1024 * 1024),
			seconds,
			allowPrivate: values.allowPrivateNetwork === true,
		},
	};
}
