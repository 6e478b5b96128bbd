'use strict';
// Control endpoints under /_sandbox/ for command-line use (demo, end-to-end tests). They are not recorded.
//   GET  /_sandbox/health        {"status":"ok", …counts}
//   GET  /_sandbox/requests      recorded API requests (optional ?action=)
//   GET  /_sandbox/deliveries    delivered messages/callbacks
//   GET  /_sandbox/state         the whole state as JSON
//   GET  /_sandbox/attachments   downloads of loopback attachment links (waits for those under way)
//   POST /_sandbox/reset         {"seed"?} → resets state, requests, deliveries and rules
//   POST /_sandbox/misbehave     a rule (see misbehave.js)
//   POST /_sandbox/webhook       {"url", "event"?: overrides, "timeoutMs"?} → fires a message event at url
//   POST /_sandbox/latency       {"ms"}
//   POST /_sandbox/rate-limit    {"perSecond"} (null/0 turns it off)

const { snapshot } = require('./store');

function reply(res, status, body) {
	if (res.destroyed || res.writableEnded) return;
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text),
	});
	res.end(text);
}

function jsonBody(raw) {
	if (!raw || !raw.trim()) return {};
	const body = JSON.parse(raw);
	if (!body || typeof body !== 'object' || Array.isArray(body))
		throw new Error('Expected a JSON object');
	return body;
}

const ROUTES = {
	'GET /_sandbox/health': (sandbox) => ({
		status: 'ok',
		url: sandbox.url,
		clients: sandbox.state.clients.size,
		requests: sandbox.requests.length,
		deliveries: sandbox.deliveries.length,
		pendingRules: sandbox.rules.length,
	}),
	'GET /_sandbox/requests': (sandbox, url) => {
		const action = url.searchParams.get('action');
		return action ? sandbox.requestsFor(action) : sandbox.requests;
	},
	'GET /_sandbox/deliveries': (sandbox) => sandbox.deliveries,
	'GET /_sandbox/state': (sandbox) => snapshot(sandbox.state),
	'GET /_sandbox/attachments': (sandbox) => sandbox.attachmentsSettled(),
	'POST /_sandbox/reset': (sandbox, url, body) => {
		sandbox.reset(body.seed);
		return { status: 'ok', seed: sandbox.state.seed };
	},
	'POST /_sandbox/misbehave': (sandbox, url, body) => ({
		status: 'ok',
		rule: sandbox.misbehave(body),
		pending: sandbox.rules.length,
	}),
	'POST /_sandbox/latency': (sandbox, url, body) => {
		sandbox.setLatency(body.ms);
		return { status: 'ok', latencyMs: sandbox.latencyMs };
	},
	'POST /_sandbox/rate-limit': (sandbox, url, body) => {
		sandbox.setRateLimit(body.perSecond || null);
		return { status: 'ok', perSecond: body.perSecond || null };
	},
	'POST /_sandbox/webhook': async (sandbox, url, body) => {
		if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) {
			throw Object.assign(new Error('Body needs "url" (http/https)'), { status: 400 });
		}
		const event = sandbox.buildWebhookEvent(body.event || {});
		const timeoutMs = Number(body.timeoutMs) > 0 ? Number(body.timeoutMs) : undefined;
		const result = await sandbox.sendWebhook(
			body.url,
			event,
			timeoutMs ? { timeoutMs } : undefined,
		);
		return { status: 'ok', event, result };
	},
};

async function handleControl(sandbox, req, res, url, raw) {
	const route = ROUTES[`${req.method} ${url.pathname.replace(/\/$/, '')}`];
	if (!route) {
		const known = Object.keys(ROUTES).some((r) =>
			r.endsWith(` ${url.pathname.replace(/\/$/, '')}`),
		);
		return reply(res, known ? 405 : 404, {
			status: 'error',
			message: known ? 'Method not allowed' : 'Unknown sandbox endpoint',
		});
	}
	let body;
	try {
		body = jsonBody(raw);
	} catch (err) {
		return reply(res, 400, { status: 'error', message: `Invalid JSON body: ${err.message}` });
	}
	try {
		return reply(res, 200, await route(sandbox, url, body));
	} catch (err) {
		// A webhook that cannot be delivered is a gateway failure; everything else is a bad request.
		const status = err.status || (url.pathname.startsWith('/_sandbox/webhook') ? 502 : 400);
		return reply(res, status, { status: 'error', message: err.message });
	}
}

module.exports = { handleControl };
