'use strict';
// What Mavibot does with an `attachment_url` after accepting a send: it downloads the file to pass it on to the
// messenger. The sandbox does the same, but ONLY for links on a loopback address (127.0.0.0/8, [::1], localhost),
// and records what it got (size, Content-Type, file name, SHA-256) in `sandbox.attachmentFetches`. Any other link
// (tests send https://example.com/a.pdf) is left alone: the sandbox never sends a packet off this machine.

const crypto = require('node:crypto');
const http = require('node:http');

const MAX_REDIRECTS = 5;
const TIMEOUT_MS = 30000;

/** Whether a URL's host is loopback, however it is written (the URL parser has already normalised 127.1, 0x7f.1…). */
function isLoopbackUrl(text) {
	let url;
	try {
		url = new URL(String(text));
	} catch {
		return false;
	}
	if (url.protocol !== 'http:') return false;
	const host = url.hostname.toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost')) return true;
	if (/^127\.\d+\.\d+\.\d+$/.test(host)) return true;
	// [::1], and an IPv4-mapped loopback address such as [::ffff:127.0.0.1] (normalised to [::ffff:7f00:1]).
	return host === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}

/** The file name of a Content-Disposition header: filename* (RFC 5987) first, then filename (percent-decoded). */
function fileNameFromDisposition(header) {
	if (!header) return undefined;
	const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
	const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(header);
	const raw = extended ? extended[2].trim() : plain ? (plain[1] ?? plain[2]).trim() : undefined;
	if (raw === undefined) return undefined;
	try {
		return decodeURIComponent(raw);
	} catch {
		return raw;
	}
}

function fileNameFromPath(url) {
	const last = new URL(url).pathname.split('/').filter(Boolean).pop();
	if (!last) return undefined;
	try {
		return decodeURIComponent(last);
	} catch {
		return last;
	}
}

/** One GET, hashing the body as it streams in. Resolves the record of what came back. */
function download(url, signal) {
	return new Promise((resolve, reject) => {
		const request = http.get(url, { signal, timeout: TIMEOUT_MS, agent: false }, (response) => {
			const hash = crypto.createHash('sha256');
			let size = 0;
			response.on('data', (chunk) => {
				size += chunk.length;
				hash.update(chunk);
			});
			response.on('error', reject);
			response.on('end', () =>
				resolve({
					status: response.statusCode,
					location: response.headers.location,
					contentType: response.headers['content-type'],
					contentDisposition: response.headers['content-disposition'],
					size,
					sha256: hash.digest('hex'),
				}),
			);
		});
		request.on('timeout', () => request.destroy(new Error(`no answer in ${TIMEOUT_MS} ms`)));
		request.on('error', reject);
	});
}

/** Follows redirects (loopback only, at most MAX_REDIRECTS) and returns the final answer plus the URL it came from. */
async function fetchFollowing(url, signal) {
	let current = url;
	for (let hop = 0; ; hop++) {
		const answer = await download(current, signal);
		if (answer.status < 300 || answer.status >= 400 || !answer.location) {
			return { ...answer, finalUrl: current };
		}
		if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
		const next = new URL(answer.location, current).href;
		if (!isLoopbackUrl(next)) throw new Error(`redirect to a non-loopback address: ${next}`);
		current = next;
	}
}

/**
 * The attachment fetcher of one sandbox. `afterAnswer(record, params)` starts a download when an accepted send
 * carries a loopback `attachment_url`; `settled()` waits for the downloads under way; `reset()` drops them.
 */
function createAttachmentFetcher() {
	const fetches = [];
	const pending = new Set();
	let controller = new AbortController();

	function afterAnswer(record, params) {
		const url = params && params.attachment_url;
		if (record.outcome !== 'ok' || typeof url !== 'string' || !isLoopbackUrl(url)) return;
		const entry = {
			id: fetches.length + 1,
			requestId: record.id,
			action: record.action,
			url,
			attachmentType: params.attachment_type,
			startedAt: Date.now(),
		};
		fetches.push(entry);
		const { signal } = controller;
		const job = fetchFollowing(url, signal)
			.then((answer) => {
				Object.assign(entry, {
					status: answer.status,
					contentType: answer.contentType,
					contentDisposition: answer.contentDisposition,
					fileName:
						fileNameFromDisposition(answer.contentDisposition) ?? fileNameFromPath(answer.finalUrl),
					size: answer.size,
					sha256: answer.sha256,
					ok: answer.status >= 200 && answer.status < 300,
				});
			})
			.catch((err) => {
				entry.ok = false;
				entry.error = signal.aborted ? 'dropped by a sandbox reset' : err.message;
			})
			.finally(() => {
				entry.endedAt = Date.now();
				pending.delete(job);
			});
		pending.add(job);
	}

	return {
		fetches,
		afterAnswer,
		async settled() {
			while (pending.size) await Promise.all([...pending]);
			return fetches;
		},
		reset() {
			controller.abort();
			controller = new AbortController();
			pending.clear();
			fetches.length = 0;
		},
	};
}

module.exports = { createAttachmentFetcher, isLoopbackUrl, fileNameFromDisposition };
