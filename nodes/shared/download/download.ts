/**
 * Downloads one file URL into n8n binary data, for the Mavibot node (File → Download) and the trigger (Download
 * Attachments). The response is streamed by n8n's own request helper into prepareBinaryData, so memory does not grow
 * with the file. Limits: a maximum size (Content-Length first, then the bytes as they arrive), a time budget (an
 * AbortSignal the caller owns: one per item, or one for all files of an event), http/https only, and redirects
 * followed here one hop at a time so that each hop is checked. Private network addresses are refused unless allowed
 * (never for an AI agent's tool call). The request carries no credential: no API key, no token, no auth header.
 */
import type { IBinaryData, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { refusedHost } from './address';
import type { FileHint } from './fileNames';
import { identifyFile, isGenericType, isHtml, mediaType, namesAWebPage } from './fileNames';

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
}

export interface DownloadedFile {
	binary: IBinaryData;
	/** The URL the file finally came from (after redirects). */
	finalUrl: string;
	bytes: number;
}

export type DownloadProblem =
	| 'invalidUrl'
	| 'scheme'
	| 'privateAddress'
	| 'redirectLoop'
	| 'tooManyRedirects'
	| 'httpStatus'
	| 'htmlPage'
	| 'tooLarge'
	| 'timeout'
	| 'connection';

/** A download that failed; `message` says what happened, `fix` what the user can do. */
export class DownloadError extends Error {
	constructor(
		readonly problem: DownloadProblem,
		message: string,
		readonly fix?: string,
	) {
		super(message);
		this.name = 'DownloadError';
	}
}

/** A connection that failed (thrown from catch blocks: n8n's lint wants no `new` of a custom error there). */
function connectionFailure(message: string, fix?: string): DownloadError {
	return new DownloadError('connection', message, fix);
}

/** The time budget of one download (File → Download) or of all downloads of one event (trigger). */
export function downloadBudget(seconds: number, cancel?: AbortSignal): DownloadBudget {
	const timer = AbortSignal.timeout(Math.max(1, Math.round(seconds * 1000)));
	const signal =
		cancel && typeof AbortSignal.any === 'function' ? AbortSignal.any([timer, cancel]) : timer;
	return { signal, seconds };
}

/** Whether the node runs as an AI agent's tool (n8n 2.x says so; both lines name the tool variant "…Tool"). */
export function isAiToolCall(context: DownloadContext): boolean {
	const asTool = (context as { isToolExecution?: () => boolean }).isToolExecution;
	if (typeof asTool === 'function' && asTool.call(context) === true) return true;
	return /Tool$/.test(context.getNode().type);
}

/** A URL as it may appear in a message: origin and path, without credentials or query (signed links hold secrets). */
export function describeUrl(url: string | URL): string {
	try {
		const parsed = url instanceof URL ? url : new URL(url);
		const text = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
		return text.length > 120 ? `${text.slice(0, 117)}...` : text;
	} catch {
		const text = String(url);
		return text.length > 60 ? `${text.slice(0, 57)}...` : text;
	}
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MB`;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HTML_START = /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;

/** The part of a Readable this module uses (no `stream` import: n8n Cloud does not allow it). */
interface ByteStream {
	map(transform: (chunk: Buffer) => Buffer): ByteStream;
	destroy(error?: Error): void;
	destroyed?: boolean;
}

interface StreamedResponse {
	body: ByteStream | undefined;
	headers: Record<string, unknown>;
	statusCode: number;
	statusMessage?: string;
}

interface EgressFilter {
	validateUrl(url: string): Promise<{ ok: boolean; error?: Error }>;
}

function egressFilterOf(context: DownloadContext): EgressFilter | undefined {
	const helpers = context.helpers as { getSecureEgressFilter?: (policy: string) => EgressFilter };
	// n8n 2.x: checks the name after DNS resolution. 'enforced' applies the default blocked ranges even when the
	// instance has not switched SSRF protection on. n8n 1.x has no such helper.
	return typeof helpers.getSecureEgressFilter === 'function'
		? helpers.getSecureEgressFilter('enforced')
		: undefined;
}

function errorText(error: unknown): string {
	let current = error as { message?: unknown; cause?: unknown } | undefined;
	let text = 'the connection failed';
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.message === 'string' && current.message) text = current.message;
		current = current.cause as typeof current;
	}
	return text;
}

function tryUrl(text: string, base?: URL): URL | undefined {
	try {
		return new URL(text.trim(), base);
	} catch {
		return undefined;
	}
}

function parseUrl(text: string, base?: URL): URL {
	const url = tryUrl(text, base);
	if (url) return url;
	throw new DownloadError(
		'invalidUrl',
		`"${describeUrl(text)}" is not a URL`,
		'Give a full link such as https://example.com/file.pdf',
	);
}

async function checkTarget(
	url: URL,
	allowPrivate: boolean,
	asTool: boolean,
	filter: EgressFilter | undefined,
): Promise<void> {
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new DownloadError(
			'scheme',
			`${url.protocol.replace(/:$/, '')} links cannot be downloaded (${describeUrl(url)})`,
			'Only http and https links are downloaded',
		);
	}
	if (allowPrivate) return;
	const fix = asTool
		? 'An AI agent may not download from private network addresses, whatever the node settings say'
		: 'If the file server is on your own network, switch on "Allow Private Addresses" (in Options)';
	const refused = refusedHost(url.hostname);
	if (refused) {
		throw new DownloadError(
			'privateAddress',
			`Refused to download from ${url.hostname}: it is ${refused.what} (${describeUrl(url)})`,
			fix,
		);
	}
	if (!filter) return;
	let result: { ok: boolean; error?: Error };
	try {
		result = await filter.validateUrl(url.href);
	} catch (error) {
		throw connectionFailure(
			`Could not look up ${url.hostname}: ${errorText(error)} (${describeUrl(url)})`,
		);
	}
	if (result.ok) return;
	if (/^Ssrf/.test(result.error?.name ?? '')) {
		throw new DownloadError(
			'privateAddress',
			`Refused to download from ${url.hostname}: it resolves to a private network address (${describeUrl(url)})`,
			fix,
		);
	}
	throw new DownloadError(
		'connection',
		`Could not look up ${url.hostname}: ${errorText(result.error)} (${describeUrl(url)})`,
	);
}

function timeoutError(budget: DownloadBudget, url: URL): DownloadError {
	return new DownloadError(
		'timeout',
		`The download took longer than ${budget.seconds} s (${describeUrl(url)})`,
		'Raise the Timeout option, or check that the file server answers',
	);
}

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

function header(headers: Record<string, unknown>, name: string): unknown {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
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
		return await store(context, url, response, { ...options, hint, maxBytes, budget });
	}
}

async function store(
	context: DownloadContext,
	url: URL,
	response: StreamedResponse,
	options: Required<Pick<DownloadOptions, 'hint' | 'maxBytes' | 'budget'>>,
): Promise<DownloadedFile> {
	const { hint, maxBytes, budget } = options;
	const body = response.body;
	const contentType = header(response.headers, 'content-type');
	const identity = identifyFile(
		hint,
		{ contentDisposition: header(response.headers, 'content-disposition'), contentType },
		url,
	);
	const answeredType = mediaType(contentType);
	const pageExpected = isHtml(mediaType(hint.mimeType)) || namesAWebPage(identity.fileName);
	const htmlPage = () =>
		new DownloadError(
			'htmlPage',
			`The file server answered with a web page instead of a file (${describeUrl(url)})`,
			'The link may need a login or may have expired: open it in a browser to see the page',
		);
	const tooLarge = (size: string) =>
		new DownloadError(
			'tooLarge',
			`The file is larger than ${megabytes(maxBytes)}${size} (${describeUrl(url)})`,
			'Raise the Max File Size option if the file is expected to be this large',
		);
	if (!body) throw new DownloadError('connection', `No file came back (${describeUrl(url)})`);
	if (isHtml(answeredType) && !pageExpected) {
		body.destroy();
		throw htmlPage();
	}
	const declared = Number(header(response.headers, 'content-length'));
	if (Number.isFinite(declared) && declared > maxBytes) {
		body.destroy();
		throw tooLarge(`: ${megabytes(declared)}`);
	}

	let bytes = 0;
	let failure: DownloadError | undefined;
	const fail = (error: DownloadError) => {
		failure ??= error;
		return failure;
	};
	const sniff = !pageExpected && (isGenericType(answeredType) || answeredType === 'text/plain');
	const counted = body.map((chunk: Buffer) => {
		if (budget.signal.aborted) throw fail(timeoutError(budget, url));
		if (bytes === 0 && sniff && HTML_START.test(chunk.subarray(0, 512).toString('latin1')))
			throw fail(htmlPage());
		bytes += chunk.length;
		if (bytes > maxBytes) throw fail(tooLarge(''));
		return chunk;
	});
	// A stalled server sends no chunk at all: the budget ends the download anyway.
	const onAbort = () => body.destroy(fail(timeoutError(budget, url)));
	budget.signal.addEventListener('abort', onAbort, { once: true });
	try {
		const binary = await context.helpers.prepareBinaryData(
			counted as unknown as Buffer,
			identity.fileName ?? 'file',
			identity.mimeType,
		);
		if (failure) throw failure;
		return { binary, finalUrl: url.href, bytes };
	} catch (error) {
		body.destroy();
		throw (
			failure ??
			connectionFailure(
				`The download of ${describeUrl(url)} broke off: ${errorText(error)}`,
				'Try again; if it keeps failing, check the file server',
			)
		);
	} finally {
		budget.signal.removeEventListener('abort', onAbort);
	}
}
