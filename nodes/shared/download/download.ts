/**
 * Downloads one file URL into n8n binary data, for the Mavibot node (File → Download) and the trigger (Download
 * Attachments). The response is streamed by n8n's own request helper into prepareBinaryData, so memory does not grow
 * with the file. Limits: a maximum size (Content-Length first, then the bytes as they arrive), a time budget (an
 * AbortSignal the caller owns: one per item, or one for all files of an event), http/https only, and redirects
 * followed here one hop at a time so that each hop is checked. Private network addresses are refused unless allowed
 * (never for an AI agent's tool call). The request carries no credential: no API key, no token, no auth header.
 */
import type { IBinaryData, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { checkTarget, egressFilterOf, isAiToolCall, parseUrl } from './egress';
import { connectionFailure, describeUrl, DownloadError, errorText, timeoutError } from './errors';
import type { FileHint } from './fileNames';
import type { StreamedResponse } from './store';
import { header, store } from './store';

export { DownloadError, describeUrl } from './errors';
export type { DownloadProblem } from './errors';
export { isAiToolCall } from './egress';

export type DownloadContext = IExecuteFunctions | IWebhookFunctions;

export const DOWNLOAD_DEFAULTS = { maxFileSizeMb: 25, timeoutSeconds: 10, maxRedirects: 5 };

export interface DownloadOptions {
	/** Largest file accepted, in bytes. */
	maxBytes: number;
	/** The time budget: aborts when it runs out (see downloadBudget()). */
	budget: DownloadBudget;
	/** "Allow Private Addresses"; ignored (false) when the node runs as an AI agent's tool. */
	allowPrivate: boolean;
	/** The payload's own name and type, preferred over the response's. */
	hint?: FileHint;
	maxRedirects?: number;
}

export interface DownloadBudget {
	signal: AbortSignal;
	seconds: number;
	/**
	 * The timeout signal behind `signal`, held here for as long as the download holds the budget: Node 20 (n8n 1.x)
	 * lets the garbage collector take a timeout signal that only AbortSignal.any() refers to, and then never aborts.
	 */
	timer: AbortSignal;
}

export interface DownloadedFile {
	binary: IBinaryData;
	/** The URL the file finally came from (after redirects). */
	finalUrl: string;
	bytes: number;
}

/** The time budget of one download (File → Download) or of all downloads of one event (trigger). */
export function downloadBudget(seconds: number, cancel?: AbortSignal): DownloadBudget {
	const timer = AbortSignal.timeout(Math.max(1, Math.round(seconds * 1000)));
	const signal =
		cancel && typeof AbortSignal.any === 'function' ? AbortSignal.any([timer, cancel]) : timer;
	return { signal, seconds, timer };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

async function request(
	context: DownloadContext,
	url: URL,
	budget: DownloadBudget,
): Promise<StreamedResponse> {
	if (budget.signal.aborted) throw timeoutError(budget, url);
	try {
		return (await context.helpers.httpRequest({
			method: 'GET',
			url: url.href,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			abortSignal: budget.signal,
			// Files are stored as they are sent: no decompression, and Content-Length is the file's size.
			headers: { accept: '*/*', 'accept-encoding': 'identity' },
		})) as StreamedResponse;
	} catch (error) {
		if (budget.signal.aborted) throw timeoutError(budget, url);
		throw connectionFailure(
			`Could not download ${describeUrl(url)}: ${errorText(error)}`,
			'Check that the link works and that the file server is reachable from n8n',
		);
	}
}

/** Downloads `link` into n8n binary data (see the module comment), or throws a DownloadError. */
export async function downloadFile(
	context: DownloadContext,
	link: string,
	options: DownloadOptions,
): Promise<DownloadedFile> {
	const asTool = isAiToolCall(context);
	const allowPrivate = options.allowPrivate && !asTool;
	const maxRedirects = options.maxRedirects ?? DOWNLOAD_DEFAULTS.maxRedirects;
	const { budget, maxBytes, hint = {} } = options;
	const filter = allowPrivate ? undefined : egressFilterOf(context);
	let url = parseUrl(link);
	const visited = new Set<string>();

	for (let hop = 0; ; hop++) {
		visited.add(url.href);
		await checkTarget(url, allowPrivate, asTool, filter);
		const response = await request(context, url, budget);
		const status = response.statusCode;
		const location = header(response.headers, 'location');
		if (REDIRECTS.has(status) && typeof location === 'string' && location !== '') {
			response.body?.destroy();
			const next = parseUrl(location, url);
			if (visited.has(next.href)) {
				throw new DownloadError(
					'redirectLoop',
					`The link redirects in a loop (${describeUrl(url)} → ${describeUrl(next)})`,
					'Check the link: the file server sends it back to an address it has already visited',
				);
			}
			if (hop >= maxRedirects) {
				throw new DownloadError(
					'tooManyRedirects',
					`The link redirects more than ${maxRedirects} times (${describeUrl(link)})`,
				);
			}
			url = next;
			continue;
		}
		if (status < 200 || status >= 300) {
			response.body?.destroy();
			const reason = response.statusMessage ? ` ${response.statusMessage}` : '';
			throw new DownloadError(
				'httpStatus',
				`The file server answered HTTP ${status}${reason} (${describeUrl(url)})`,
				status === 404 || status === 410
					? 'The file is gone: links to chat attachments may expire'
					: 'Check the link and try again later',
			);
		}
		return await store(context, url, response, { hint, maxBytes, budget });
	}
}
