'use strict';
// A local HTTP server that behaves like the Mavibot API (`/api/<api_key>/<action>`, all 42 actions of the
// reference), with state, request recording, injected failures, an optional rate limit and webhook sending.
// Control endpoints live under /_sandbox/ (see control.js). See README.md for the API of createSandbox().

const http = require('node:http');
const { STATUS_CODES } = http;
const { createState } = require('./state');
const { ACTIONS, PERMISSION_WORDING } = require('./handlers');
const { ApiError, resolveIndirect } = require('./params');
const { readBody, parseBody, paramsToObject } = require('./request-body');
const { createRuleQueue, createRateLimiter } = require('./misbehave');
const { buildWebhookEvent, sendWebhook } = require('./webhook');
const { handleControl } = require('./control');
const { createAttachmentFetcher } = require('./attachmentFetch');
const { handleFile, fileCatalogue } = require('./files');

const NOT_FOUND_PAGE =
	'<!DOCTYPE html>\n<html><head><title>Not Found</title></head><body><h1>Not Found</h1>' +
	'<p>The requested resource was not found on this server.</p></body></html>\n';
const ERROR_PAGE =
	'<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>' +
	'<hr><center>nginx</center></body></html>\n';
const METHOD_PAGE =
	'<!DOCTYPE html>\n<html><head><title>Method Not Allowed</title></head><body><h1>Method Not Allowed</h1></body></html>\n';

function send(res, status, contentType, text, headers = {}) {
	if (res.destroyed || res.writableEnded) return;
	res.writeHead(status, {
		'content-type': contentType,
		'content-length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

const sendJson = (res, status, body, headers) =>
	send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
const sendHtml = (res, status, html) => send(res, status, 'text/html; charset=utf-8', html);

/** 'ok' for success answers (status "success", bare arrays, status-less objects), 'error' otherwise. */
function outcomeOf(status, body) {
	if (status >= 400) return 'error';
	if (body && typeof body === 'object' && !Array.isArray(body) && 'status' in body)
		return body.status === 'success' ? 'ok' : 'error';
	return 'ok';
}

function decode(segment) {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

function createSandbox(options = {}) {
	const opts = {
		latencyMs: 0,
		seed: 'default',
		rateLimit: undefined,
		clients: 0,
		badKeyHttpStatus: undefined,
		...options,
	};
	let state = createState({ seed: opts.seed, clients: opts.clients });
	let latencyMs = Number(opts.latencyMs) || 0;
	let limiter =
		opts.rateLimit && opts.rateLimit.perSecond
			? createRateLimiter(opts.rateLimit.perSecond)
			: undefined;
	const rules = createRuleQueue();
	const requests = [];
	const deliveries = [];
	const webhooks = [];
	const attachments = createAttachmentFetcher();
	const fileRequests = [];
	const timers = new Set();
	let server;
	let address;
	let requestSeq = 0;
	// API requests being handled right now, and the most at once since the last reset (for parallelism checks).
	const load = { inFlight: 0, peakInFlight: 0 };

	/** Ends every wait of sleep() at once (reset, stop): the waiting requests see false. */
	function cancelWaits() {
		for (const entry of timers) {
			clearTimeout(entry.timer);
			entry.resolve(false);
		}
		timers.clear();
	}

	/** Resolves true after ms, or false at once when the sandbox is reset or stopped meanwhile. */
	function sleep(ms) {
		if (!(ms > 0)) return Promise.resolve(true);
		return new Promise((resolve) => {
			const entry = { resolve };
			entry.timer = setTimeout(() => {
				timers.delete(entry);
				resolve(true);
			}, ms);
			timers.add(entry);
		});
	}

	/** Runs the action: routing, key, permission, handler. Returns { status, body } or { status, html }. */
	function execute(record, parsed) {
		const { action, key, method } = record;
		if (method !== 'GET' && method !== 'POST') return { status: 405, html: METHOD_PAGE };
		const handler = Object.prototype.hasOwnProperty.call(ACTIONS, action)
			? ACTIONS[action]
			: undefined;
		if (!handler) return { status: 404, html: NOT_FOUND_PAGE };
		const permissions = Object.prototype.hasOwnProperty.call(state.keys, key)
			? state.keys[key]
			: undefined;
		if (!permissions)
			return {
				status: opts.badKeyHttpStatus || 200,
				body: { status: 'error', message: 'API key is invalid' },
			};
		if (!permissions.includes(handler.permission)) {
			const message = `Access denied: the API key has no permission to ${PERMISSION_WORDING[handler.permission]}`;
			return { status: 403, body: { status: 'error', message } };
		}
		if (parsed.error)
			return {
				status: 400,
				body: { status: 'fail', message: `Error in parameter format: ${parsed.error}` },
			};
		const body = parsed.body;
		const isObject = body && typeof body === 'object' && !Array.isArray(body);
		let params = isObject ? { ...record.query, ...body } : { ...record.query };
		if (handler.universal) params = resolveIndirect(params, isObject ? body : undefined);
		const ctx = {
			state,
			params,
			query: record.query,
			body,
			key,
			action,
			method,
			sandbox,
			deliver(entry) {
				const clean = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
				deliveries.push({
					id: deliveries.length + 1,
					requestId: record.id,
					action,
					at: Date.now(),
					...clean,
				});
			},
		};
		try {
			const result = handler.handle(ctx);
			return { status: result.status || 200, body: result.body };
		} catch (err) {
			if (err instanceof ApiError) return { status: err.status, body: err.body };
			record.error = err && err.stack ? err.stack : String(err);
			return { status: 500, body: { status: 'fail', message: 'Something went wrong' } };
		}
	}

	function answer(res, record, result) {
		record.status = result.status;
		if (result.html !== undefined) {
			record.outcome = 'error';
			sendHtml(res, result.status, result.html);
			return;
		}
		record.outcome = outcomeOf(result.status, result.body);
		record.response = result.body;
		let text = JSON.stringify(result.body);
		// Never echo the API key (e.g. inside echoed input).
		if (record.key.length >= 6 && text.includes(record.key))
			text = text.split(record.key).join('***');
		send(res, result.status, 'application/json; charset=utf-8', text);
	}

	function misbehaveAnswer(req, res, record, rule) {
		if (rule.kind === 'drop') {
			record.outcome = 'dropped';
			req.socket.destroy();
			return;
		}
		if (rule.kind === 'status') {
			const headers =
				rule.retryAfter !== undefined ? { 'retry-after': String(rule.retryAfter) } : {};
			const body =
				rule.body !== undefined
					? rule.body
					: { status: 'error', message: STATUS_CODES[rule.status] || 'Error' };
			record.outcome = `misbehaved:${rule.status}`;
			record.status = rule.status;
			if (typeof body === 'string')
				send(res, rule.status, 'text/plain; charset=utf-8', body, headers);
			else sendJson(res, rule.status, body, headers);
			return;
		}
		const status = rule.status || 200;
		record.status = status;
		if (rule.kind === 'html') {
			record.outcome = 'misbehaved:html';
			sendHtml(res, status, rule.body !== undefined ? String(rule.body) : ERROR_PAGE);
		} else {
			record.outcome = 'misbehaved:text';
			send(res, status, 'text/plain; charset=utf-8', String(rule.text ?? ''));
		}
	}

	async function handleApi(req, res, url, raw, match) {
		const parsed = parseBody(raw, req.headers['content-type']);
		const record = {
			id: ++requestSeq,
			at: Date.now(),
			method: req.method,
			action: decode(match[2]),
			key: decode(match[1]),
			query: paramsToObject(url.searchParams),
			body: parsed.body,
			rawBody: raw,
			headers: req.headers,
			outcome: 'pending',
		};
		requests.push(record);
		if (limiter && !limiter.allow()) {
			record.outcome = 'rate-limited';
			record.status = 429;
			sendJson(res, 429, { status: 'error', message: 'Too many requests' }, { 'retry-after': '1' });
			return;
		}
		const rule = rules.take(record.action);
		if (rule) record.misbehaviour = rule.kind;
		// A request still waiting when the sandbox is reset or stopped belongs to the state before: it is dropped
		// unanswered, so that it cannot land in the next test's state.
		if (!(await sleep(latencyMs))) return res.destroy();
		if (rule && rule.kind === 'delay') {
			record.delayedMs = Number(rule.ms);
			if (!(await sleep(Number(rule.ms)))) return res.destroy();
		}
		if (rule && rule.kind !== 'delay') {
			if (rule.apply) {
				const result = execute(record, parsed);
				record.applied =
					result.html === undefined && outcomeOf(result.status, result.body) === 'ok';
				record.response = result.body;
			}
			misbehaveAnswer(req, res, record, rule);
			return;
		}
		answer(res, record, execute(record, parsed));
		// As Mavibot does once a send is accepted: fetch its attachment (loopback links only, see attachmentFetch.js).
		const body = parsed.body && typeof parsed.body === 'object' ? parsed.body : {};
		attachments.afterAnswer(record, { ...record.query, ...body });
	}

	async function onRequest(req, res) {
		const url = new URL(req.url, 'http://sandbox.local');
		let raw;
		try {
			raw = await readBody(req);
		} catch {
			res.destroy();
			return;
		}
		if (url.pathname.startsWith('/_sandbox/')) return handleControl(sandbox, req, res, url, raw);
		if (url.pathname.startsWith('/files/'))
			return handleFile(req, res, url, { sleep, record: (entry) => fileRequests.push(entry) });
		const match = /^\/api\/([^/]*)\/([^/]+)\/?$/.exec(url.pathname);
		if (!match) return sendHtml(res, 404, NOT_FOUND_PAGE);
		load.inFlight++;
		load.peakInFlight = Math.max(load.peakInFlight, load.inFlight);
		try {
			return await handleApi(req, res, url, raw, match);
		} finally {
			load.inFlight--;
		}
	}

	const sandbox = {
		options: opts,
		actions: ACTIONS,
		requests,
		deliveries,
		webhooks,
		/** Downloads of loopback attachment links: { id, requestId, action, url, status, contentType, fileName, size, sha256, ok, error? }. */
		attachmentFetches: attachments.fetches,
		/** Resolves the attachment downloads once none is under way. */
		attachmentsSettled: () => attachments.settled(),
		fileRequests,
		/** The attachment files served under /files/ (see files.js): name → { path, fileName, mimeType, length, sha256() }. */
		files: fileCatalogue(),
		/** The URL of a path under /files/ on this sandbox, e.g. fileUrl('photo.jpg'). */
		fileUrl(path) {
			return `${address.url}/files/${path}`;
		},
		get state() {
			return state;
		},
		get rules() {
			return rules.rules;
		},
		get url() {
			return address ? address.url : undefined;
		},
		get latencyMs() {
			return latencyMs;
		},
		get peakInFlight() {
			return load.peakInFlight;
		},
		requestsFor(action) {
			return requests.filter((r) => r.action === action);
		},
		reset(seed) {
			cancelWaits();
			state = createState({ seed: seed || opts.seed, clients: opts.clients });
			requests.length = 0;
			deliveries.length = 0;
			webhooks.length = 0;
			attachments.reset();
			fileRequests.length = 0;
			load.peakInFlight = load.inFlight;
			rules.clear();
			if (limiter) limiter = createRateLimiter(limiter.perSecond);
			return sandbox;
		},
		misbehave(rule) {
			return rules.add(rule);
		},
		setLatency(ms) {
			latencyMs = Number(ms) || 0;
		},
		setRateLimit(perSecond) {
			limiter = perSecond ? createRateLimiter(Number(perSecond)) : undefined;
		},
		buildWebhookEvent(overrides) {
			return buildWebhookEvent(state, overrides);
		},
		async sendWebhook(url, event, options) {
			const payload = event || buildWebhookEvent(state);
			const entry = { url, event: payload, at: Date.now() };
			webhooks.push(entry);
			try {
				const result = await sendWebhook(url, payload, options);
				entry.status = result.status;
				return result;
			} catch (err) {
				entry.error = err.message;
				throw err;
			}
		},
		start(port = 0) {
			if (server) return Promise.resolve(address);
			server = http.createServer((req, res) => {
				onRequest(req, res).catch((err) => {
					if (!res.headersSent)
						sendJson(res, 500, { status: 'fail', message: 'Something went wrong' });
					else res.destroy(err);
				});
			});
			return new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, '127.0.0.1', () => {
					server.off('error', reject);
					const actual = server.address().port;
					address = { url: `http://127.0.0.1:${actual}`, port: actual };
					resolve(address);
				});
			});
		},
		stop() {
			if (!server) return Promise.resolve();
			const closing = server;
			server = undefined;
			address = undefined;
			cancelWaits();
			attachments.reset();
			return new Promise((resolve) => {
				closing.close(() => resolve());
				closing.closeAllConnections();
			});
		},
	};
	return sandbox;
}

const { KEYS, SEED } = require('./state');

module.exports = { createSandbox, KEYS, SEED, NOT_FOUND_PAGE };
