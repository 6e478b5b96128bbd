/**
 * Streams a file's response into n8n binary data (prepareBinaryData with a stream, so memory does not grow with the
 * file), counting the bytes on the way: over the size, over the time budget, or an HTML page where a file was
 * expected ends the stream there.
 */
import type { DownloadBudget, DownloadContext, DownloadedFile } from './download';
import { connectionFailure, describeUrl, DownloadError, errorText, timeoutError } from './errors';
import type { FileHint } from './fileNames';
import { identifyFile, isGenericType, isHtml, mediaType, namesAWebPage } from './fileNames';

const megabytes = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MB`;

const HTML_START = /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;

/** The part of a Readable this module uses (no `stream` import: n8n Cloud does not allow it). */
export interface ByteStream {
	map(transform: (chunk: Buffer) => Buffer): ByteStream;
	destroy(error?: Error): void;
	destroyed?: boolean;
}

export interface StreamedResponse {
	body: ByteStream | undefined;
	headers: Record<string, unknown>;
	statusCode: number;
	statusMessage?: string;
}

export function header(headers: Record<string, unknown>, name: string): unknown {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** Stores the body of a successful response (see the module comment), or throws a DownloadError. */
export async function store(
	context: DownloadContext,
	url: URL,
	response: StreamedResponse,
	options: { hint: FileHint; maxBytes: number; budget: DownloadBudget },
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
