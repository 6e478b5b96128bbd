import type { IExecuteFunctions } from 'n8n-workflow';

import type { BinaryAttachmentOptions } from './binaryAttachment';
import { DISPLAY } from './binaryAttachment';
import { invalidParameter, isBlank } from './validation';
import { refusedHost } from '../../shared/download/address';

/** Where a signed file link points, and whether Mavibot's servers can reach it (see binaryAttachment.ts). */

type HostKind = 'loopback' | 'private' | 'public';

/** Where a URL's host is, from its literal form only, by the downloads' own address rules (names are not resolved). */
export function hostKindOf(url: URL): HostKind {
	const refused = refusedHost(url.hostname);
	if (!refused) return 'public';
	return refused.loopback ? 'loopback' : 'private';
}

/** The public part of n8n's link replaced by `publicBaseUrl`: `<publicBaseUrl>/<REST path>/binary-data/signed?token=…`. */
export function onPublicBase(
	context: IExecuteFunctions,
	itemIndex: number,
	link: string,
	publicBaseUrl: string,
): string {
	let base: URL;
	try {
		base = new URL(publicBaseUrl.trim());
		if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error('not http(s)');
	} catch {
		throw invalidParameter(
			context,
			itemIndex,
			DISPLAY.baseUrl,
			`is "${publicBaseUrl}", which is not an http(s) URL`,
			'Give the address under which the internet reaches this n8n, e.g. https://n8n.example.com/ (what WEBHOOK_URL would be).',
		);
	}
	// restApiUrl = n8n's webhook base URL (ends with "/") + the REST path (N8N_ENDPOINT_REST, "rest" by default).
	const restApiUrl = context.getRestApiUrl();
	const instanceBase = context.getInstanceBaseUrl().replace(/\/?$/, '/');
	const restPath = restApiUrl.startsWith(instanceBase)
		? restApiUrl.slice(instanceBase.length)
		: (new URL(restApiUrl).pathname.split('/').filter(Boolean).pop() ?? 'rest');
	const tail = link.slice(restApiUrl.length);
	return `${base.href.replace(/\/?$/, '/')}${restPath.replace(/^\/+/, '')}${tail}`;
}

/** Refuses a link Mavibot's servers cannot reach: on this machine or a private network while Mavibot is not. */
export function assertReachable(
	context: IExecuteFunctions,
	itemIndex: number,
	link: string,
	options: BinaryAttachmentOptions,
): void {
	const linkUrl = new URL(link);
	const linkKind = hostKindOf(linkUrl);
	if (linkKind === 'public') return;
	let mavibotKind: HostKind = 'public';
	try {
		if (options.mavibotBaseUrl) mavibotKind = hostKindOf(new URL(options.mavibotBaseUrl));
	} catch {
		mavibotKind = 'public';
	}
	// A Mavibot on this machine (the tests' sandbox) reaches loopback; one on a private network reaches that network.
	if (mavibotKind === 'loopback' || (mavibotKind === 'private' && linkKind === 'private')) return;
	const where = linkKind === 'loopback' ? 'this machine' : 'a private network';
	const given = !isBlank(options.publicBaseUrl);
	throw invalidParameter(
		context,
		itemIndex,
		given ? DISPLAY.baseUrl : DISPLAY.property,
		`would be sent as a link to ${linkUrl.origin} (${where}), which Mavibot's servers cannot download`,
		given
			? 'Give the public address of this n8n (https://…), reachable from the internet.'
			: `n8n builds file links from WEBHOOK_URL (else N8N_PROTOCOL, N8N_HOST, N8N_PORT and N8N_PATH) plus its REST path (N8N_ENDPOINT_REST, "rest"). Set WEBHOOK_URL to the public address of this n8n, or fill "${DISPLAY.baseUrl}" under Additional Fields. The address must let the internet reach <base>/rest/binary-data/signed.`,
	);
}
