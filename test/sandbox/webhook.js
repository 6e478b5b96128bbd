'use strict';
// §6 webhook: the JSON message event the platform POSTs to the project's webhook URL, with the fields real payloads
// carry beyond the documented ones (shared/reference/real-world-shapes.md): client.variables, client.custom_answer,
// client.operator_start_dialog and internal_id (the messenger's own message ID, a string, or null).

const http = require('node:http');
const https = require('node:https');

function formatTime(unixSeconds) {
	return new Date(unixSeconds * 1000).toISOString().replace('T', ' ').slice(0, 19);
}

/**
 * A message event for a client of the state (default: client 1001), with a fresh id from the shared message-id
 * sequence. `overrides` replace top-level fields; `overrides.client` is merged into the client part, and
 * `overrides.client_id` (or `overrides.client.id`) picks the client.
 */
function buildWebhookEvent(state, overrides = {}) {
	const { client: clientOverrides = {}, client_id: clientIdOverride, ...rest } = overrides;
	const wantedId = Number(clientIdOverride ?? clientOverrides.id ?? 1001);
	const client = state.clients.get(wantedId) || state.clients.values().next().value;
	const base = client
		? {
				id: client.id,
				recepient: client.platform_id,
				client_type: client.client_type,
				name: client.name,
				avatar: client.avatar,
				created_at: formatTime(client.created_at),
				tag: client.tag,
				group: client.group,
				variables: { ...(client.variables || {}) },
				custom_answer: client.custom_answer ?? null,
				operator_start_dialog: client.operator_start_dialog ?? null,
			}
		: {
				id: wantedId,
				recepient: '',
				client_type: 1,
				name: null,
				avatar: null,
				created_at: formatTime(0),
				tag: null,
				group: '',
				variables: {},
				custom_answer: null,
				operator_start_dialog: null,
			};
	const id = state.seq.message++;
	return {
		id,
		client: { ...base, ...clientOverrides },
		message: 'Hello!',
		attachments: [],
		message_id: client ? client.message_id : null,
		project_id: state.projectId,
		is_input: 1,
		delivered: 1,
		error_message: '',
		internal_id: String(id % 100000),
		...rest,
	};
}

/** POSTs `event` as JSON to `url`; resolves { status, body } (body parsed as JSON when possible). */
function sendWebhook(url, event, { timeoutMs = 10000 } = {}) {
	const target = new URL(url);
	const transport = target.protocol === 'https:' ? https : http;
	const payload = Buffer.from(JSON.stringify(event));
	return new Promise((resolve, reject) => {
		const req = transport.request(
			target,
			{
				method: 'POST',
				agent: false,
				timeout: timeoutMs,
				headers: {
					'content-type': 'application/json',
					'content-length': payload.length,
					'user-agent': 'Mavibot-Sandbox-Webhook/1.0',
					connection: 'close',
				},
			},
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let body = text;
					try {
						body = text ? JSON.parse(text) : '';
					} catch {
						// keep text
					}
					resolve({ status: res.statusCode, body });
				});
				res.on('error', reject);
			},
		);
		req.on('timeout', () => req.destroy(new Error(`Webhook to ${target.host} timed out`)));
		req.on('error', reject);
		req.end(payload);
	});
}

module.exports = { buildWebhookEvent, sendWebhook, formatTime };
