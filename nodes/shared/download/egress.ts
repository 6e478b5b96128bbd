/**
 * Where a download may go: http and https only, and no private network address unless the user allows it (never for
 * an AI agent's tool call). The host written in the link is checked here (address.ts); on n8n 2.x, n8n's egress
 * filter also checks the addresses the name resolves to. Each redirect hop is checked again by the caller.
 */
import type { DownloadContext } from './download';
import { refusedHost } from './address';
import { connectionFailure, describeUrl, DownloadError, errorText } from './errors';

/** Whether the node runs as an AI agent's tool (n8n 2.x says so; both lines name the tool variant "…Tool"). */
export function isAiToolCall(context: DownloadContext): boolean {
	const asTool = (context as { isToolExecution?: () => boolean }).isToolExecution;
	if (typeof asTool === 'function' && asTool.call(context) === true) return true;
	return /Tool$/.test(context.getNode().type);
}

export interface EgressFilter {
	validateUrl(url: string): Promise<{ ok: boolean; error?: Error }>;
}

export function egressFilterOf(context: DownloadContext): EgressFilter | undefined {
	const helpers = context.helpers as { getSecureEgressFilter?: (policy: string) => EgressFilter };
	// n8n 2.x: checks the name after DNS resolution. 'enforced' applies the default blocked ranges even when the
	// instance has not switched SSRF protection on. n8n 1.x has no such helper.
	return typeof helpers.getSecureEgressFilter === 'function'
		? helpers.getSecureEgressFilter('enforced')
		: undefined;
}

function tryUrl(text: string, base?: URL): URL | undefined {
	try {
		return new URL(text.trim(), base);
	} catch {
		return undefined;
	}
}

export function parseUrl(text: string, base?: URL): URL {
	const url = tryUrl(text, base);
	if (url) return url;
	throw new DownloadError(
		'invalidUrl',
		`"${describeUrl(text)}" is not a URL`,
		'Give a full link such as https://example.com/file.pdf',
	);
}

export async function checkTarget(
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
