'use strict';
// The Mavibot sandbox (test/sandbox/cli.js) as a child process on 127.0.0.1, driven through its /_sandbox/ endpoints.

const path = require('node:path');
const { REPO, freePort, startProcess, http } = require('./util');

/**
 * Starts the sandbox. Returns { url, port, requests(action?), deliveries(), reset(seed?), misbehave(rule),
 * fireWebhook(url, event?), state(), stop() }.
 */
async function startSandbox({ port, seed = 'default', echo = false, host = '127.0.0.1' } = {}) {
	const chosen = port || (await freePort());
	const proc = startProcess(
		process.execPath,
		[path.join(REPO, 'test', 'sandbox', 'cli.js'), '--port', String(chosen), '--seed', seed],
		{ name: 'Mavibot sandbox', echo },
	);
	await proc.waitFor(/listening on (http:\/\/\S+)/, 15000);
	const url = `http://${host}:${chosen}`;
	const control = async (method, route, body) => {
		const res = await http(method, `${url}/_sandbox/${route}`, { body });
		if (res.status !== 200)
			throw new Error(`Sandbox ${method} /_sandbox/${route} answered ${res.status}: ${res.text}`);
		return res.body;
	};
	// The sandbox numbers events from a sequence that /_sandbox/reset restarts, and the Mavibot Trigger skips a message
	// id it has seen (Ignore Repeated Deliveries): events fired here get ids of their own unless the caller sets one.
	let nextEventId = 800000000 + (Date.now() % 100000) * 1000;
	return {
		url,
		port: chosen,
		process: proc,
		requests: (action) =>
			control('GET', action ? `requests?action=${encodeURIComponent(action)}` : 'requests'),
		deliveries: () => control('GET', 'deliveries'),
		state: () => control('GET', 'state'),
		/** Downloads of loopback attachment links (test/sandbox/attachmentFetch.js), once none is under way. */
		attachments: () => control('GET', 'attachments'),
		reset: (resetSeed) => control('POST', 'reset', resetSeed ? { seed: resetSeed } : {}),
		/** Adds a failure rule (test/sandbox/misbehave.js), e.g. { action: 'message', kind: 'status', status: 500 }. */
		misbehave: (rule) => control('POST', 'misbehave', rule),
		/** Makes the sandbox POST a §6 message event to `target`; resolves { event, result: { status, body } }. */
		fireWebhook: (target, event = {}) =>
			control('POST', 'webhook', { url: target, event: { id: nextEventId++, ...event } }),
		stop: () => proc.stop(5000),
		/** fireWebhook, with the sandbox waiting up to `timeoutMs` for the answer (its default is 10 s). */
		fireWebhookWithin: (timeoutMs, target, event = {}) =>
			control('POST', 'webhook', {
				url: target,
				event: { id: nextEventId++, ...event },
				timeoutMs,
			}),
	};
}

module.exports = { startSandbox };
