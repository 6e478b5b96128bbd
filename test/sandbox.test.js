'use strict';
// Tests of the Mavibot sandbox server (test/sandbox/): every action's documented shape and state change, error
// shapes and limits, permissions, injected failures, rate limit, recording, webhooks and control endpoints.

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { createSandbox } = require('./sandbox/server');
const { KEYS, SEED } = require('./sandbox/state');

const C = SEED.clients;
let sb;
let base;
/** Actions that answered a success shape at least once (checked by the last test). */
const covered = new Set();

function toQuery(params) {
	const qs = new URLSearchParams();
	for (const [k, v] of Object.entries(params)) {
		if (v === undefined) continue;
		qs.append(k, v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));
	}
	return qs.toString();
}

/** Calls an action with its documented method (GET → query string, POST → JSON body) unless told otherwise. */
async function call(action, params = {}, opts = {}) {
	const key = opts.key ?? KEYS.full;
	const method = opts.method ?? sb.actions[action]?.method ?? 'GET';
	let url = `${opts.base ?? base}/api/${encodeURIComponent(key)}/${action}`;
	const init = { method, headers: {} };
	const query = method === 'GET' ? { ...params, ...opts.query } : opts.query;
	if (query && Object.keys(query).length) url += `?${toQuery(query)}`;
	if (method !== 'GET') {
		if (opts.raw !== undefined) {
			init.body = opts.raw;
			if (opts.contentType) init.headers['content-type'] = opts.contentType;
		} else if (opts.form) {
			init.headers['content-type'] = 'application/x-www-form-urlencoded';
			init.body = toQuery(params);
		} else {
			init.headers['content-type'] = 'application/json';
			init.body = JSON.stringify(params);
		}
	}
	const res = await fetch(url, init);
	const text = await res.text();
	let body = text;
	try {
		body = JSON.parse(text);
	} catch {
		// not JSON
	}
	const success =
		res.status < 400 &&
		(Array.isArray(body) ||
			(body &&
				typeof body === 'object' &&
				(body.status === undefined || body.status === 'success')));
	if (success && key === KEYS.full) covered.add(action);
	return { status: res.status, headers: res.headers, body, text };
}

const control = async (path, body) => {
	const res = await fetch(
		`${base}/_sandbox/${path}`,
		body === undefined
			? {}
			: {
					method: 'POST',
					body: JSON.stringify(body),
					headers: { 'content-type': 'application/json' },
				},
	);
	return { status: res.status, body: await res.json() };
};

const range = (n, from = 0) => Array.from({ length: n }, (_, i) => from + i);
const historyOf = (clientId) => sb.state.history.get(clientId) || [];

beforeAll(async () => {
	sb = createSandbox();
	({ url: base } = await sb.start());
});
afterAll(() => sb.stop());
beforeEach(() => sb.reset());

describe('callback actions', () => {
	test('callback by client_id saves extra params as variables, reacts with the bot and records a delivery', async () => {
		const { status, body } = await call('callback', {
			client_id: C.ann,
			message: 'paid_ok',
			order_sum: '1500',
		});
		expect(status).toBe(200);
		expect(body).toEqual({ status: 'success', client_id: C.ann });
		const ann = sb.state.clients.get(C.ann);
		expect(ann.variables.order_sum).toBe('1500');
		expect(ann.message_id).toBe(SEED.blocks.paidOk);
		expect(
			historyOf(C.ann)
				.slice(-2)
				.map((i) => i.text),
		).toEqual(['paid_ok', 'Thank you, your payment was received.']);
		expect(sb.deliveries).toEqual([
			expect.objectContaining({
				action: 'callback',
				kind: 'callback',
				clientId: C.ann,
				platformId: '146467928',
				text: 'paid_ok',
			}),
		]);
	});

	test('callback finds clients by client_phone / client_email and reports unknown clients and missing params', async () => {
		expect(
			(await call('callback', { client_phone: '+7 (999) 123-45-67', message: 'hi' })).body
				.client_id,
		).toBe(C.boris);
		expect(
			(await call('callback', { client_email: 'CAROL@example.com', message: 'hi' })).body.client_id,
		).toBe(C.carol);
		expect((await call('callback', { client_id: 424242, message: 'hi' })).body).toEqual({
			status: 'client_not_found',
		});
		expect((await call('callback', { client_id: C.ann })).body).toEqual({
			status: 'fail',
			message: 'Parameter "message" required',
		});
		expect((await call('callback', { message: 'hi' })).body).toEqual({
			status: 'fail',
			message: 'Parameter "client_id" required',
		});
	});

	test('time_shift wins over send_time and both are recorded on the delivery', async () => {
		await call('callback', { client_id: C.ann, message: 'x', send_time: '2030-01-02 03:04:05' });
		await call('message', {
			client_id: C.ann,
			message: 'y',
			send_time: '2030-01-02 03:04:05',
			time_shift: 60,
		});
		const [first, second] = sb.deliveries;
		expect(first).toMatchObject({
			sendTime: '2030-01-02 03:04:05',
			scheduledFor: Date.UTC(2030, 0, 2, 3, 4, 5) / 1000,
		});
		expect(second.timeShift).toBe(60);
		expect(second.scheduledFor).toBeGreaterThan(Date.now() / 1000 + 50);
		expect(
			(await call('message', { client_id: C.ann, message: 'z', send_time: 'tomorrow' })).body
				.status,
		).toBe('fail');
	});

	test('vk_callback, tg_callback need an existing client of that messenger and bot', async () => {
		expect(
			(await call('vk_callback', { user_id: '52734169', group_id: '143414131', message: 'm' }))
				.body,
		).toEqual({ status: 'success', client_id: C.dmitry });
		expect((await call('vk_callback', { user_id: '1', group_id: '143414131' })).body).toEqual({
			status: 'client_not_found',
		});
		expect((await call('vk_callback', { user_id: '52734169' })).body.message).toBe(
			'Parameter "group_id" required',
		);
		// 146467928 is both a Telegram (1001) and a VK (1009) id.
		expect(
			(await call('tg_callback', { user_id: 146467928, group_id: 'mavi_test_bot', message: 'go' }))
				.body.client_id,
		).toBe(C.ann);
		expect(
			(await call('tg_callback', { user_id: 146467928, group_id: 'other_bot', message: 'go' }))
				.body,
		).toEqual({ status: 'client_not_found' });
	});

	test('ok_callback, whatsapp_callback and email_callback create missing clients', async () => {
		const ok1 = await call('ok_callback', {
			user_id: '5770001',
			group_id: '55001',
			name: 'Olya',
			message: 'hi',
		});
		expect(ok1.body).toEqual({ status: 'success', client_id: SEED.firstRuntimeClientId });
		expect(
			(await call('ok_callback', { user_id: '5770001', group_id: '55001' })).body.client_id,
		).toBe(SEED.firstRuntimeClientId);
		expect(sb.state.clients.get(SEED.firstRuntimeClientId)).toMatchObject({
			client_type: 8,
			name: 'Olya',
		});

		expect(
			(
				await call('whatsapp_callback', {
					phone: '8 (999) 123-45-67',
					message: 'lead_from_site',
					bot_id: 34810,
				})
			).body.client_id,
		).toBe(C.boris);
		const wa = await call('whatsapp_callback', {
			phone: '79001112233',
			name: 'Ann',
			message: 'lead_from_site',
			utm: 'x',
		});
		const created = sb.state.clients.get(wa.body.client_id);
		expect(created).toMatchObject({
			client_type: 6,
			platform_id: '79001112233',
			name: 'Ann',
			group: SEED.bots.whatsapp.group_id,
		});
		expect(created.variables).toEqual({ utm: 'x' });
		expect((await call('whatsapp_callback', { phone: '79001112233', bot_id: 999 })).body).toEqual({
			status: 'fail',
			message: 'WhatsApp channel 999 not found',
		});

		const mail = await call('email_callback', {
			email: 'new@example.com',
			email_id_bot: 'bot@shop.example',
			message: 'welcome',
		});
		expect(sb.state.clients.get(mail.body.client_id)).toMatchObject({
			client_type: 14,
			email: 'new@example.com',
		});
		expect(
			(await call('email_callback', { email: 'carol@example.com', email_id_bot: 41 })).body
				.client_id,
		).toBe(C.carol);
		expect(
			(await call('email_callback', { email: 'a@b.c', email_id_bot: 'x@y.z' })).body.status,
		).toBe('fail');
	});

	test('send_callback_by_platform_id: matched clients, group restriction and the 300 limit', async () => {
		const all = await call('send_callback_by_platform_id', {
			platform_ids: [146467928, '79991234567', 'nope'],
			callback_text: 'webinar_started',
		});
		expect(all.body).toEqual({ status: 'success', sent: 3 });
		const oneBot = await call('send_callback_by_platform_id', {
			platform_ids: ['146467928', 407184121],
			callback_text: 't',
			group_id: 'mavi_test_bot',
		});
		expect(oneBot.body).toEqual({ status: 'success', sent: 2 });
		expect(
			(await call('send_callback_by_platform_id', { platform_ids: range(300), callback_text: 't' }))
				.body,
		).toEqual({ status: 'success', sent: 0 });
		expect(
			(await call('send_callback_by_platform_id', { platform_ids: range(301), callback_text: 't' }))
				.body,
		).toEqual({
			status: 'fail',
			message: 'Too many platform_ids: the limit is 300 per request',
		});
		expect(sb.deliveries).toHaveLength(5);
	});

	test('universal webhook: value_* and delimiter resolve identifiers from foreign payloads', async () => {
		await call(
			'callback',
			{ my_client: C.ann, message: 'hi' },
			{ query: { value_client_id: 'my_client' } },
		);
		await call(
			'callback',
			{ data: { client: { id: C.elena } }, message: 'hi' },
			{ query: { delimiter: '1', delimiter_value_client_id: 'data1client1id' } },
		);
		expect(sb.deliveries.map((d) => d.clientId)).toEqual([C.ann, C.elena]);
	});
});

describe('message actions', () => {
	test('message sends text, attachments, blocks and buttons; validates content', async () => {
		const buttons = { hint: 'Reply 1 or 2', buttons: [{ text: 'Yes', type: 'inline' }] };
		expect(
			(await call('message', { client_id: C.ann, message: 'Your invoice', buttons })).body,
		).toEqual({ status: 'success', client_id: C.ann });
		expect(historyOf(C.ann).at(-1)).toMatchObject({
			text: 'Your invoice',
			message_from_outside: 1,
			client_replica: false,
		});
		await call('message', {
			client_id: C.ann,
			attachment_type: 'file',
			attachment_url: 'https://example.com/a.pdf',
		});
		await call('message', { client_id: C.ann, message_id: SEED.blocks.priceList });
		expect(sb.deliveries.map((d) => d.text)).toEqual([
			'Your invoice',
			'',
			'Our price list is attached.',
		]);
		expect(sb.deliveries[0].buttons).toEqual(buttons);
		expect(sb.deliveries[1].attachment).toEqual({
			attachment_url: 'https://example.com/a.pdf',
			attachment_type: 'file',
		});

		const noType = await call('message', {
			client_id: C.ann,
			attachment_url: 'https://example.com/a.pdf',
		});
		expect(noType.body.status).toBe('fail');
		expect(noType.body.message).toMatch(/attachment_type/);
		expect((await call('message', { client_id: C.ann })).body).toEqual({
			status: 'fail',
			message: 'Parameter "message" required',
		});
		expect((await call('message', { message: 'x' })).body).toEqual({
			status: 'fail',
			message: 'Parameter "client_id" required',
		});
		expect((await call('message', { client_id: 424242, message: 'x' })).body).toEqual({
			status: 'client_not_found',
		});
		expect((await call('message', { client_id: C.ann, message_id: 1 })).body.status).toBe('fail');
		expect(sb.deliveries).toHaveLength(3);
	});

	test('whatsapp_message writes to a number, creating the client when new', async () => {
		const { body } = await call('whatsapp_message', {
			phone: '+7 999 123 45 67',
			message: 'Hello',
			whatsapp_bot_id: 34810,
		});
		expect(body).toEqual({ status: 'success', client_id: C.boris });
		const fresh = await call('whatsapp_message', {
			phone: '79875146788',
			message_id: SEED.blocks.start,
		});
		expect(sb.state.clients.get(fresh.body.client_id)).toMatchObject({
			client_type: 6,
			platform_id: '79875146788',
		});
		expect(sb.deliveries.map((d) => [d.phone, d.text])).toEqual([
			['79991234567', 'Hello'],
			['79875146788', 'Hello! I am the Mavi Test Bot.'],
		]);
	});

	test('broadcast needs exactly one target and sends to each recipient', async () => {
		expect((await call('broadcast', { list: SEED.lists.hotLeads, message: 'Sale' })).body).toEqual({
			status: 'success',
			sent: 3,
		});
		expect(
			(await call('broadcast', { clients: [String(C.ann), C.carol, 9], message: 'Sale', shift: 1 }))
				.body,
		).toEqual({ status: 'success', sent: 2, not_found: [9] });
		expect(
			(
				await call('broadcast', {
					platform_ids: ['146467928'],
					group_id: '143414131',
					message: 'VK',
				})
			).body.sent,
		).toBe(1);
		expect((await call('broadcast', { platform_ids: ['146467928'], message: 'x' })).body).toEqual({
			status: 'fail',
			message: 'Parameter "group_id" required',
		});
		expect((await call('broadcast', { message: 'x' })).body.status).toBe('fail');
		expect(
			(await call('broadcast', { list: SEED.lists.hotLeads, clients: [C.ann], message: 'x' })).body
				.status,
		).toBe('fail');
		expect((await call('broadcast', { list: 1 })).body.status).toBe('fail');
		expect(sb.deliveries).toHaveLength(6);
		expect(sb.deliveries[3]).toMatchObject({ broadcast: true, shift: 1, clientId: C.ann });
	});
});

describe('conversation actions', () => {
	test('get_history returns §5.4 items, honours limit and dates', async () => {
		const { body } = await call('get_history', { client_id: C.ann });
		expect(body.status).toBe('success');
		expect(body.result).toHaveLength(4);
		expect(Object.keys(body.result[0]).sort()).toEqual(
			[
				'answered',
				'attachments',
				'client_replica',
				'created_at',
				'delivered',
				'error_message',
				'id',
				'manager_email',
				'manager_id',
				'message_from_outside',
				'message_id',
				'text',
			].sort(),
		);
		expect(
			(await call('get_history', { client_id: C.ann, limit: 2 })).body.result.map((i) => i.text),
		).toEqual(['How much is the starter plan?', 'The starter plan costs 1500.']);
		expect((await call('get_history', { client_id: C.ann, limit: 2000 })).body.result).toHaveLength(
			4,
		);
		expect((await call('get_history', { client_id: C.ann, limit: 2001 })).body).toEqual({
			status: 'fail',
			message: 'limit must not exceed 2000',
		});
		expect(
			(await call('get_history', { client_id: C.ann, start_date: '01.01.2025' })).body,
		).toEqual({ status: 'fail', message: 'Parameter "stop_date" required' });
		expect(
			(
				await call('get_history', {
					client_id: C.ann,
					start_date: '01.01.2025',
					stop_date: '01.01.2025',
				})
			).body.result,
		).toHaveLength(4);
		expect(
			(
				await call('get_history', {
					client_id: C.ann,
					start_date: '02.01.2025',
					stop_date: '31.01.2025',
				})
			).body.result,
		).toEqual([]);
		expect((await call('get_history', { client_id: 424242 })).body).toEqual({
			status: 'client_not_found',
		});
	});

	test('clear_history empties the dialog', async () => {
		expect((await call('clear_history', { client_id: C.ann })).body).toEqual({
			status: 'success',
			deleted: 4,
		});
		expect((await call('get_history', { client_id: C.ann })).body).toEqual({
			status: 'success',
			result: [],
		});
	});

	test('assign_to_user assigns a named employee or distributes automatically', async () => {
		expect(
			(await call('assign_to_user', { client_id: C.ann, email: 'manager@shop.example' })).body,
		).toEqual({ status: 'success', client_id: C.ann, email: 'manager@shop.example' });
		expect(sb.state.clients.get(C.ann).manager_email).toBe('manager@shop.example');
		expect((await call('assign_to_user', { client_id: C.boris })).body.email).toBe(
			'operator@example.com',
		);
		expect(
			(await call('assign_to_user', { client_id: C.ann, email: 'nobody@x.y' })).body.status,
		).toBe('fail');
	});
});

describe('client actions', () => {
	test('load_clients takes a top-level array and answers per item', async () => {
		const items = [
			{ platform_id: '79875555555', group_id: 34810, client_type: 6 },
			{ platform_id: '79875555555', group_id: 34810, client_type: 6 },
			{ platform_id: '79001234567', group_id: '', client_type: 13 },
			{ platform_id: '79001234568', group_id: 'x', client_type: 13 },
			{ platform_id: '777', group_id: 'mavi_test_bot', client_type: 1 },
			{ platform_id: '778', group_id: 'no_such_bot', client_type: 1 },
		];
		const { body } = await call('load_clients', items);
		expect(body.status).toBe('success');
		expect(body.items[0]).toEqual({
			platform_id: '79875555555@s.whatsapp.net',
			group_id: '34810',
			client_type: 6,
			status: 'success',
			id: SEED.firstRuntimeClientId,
		});
		expect(body.items[1].id).toBe(SEED.firstRuntimeClientId);
		expect(body.items[2]).toMatchObject({ status: 'success', group_id: '' });
		expect(body.items[3]).toMatchObject({
			status: 'fail',
			message: 'group_id must be "" for client_type 13',
		});
		expect(body.items[4].status).toBe('success');
		expect(body.items[5].status).toBe('fail');
		expect(sb.state.clients.get(SEED.firstRuntimeClientId)).toMatchObject({
			platform_id: '79875555555',
			group: SEED.bots.whatsapp.group_id,
		});
		expect(
			(
				await call('load_clients', {
					clients: [{ platform_id: '9', group_id: 23, client_type: 1 }],
				})
			).body.items[0].status,
		).toBe('success');
		expect((await call('load_clients', { foo: 1 })).body.status).toBe('fail');
	});

	test('get_clients pages newest first, supports reverse, list and the 500 limit', async () => {
		const { body } = await call('get_clients');
		expect(body.status).toBe('success');
		expect(body.clients).toHaveLength(12);
		expect(body.clients[0].id).toBe(C.lena);
		expect(Object.keys(body.clients[0]).sort()).toEqual(
			[
				'avatar',
				'client_type',
				'created_at',
				'custom_answer',
				'group',
				'id',
				'message_id',
				'name',
				'operator_start_dialog',
				'platform_id',
				'project_id',
				'tag',
				'updated_at',
			].sort(),
		);
		expect(
			(await call('get_clients', { reverse: 1, limit: 2 })).body.clients.map((c) => c.id),
		).toEqual([C.ann, C.boris]);
		expect(
			(await call('get_clients', { offset: 2, limit: 3 })).body.clients.map((c) => c.id),
		).toEqual([1010, 1009, 1008]);
		expect(
			(await call('get_clients', { list: SEED.lists.hotLeads })).body.clients.map((c) => c.id),
		).toEqual([1008, 1002, 1001]);
		expect((await call('get_clients', { limit: 500 })).body.status).toBe('success');
		expect((await call('get_clients', { limit: 501 })).body).toEqual({
			status: 'fail',
			message: 'limit must not exceed 500',
		});
	});

	test('subscribers answers a bare array in pages of 1000 with filters', async () => {
		const { body } = await call('subscribers', { client_type: 1 });
		expect(Array.isArray(body)).toBe(true);
		expect(body.map((s) => s.id)).toEqual([C.ann, C.elena, C.hanna]);
		expect(Object.keys(body[0]).sort()).toEqual(
			[
				'client_email',
				'client_phone',
				'client_type',
				'created_at',
				'group',
				'id',
				'name',
				'tag',
				'vk_id',
			].sort(),
		);
		expect((await call('subscribers', { group: '143414131' })).body.map((s) => s.vk_id)).toEqual([
			'52734169',
			'146467928',
		]);
		expect((await call('subscribers', { tag: 'webinar' })).body.map((s) => s.id)).toEqual([
			C.elena,
		]);
		expect((await call('subscribers', { page: 1 })).body).toEqual([]);
	});

	test('delete_clients removes clients, max 500 ids, needs Del-Cl', async () => {
		expect((await call('delete_clients', { client_ids: [C.hanna, 999999] })).body).toEqual({
			status: 'success',
			deleted: 1,
		});
		expect(sb.state.clients.has(C.hanna)).toBe(false);
		expect(sb.state.lists.get(SEED.lists.hotLeads).clients.has(C.hanna)).toBe(false);
		expect((await call('delete_clients', { client_ids: range(500, 1001) })).body).toEqual({
			status: 'success',
			deleted: 11,
		});
		expect((await call('delete_clients', { client_ids: range(501, 1001) })).body).toEqual({
			status: 'fail',
			message: 'Too many client_ids: the limit is 500 per request',
		});
		const refused = await call('delete_clients', { client_ids: [1] }, { key: KEYS.nodelete });
		expect(refused.status).toBe(403);
		expect(refused.body).toEqual({
			status: 'error',
			message: 'Access denied: the API key has no permission to delete clients',
		});
	});
});

describe('list actions', () => {
	test('add_to_list and remove_from_list change membership', async () => {
		const list = SEED.lists.empty;
		expect(
			(await call('add_to_list', { list_id: list, clients: [C.ann, C.boris, 424242] })).body,
		).toEqual({ status: 'success', added: 2, not_found: [424242] });
		expect((await call('get_clients', { list })).body.clients.map((c) => c.id)).toEqual([
			C.boris,
			C.ann,
		]);
		expect((await call('remove_from_list', { list_id: list, clients: [C.ann] })).body).toEqual({
			status: 'success',
			removed: 1,
		});
		expect([...sb.state.lists.get(list).clients]).toEqual([C.boris]);
		expect((await call('add_to_list', { list_id: 5, clients: [C.ann] })).body).toEqual({
			status: 'fail',
			message: 'List 5 not found',
		});
		expect((await call('add_to_list', { list_id: list })).body).toEqual({
			status: 'fail',
			message: 'Parameter "clients" required',
		});
	});
});

describe('lookup actions', () => {
	test('online_chat_client_id and whatsapp_client_id answer a bare client_id', async () => {
		expect((await call('online_chat_client_id', { recipient: 'chat-7f3a9c' })).body).toEqual({
			client_id: C.webVisitor,
		});
		const fresh = await call('online_chat_client_id', {
			recipient: 'chat-new',
			name: 'Visitor 2',
			tag: 'home',
		});
		expect(sb.state.clients.get(fresh.body.client_id)).toMatchObject({
			client_type: 5,
			name: 'Visitor 2',
			tag: 'home',
		});
		expect((await call('whatsapp_client_id', { phone: '89991234567' })).body).toEqual({
			client_id: C.boris,
		});
		expect(
			(
				await call('whatsapp_client_id', {
					phone: '79991234567',
					group_id: SEED.bots.whatsapp.group_id,
				})
			).body,
		).toEqual({ client_id: C.boris });
		expect((await call('whatsapp_client_id', { phone: '70000000000' })).status).toBe(404);
	});

	test('find_client_id_by_phone / _email / _var / latest', async () => {
		expect((await call('find_client_id_by_phone', { phone: '+7 999 555-66-77' })).body).toEqual({
			client_id: C.elena,
		});
		expect((await call('find_client_id_by_phone', { phone: '79991234567' })).body.client_id).toBe(
			C.boris,
		);
		expect((await call('find_client_id_by_phone', { phone: '70000000000' })).body).toEqual({
			status: 'client_not_found',
		});
		expect((await call('find_client_id_by_email', { email: 'george@example.com' })).body).toEqual({
			client_id: C.george,
		});
		expect((await call('find_client_id_by_email', { email: 'x@example.com' })).body).toEqual({
			status: 'client_not_found',
		});
		expect((await call('find_client_id_by_var', { var: 'city', val: 'Kazan' })).body).toEqual({
			status: 'success',
			client_id: C.boris,
		});
		expect(
			(await call('find_client_id_by_var', { var: 'product', val: 'pro', search_in: 'order' })).body
				.client_id,
		).toBe(C.boris);
		expect(
			(
				await call('find_client_id_by_var', {
					var: 'city',
					val: 'Kazan',
					group_id: 'mavi_test_bot',
				})
			).body,
		).toEqual({ status: 'client_not_found' });
		expect((await call('find_client_id_by_var', { var: 'city' })).body).toEqual({
			status: 'fail',
			message: 'Parameter "val" required',
		});
		expect(
			(await call('find_latest_client_id_by_var', { var: 'city', val: 'Kazan' })).body,
		).toEqual({ status: 'success', client_id: C.farid });
		expect(
			(await call('find_latest_client_id_by_var', { var: 'product', val: 'starter' })).body
				.client_id,
		).toBe(C.ann);
	});

	test('find_all_client_id_by_var and find_all_client_id_by_several_vars', async () => {
		expect((await call('find_all_client_id_by_var', { var: 'city', val: 'Moscow' })).body).toEqual({
			status: 'success',
			client_ids: [C.ann, C.dmitry],
		});
		expect((await call('find_all_client_id_by_var', { var: 'city', val: 'Paris' })).body).toEqual({
			status: 'success',
			client_ids: [],
		});
		expect(
			(await call('find_all_client_id_by_several_vars', { city: 'Kazan', source: 'site' })).body,
		).toEqual({ status: 'success', client_ids: [C.boris] });
		expect((await call('find_all_client_id_by_several_vars', {})).body.status).toBe('fail');
	});

	test('find_clients supports equals, _in, _not_in, _not, include_all, search_in and documented errors', async () => {
		const ids = async (params) => (await call('find_clients', params)).body;
		expect(await ids({ q: { city: 'Moscow' } })).toEqual({
			status: 'success',
			client_ids: [C.ann, C.dmitry],
		});
		expect((await ids({ q: { city: { _in: ['Kazan', 'Minsk'] } } })).client_ids).toEqual([
			C.boris,
			C.farid,
			C.kirill,
		]);
		expect((await ids({ q: { city: { _not: 'Moscow' } } })).client_ids).toHaveLength(10);
		expect((await ids({ q: { city: { _not_in: ['Moscow', 'Kazan'] } } })).client_ids).toHaveLength(
			8,
		);
		expect((await ids({ q: { city: 'Kazan', source: 'site' } })).client_ids).toEqual([C.boris]);
		expect(
			(await ids({ q: { city: 'London', source: 'site' }, include_all: false })).client_ids,
		).toEqual([C.boris, C.carol, C.george]);
		expect((await ids({ q: { product: 'pro' }, search_in: 'order' })).client_ids).toEqual([
			C.boris,
		]);
		expect((await ids({ q: JSON.stringify({ city: 'Riga' }) })).client_ids).toEqual([]);
		expect((await ids({ q: { quiz_score: 7 } })).client_ids).toEqual([C.ann]);
		expect(await ids({})).toEqual({ status: 'fail', message: 'Parameter "q" required' });
		expect(await ids({ q: 'not json' })).toEqual({
			status: 'fail',
			message: 'Error in parameter format',
		});
		expect(await ids({ q: { city: { _like: 'M' } } })).toEqual({
			status: 'fail',
			message: 'Error in parameter format',
		});
		// Documented caveat: comparing numbers fails when one client holds a string.
		expect(await ids({ q: { city: 5 } })).toEqual({
			status: 'fail',
			message: 'Something went wrong',
		});
	});

	test('find_client_id_by_platform_id answers a bare array of clients with variables', async () => {
		const { body } = await call('find_client_id_by_platform_id', {
			platform_ids: ['146467928', 5566778899],
			group_id: 'mavi_test_bot',
		});
		expect(body.map((c) => c.id)).toEqual([C.ann, C.hanna]);
		expect(body[0]).toEqual(
			expect.objectContaining({
				platform_id: '146467928',
				group: 'mavi_test_bot',
				tag: 'spring_promo',
				variables: expect.objectContaining({ tg_username: '@ann_p' }),
			}),
		);
		expect(
			(await call('find_client_id_by_platform_id', { platform_ids: ['146467928'] })).body,
		).toEqual({ status: 'fail', message: 'Parameter "group_id" required' });
	});
});

describe('variable actions', () => {
	test('save_variables scopes client.* to the client and the rest to the current deal; get_variables is flat', async () => {
		const variables = { 'client.phone': '79990001122', 'client.vip': 'yes', quiz_score: '8' };
		expect((await call('save_variables', { client_id: C.ann, variables })).body).toEqual({
			status: 'success',
			saved: 1,
		});
		expect(sb.state.clients.get(C.ann).phone).toBe('79990001122');
		expect(sb.state.deals.get(SEED.deals.annCurrent).variables.quiz_score).toBe('8');
		const { body } = await call('get_variables', { client_id: C.ann });
		expect(body).toMatchObject({
			phone: '79990001122',
			vip: 'yes',
			quiz_score: '8',
			product: 'starter',
			tg_username: '@ann_p',
			main_client_id: 'NONE',
		});
		expect((await call('find_client_id_by_phone', { phone: '79990001122' })).body.client_id).toBe(
			C.ann,
		);

		// No deal: unprefixed names become client variables.
		await call('save_variables', { client_id: C.dmitry, variables: { score: 3 } });
		expect(sb.state.clients.get(C.dmitry).variables.score).toBe(3);
		expect(
			(
				await call('save_variables', {
					clients: [C.boris, C.carol, 9],
					variables: { 'client.segment': 'b2b' },
				})
			).body,
		).toEqual({ status: 'success', saved: 2, not_found: [9] });
		expect((await call('save_variables', { client_id: 9, variables: { a: 1 } })).body).toEqual({
			status: 'client_not_found',
		});
		expect((await call('save_variables', { client_id: C.ann })).body).toEqual({
			status: 'fail',
			message: 'Parameter "variables" required',
		});
		expect((await call('get_variables', { client_id: 9 })).body).toEqual({
			status: 'client_not_found',
		});
	});
});

describe('deal actions', () => {
	test('get_current_order_id and get_orders', async () => {
		expect((await call('get_current_order_id', { client_id: C.ann })).body).toEqual({
			status: 'success',
			order_id: SEED.deals.annCurrent,
		});
		expect((await call('get_current_order_id', { client_id: C.dmitry })).body).toEqual({
			status: 'order not found',
		});
		expect((await call('get_current_order_id', { client_id: 9 })).body).toEqual({
			status: 'client_not_found',
		});
		expect((await call('get_orders', { client_id: C.ann, order_status: 0 })).body).toEqual({
			status: 'success',
			order_id: [SEED.deals.annCurrent],
		});
		expect((await call('get_orders', { client_id: C.ann, order_status: 1 })).body.order_id).toEqual(
			[SEED.deals.annWon],
		);
		expect((await call('get_orders', { client_id: C.ann })).body.order_id).toEqual([
			SEED.deals.annWon,
			SEED.deals.annCurrent,
		]);
		expect((await call('get_orders', { client_id: 9, order_status: 0 })).body).toEqual({
			status: 'client_not_found',
		});
	});

	test('move_order_to_next_state, set_order_state and get_order_state walk the pipeline', async () => {
		const deal = SEED.deals.boris;
		expect(
			(await call('move_order_to_next_state', { client_id: C.boris, order_id: deal })).body,
		).toEqual({ status: 'success', state_id: SEED.stages.won });
		expect(sb.state.deals.get(deal).status).toBe(1);
		expect(
			(await call('move_order_to_next_state', { client_id: C.boris, order_id: deal })).body.status,
		).toBe('fail');
		expect(
			(await call('move_order_to_next_state', { client_id: C.boris, order_id: 12345 })).body,
		).toEqual({ status: 'order 12345 not found' });
		expect((await call('get_order_state', { client_id: C.boris })).body).toEqual({
			status: 'success',
			state_id: SEED.stages.won,
		});
		expect(
			(await call('set_order_state', { client_id: C.ann, state_id: SEED.stages.lost })).body,
		).toEqual({ status: 'success' });
		expect(
			(await call('get_order_state', { client_id: C.ann, order_id: SEED.deals.annCurrent })).body
				.state_id,
		).toBe(SEED.stages.lost);
		expect((await call('get_orders', { client_id: C.ann, order_status: 2 })).body.order_id).toEqual(
			[SEED.deals.annCurrent],
		);
		expect((await call('set_order_state', { client_id: C.ann, state_id: 999 })).body.status).toBe(
			'fail',
		);
		expect((await call('set_order_state', { client_id: C.dmitry, state_id: 101 })).body).toEqual({
			status: 'order not found',
		});
		expect((await call('get_order_state', { client_id: C.ann, order_id: 1 })).body).toEqual({
			status: 'order not found',
		});
	});

	test('get_order_vars and set_order_vars', async () => {
		const base = { client_id: C.ann, order_id: SEED.deals.annCurrent };
		expect(
			(await call('set_order_vars', { ...base, variables: { delivery: 'courier' } })).body,
		).toEqual({ status: 'success' });
		expect(
			(await call('get_order_vars', { ...base, variables: ['product', 'delivery', 'missing'] }))
				.body,
		).toEqual({
			status: 'success',
			result: { product: 'starter', delivery: 'courier', missing: null },
		});
		expect(
			(await call('set_order_vars', { client_id: C.ann, order_id: 12345, variables: { a: 1 } }))
				.body,
		).toEqual({ status: 'order 12345 not found' });
		expect((await call('get_order_vars', { client_id: 9, order_id: 1 })).body).toEqual({
			status: 'client_not_found',
		});
	});

	test('create_order: client_id > phone > email, creating the client when phone/e-mail has no match', async () => {
		const first = await call('create_order', {
			client_id: C.dmitry,
			name: 'New deal',
			budget: 100,
		});
		expect(first.body).toEqual({ status: 'success', order_id: 40654 });
		expect(sb.state.deals.get(40654)).toMatchObject({
			client_id: C.dmitry,
			state_id: 101,
			status: 0,
			name: 'New deal',
			budget: 100,
		});
		expect((await call('get_current_order_id', { client_id: C.dmitry })).body.order_id).toBe(40654);

		const size = sb.state.clients.size;
		await call('create_order', { client_id: C.boris, phone: '79000000001' });
		expect(sb.state.clients.size).toBe(size);
		const byPhone = await call('create_order', { phone: '+7 900 111-22-33', state_id: 102 });
		const created = sb.state.deals.get(byPhone.body.order_id);
		expect(created.state_id).toBe(102);
		expect(sb.state.clients.get(created.client_id)).toMatchObject({
			client_type: 6,
			phone: '79001112233',
		});
		const byEmail = await call('create_order', { email: 'carol@example.com' });
		expect(sb.state.deals.get(byEmail.body.order_id).client_id).toBe(C.carol);
		expect((await call('create_order', { client_id: 9 })).body).toEqual({
			status: 'client_not_found',
		});
		expect((await call('create_order', { name: 'x' })).body).toEqual({
			status: 'fail',
			message: 'Parameter "client_id" required',
		});
	});
});

describe('channel actions', () => {
	test('connected_channels, check_whatsapp, get_messages', async () => {
		const channels = (await call('connected_channels')).body;
		expect(channels).toMatchObject({ project_id: 1, avito: [], ok: [], facebook: [] });
		expect(channels.telegram[0]).toEqual({
			id: 23,
			short_name: 'mavi_test_bot',
			name: 'Mavi Test Bot',
			enabled: true,
			group_id: 'mavi_test_bot',
		});
		expect(channels.whatsapp[0]).toMatchObject({
			id: 34810,
			status: 1,
			group_id: 'd2hhdHNhcHBfMzQ4MTA=',
		});
		expect((await call('check_whatsapp', { phone: '+7 999 123-45-67' })).body).toEqual({
			status: 'success',
			phone: '79991234567',
			exists: true,
		});
		expect(
			(await call('check_whatsapp', { phone: '79995550000' }, { method: 'POST' })).body.exists,
		).toBe(false);
		expect((await call('check_whatsapp', { phone: '12' })).body.status).toBe('fail');
		const { messages } = (await call('get_messages')).body;
		expect(messages.length).toBeGreaterThanOrEqual(4);
		expect(Object.keys(messages[0]).sort()).toEqual([
			'answer',
			'condition',
			'description',
			'id',
			'message_type',
		]);
	});
});

describe('transport conventions', () => {
	test('GET actions accept POST and vice versa; body wins over query; form bodies (PHP brackets) work', async () => {
		expect((await call('get_clients', { limit: 1 }, { method: 'POST' })).body.clients).toHaveLength(
			1,
		);
		expect(
			(await call('callback', { client_id: C.ann, message: 'via_get' }, { method: 'GET' })).body
				.status,
		).toBe('success');
		expect(
			(
				await call(
					'message',
					{ client_id: C.ann, message: 'body' },
					{ query: { client_id: C.boris, message: 'query' } },
				)
			).body.client_id,
		).toBe(C.ann);
		expect(
			(
				await call(
					'message',
					{ client_id: C.ann, message: 'form', buttons: [{ text: 'Ok' }] },
					{ form: true },
				)
			).body.status,
		).toBe('success');
		const raw = 'client_id=1004&variables[city]=Riga&variables[score]=5';
		expect(
			(await call('save_variables', {}, { raw, contentType: 'application/x-www-form-urlencoded' }))
				.body.status,
		).toBe('success');
		expect(sb.state.clients.get(C.dmitry).variables).toMatchObject({ city: 'Riga', score: '5' });
		expect(sb.deliveries.map((d) => d.text)).toEqual(['via_get', 'body', 'form']);
		expect(sb.deliveries[2].buttons).toEqual([{ text: 'Ok' }]);
		const bad = await call(
			'message',
			{},
			{ raw: '{"client_id":', contentType: 'application/json' },
		);
		expect(bad.status).toBe(400);
	});

	test('requests are recorded with method, action, key, query, body and outcome', async () => {
		await call('get_clients', { limit: 2 });
		await call('message', { client_id: C.ann, message: 'hi' }, { query: { trace: '1' } });
		await call('message', { client_id: 9, message: 'hi' });
		expect(sb.requests).toHaveLength(3);
		expect(sb.requests[0]).toMatchObject({
			method: 'GET',
			action: 'get_clients',
			key: KEYS.full,
			query: { limit: '2' },
			body: undefined,
			rawBody: '',
			outcome: 'ok',
			status: 200,
		});
		expect(sb.requests[1]).toMatchObject({
			method: 'POST',
			action: 'message',
			query: { trace: '1' },
			body: { client_id: C.ann, message: 'hi' },
			outcome: 'ok',
		});
		expect(sb.requests[1].rawBody).toBe(JSON.stringify({ client_id: C.ann, message: 'hi' }));
		expect(sb.requests[1].headers['content-type']).toBe('application/json');
		expect(sb.requestsFor('message').map((r) => r.outcome)).toEqual(['ok', 'error']);
	});
});

describe('keys and permissions', () => {
	test('a read-only key reads but is refused writes with 403', async () => {
		expect((await call('get_clients', {}, { key: KEYS.readonly })).body.status).toBe('success');
		expect(
			(await call('get_orders', { client_id: C.ann }, { key: KEYS.readonly })).body.status,
		).toBe('success');
		const refused = await call(
			'message',
			{ client_id: C.ann, message: 'x' },
			{ key: KEYS.readonly },
		);
		expect(refused.status).toBe(403);
		expect(refused.body).toEqual({
			status: 'error',
			message: 'Access denied: the API key has no permission to modify/delete client information',
		});
		expect(
			(await call('create_order', { client_id: C.ann }, { key: KEYS.readonly })).body.message,
		).toMatch(/modify\/delete CRM information/);
		expect(sb.deliveries).toHaveLength(0);
		expect(sb.requests.at(-1).outcome).toBe('error');
	});

	test('an unknown key answers HTTP 200 with an error body and never echoes the key', async () => {
		const res = await call('get_clients', {}, { key: 'secret-wrong-key' });
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ status: 'error', message: 'API key is invalid' });
		expect(res.text).not.toMatch(/secret-wrong-key/);
		expect((await call('get_clients', {}, { key: ` ${KEYS.full}` })).body.message).toBe(
			'API key is invalid',
		);
		const echoed = await call('load_clients', [
			{ platform_id: '1', group_id: 23, client_type: 1, name: KEYS.full },
		]);
		expect(echoed.body.status).toBe('success');
		expect(echoed.text).not.toContain(KEYS.full);
	});

	test('badKeyHttpStatus makes an unknown key answer that HTTP status', async () => {
		const other = createSandbox({ badKeyHttpStatus: 401 });
		const { url } = await other.start();
		try {
			const res = await call('get_clients', {}, { key: 'nope', base: url });
			expect(res.status).toBe(401);
			expect(res.body).toEqual({ status: 'error', message: 'API key is invalid' });
		} finally {
			await other.stop();
		}
	});

	test('unknown actions and paths answer 404 HTML', async () => {
		for (const path of [`/api/${KEYS.full}/no_such_action`, '/', '/api/', '/something']) {
			const res = await fetch(`${base}${path}`);
			expect(res.status).toBe(404);
			expect(res.headers.get('content-type')).toMatch(/text\/html/);
			const text = await res.text();
			expect(text).toMatch(/<html>/);
			expect(text).not.toContain(KEYS.full);
		}
	});
});

describe('misbehaviour', () => {
	test('status rules (429 with Retry-After, 500) are consumed once and not applied', async () => {
		sb.misbehave({ kind: 'status', status: 429, retryAfter: 2 });
		const limited = await call('message', { client_id: C.ann, message: 'x' });
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('2');
		sb.misbehave({ kind: 'status', status: 500 });
		expect((await call('message', { client_id: C.ann, message: 'x' })).status).toBe(500);
		expect((await call('message', { client_id: C.ann, message: 'x' })).status).toBe(200);
		expect(sb.requests.map((r) => r.outcome)).toEqual(['misbehaved:429', 'misbehaved:500', 'ok']);
		expect(sb.deliveries).toHaveLength(1);
	});

	test('rules can target one action and repeat', async () => {
		sb.misbehave({ action: 'get_clients', kind: 'status', status: 503, times: 2 });
		expect((await call('get_messages')).status).toBe(200);
		expect((await call('get_clients')).status).toBe(503);
		expect((await call('get_clients')).status).toBe(503);
		expect((await call('get_clients')).status).toBe(200);
	});

	test('html and text rules answer non-JSON bodies', async () => {
		sb.misbehave({ kind: 'html' });
		sb.misbehave({ kind: 'text', status: 404, text: 'order 12345 not found' });
		const html = await call('get_clients');
		expect(html.status).toBe(200);
		expect(html.headers.get('content-type')).toMatch(/text\/html/);
		expect(html.text).toMatch(/^<!DOCTYPE html>[\s\S]*<html>/);
		const text = await call('get_clients');
		expect(text.status).toBe(404);
		expect(text.headers.get('content-type')).toMatch(/text\/plain/);
		expect(text.text).toBe('order 12345 not found');
		expect((await call('get_clients')).body.status).toBe('success');
		expect(sb.requests.map((r) => r.outcome)).toEqual(['misbehaved:html', 'misbehaved:text', 'ok']);
	});

	test('delay answers normally but late', async () => {
		sb.misbehave({ kind: 'delay', ms: 150 });
		const started = Date.now();
		expect((await call('get_messages')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		await call('get_messages');
		expect(sb.requests[0]).toMatchObject({ outcome: 'ok', delayedMs: 150 });
		expect(sb.requests[1].delayedMs).toBeUndefined();
	});

	test('drop records the request, applies it, and closes the socket without an answer', async () => {
		sb.misbehave({ kind: 'drop' });
		await expect(call('message', { client_id: C.ann, message: 'maybe' })).rejects.toThrow();
		expect(sb.requests[0]).toMatchObject({
			outcome: 'dropped',
			applied: true,
			body: { client_id: C.ann, message: 'maybe' },
		});
		expect(sb.deliveries).toHaveLength(1);
		sb.misbehave({ kind: 'drop', apply: false });
		await expect(call('message', { client_id: C.ann, message: 'lost' })).rejects.toThrow();
		expect(sb.deliveries).toHaveLength(1);
		expect((await call('message', { client_id: C.ann, message: 'again' })).status).toBe(200);
		expect(sb.deliveries.map((d) => d.text)).toEqual(['maybe', 'again']);
	});

	test('invalid rules are refused', () => {
		expect(() => sb.misbehave({ kind: 'explode' })).toThrow(/Unknown misbehave kind/);
		expect(() => sb.misbehave({ kind: 'status' })).toThrow(/HTTP status/);
	});

	test('latency delays every answer', async () => {
		sb.setLatency(80);
		try {
			const started = Date.now();
			await call('get_messages');
			expect(Date.now() - started).toBeGreaterThanOrEqual(75);
		} finally {
			sb.setLatency(0);
		}
	});

	test('the rate limit answers 429 with Retry-After: 1 and does not apply the request', async () => {
		sb.setRateLimit(5);
		try {
			const results = await Promise.all(
				range(8).map((i) => call('message', { client_id: C.ann, message: `m${i}` })),
			);
			const limited = results.filter((r) => r.status === 429);
			expect(limited).toHaveLength(3);
			expect(limited[0].headers.get('retry-after')).toBe('1');
			expect(limited[0].body).toEqual({ status: 'error', message: 'Too many requests' });
			expect(sb.deliveries).toHaveLength(5);
			expect(sb.requests.filter((r) => r.outcome === 'rate-limited')).toHaveLength(3);
		} finally {
			sb.setRateLimit(null);
		}
		expect((await call('get_messages')).status).toBe(200);
	});
});

describe('webhooks', () => {
	let receiver;
	let receiverUrl;
	const received = [];
	beforeAll(async () => {
		receiver = http.createServer((req, res) => {
			let raw = '';
			req.on('data', (c) => (raw += c));
			req.on('end', () => {
				received.push({ headers: req.headers, body: JSON.parse(raw) });
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end('{"ok":true}');
			});
		});
		await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		receiverUrl = `http://127.0.0.1:${receiver.address().port}/hook?token=abc`;
	});
	afterAll(() => new Promise((resolve) => receiver.close(resolve)));

	test('buildWebhookEvent has exactly the §6 fields and increasing ids; sendWebhook posts it', async () => {
		const first = sb.buildWebhookEvent();
		const second = sb.buildWebhookEvent({ client_id: C.boris, message: 'Hi', is_input: 0 });
		expect(Object.keys(first).sort()).toEqual(
			[
				'attachments',
				'client',
				'delivered',
				'error_message',
				'id',
				'is_input',
				'message',
				'message_id',
				'project_id',
			].sort(),
		);
		expect(Object.keys(first.client).sort()).toEqual(
			['avatar', 'client_type', 'created_at', 'group', 'id', 'name', 'recepient', 'tag'].sort(),
		);
		expect(first.client).toMatchObject({
			id: C.ann,
			recepient: '146467928',
			client_type: 1,
			group: 'mavi_test_bot',
		});
		expect(second.id).toBeGreaterThan(first.id);
		expect(second).toMatchObject({
			client: { id: C.boris, recepient: '79991234567', client_type: 6 },
			message: 'Hi',
			is_input: 0,
			project_id: 1,
		});

		const result = await sb.sendWebhook(receiverUrl, second);
		expect(result).toEqual({ status: 200, body: { ok: true } });
		expect(received.at(-1).body).toEqual(second);
		expect(received.at(-1).headers['content-type']).toBe('application/json');
	});

	test('POST /_sandbox/webhook fires an event with overrides', async () => {
		const { status, body } = await control('webhook', {
			url: receiverUrl,
			event: { message: 'from control', client: { name: 'Renamed' } },
		});
		expect(status).toBe(200);
		expect(body.result).toEqual({ status: 200, body: { ok: true } });
		expect(received.at(-1).body).toMatchObject({
			message: 'from control',
			client: { id: C.ann, name: 'Renamed' },
		});
		expect((await control('webhook', { url: 'not a url' })).status).toBe(400);
	});
});

describe('control endpoints', () => {
	test('health, requests, state, misbehave and reset', async () => {
		expect((await control('health')).body).toMatchObject({ status: 'ok', clients: 12 });
		await call('get_clients');
		const recorded = (await control('requests')).body;
		expect(recorded).toHaveLength(1);
		expect(recorded[0]).toMatchObject({ action: 'get_clients', method: 'GET', outcome: 'ok' });
		expect((await control('misbehave', { kind: 'status', status: 502 })).body.status).toBe('ok');
		expect((await call('get_clients')).status).toBe(502);
		expect((await control('misbehave', { kind: 'nope' })).status).toBe(400);
		await call('message', { client_id: C.ann, message: 'x' });
		const state = (await control('state')).body;
		expect(state.counts).toEqual({ clients: 12, deals: 5, lists: 3 });
		expect(state.lists.find((l) => l.id === SEED.lists.hotLeads).clients).toEqual([
			C.ann,
			C.boris,
			C.hanna,
		]);
		expect((await control('deliveries')).body).toHaveLength(1);
		expect((await control('reset', {})).body.status).toBe('ok');
		expect(sb.requests).toHaveLength(0);
		expect(sb.deliveries).toHaveLength(0);
		expect((await fetch(`${base}/_sandbox/unknown`)).status).toBe(404);
		// Control calls are not API calls.
		expect(sb.requests).toHaveLength(0);
	});
});

describe('large seeds', () => {
	test('clients: 50000 are seeded and paged through get_clients', async () => {
		const big = createSandbox({ clients: 50000 });
		expect(big.state.clients.size).toBe(50012);
		const { url } = await big.start();
		try {
			const first = await call('get_clients', { offset: 0, limit: 500 }, { base: url });
			expect(first.body.clients).toHaveLength(500);
			expect(first.body.clients[0].id).toBe(SEED.generatedClientBase + 50000);
			expect(
				(await call('get_clients', { offset: 50000, limit: 500 }, { base: url })).body.clients,
			).toHaveLength(12);
			expect((await call('subscribers', { page: 50 }, { base: url })).body).toHaveLength(12);
			expect(
				(await call('find_client_id_by_phone', { phone: '79160000002' }, { base: url })).body
					.client_id,
			).toBe(SEED.generatedClientBase + 2);
			expect(
				(await call('get_clients', { list: SEED.lists.newsletter, limit: 500 }, { base: url })).body
					.clients,
			).toHaveLength(500);
		} finally {
			await big.stop();
		}
	});
});

describe('coverage', () => {
	// An action's own test (test/actions.*.test.js) counts: it asserts the request the sandbox answered
	// (`sandbox.requestsFor('<action>')`, or a helper given '<action>') and the output made from the answer.
	// registry.test.js checks that the sandbox has every action of the node's transport table.
	test('every action answered a success shape in this file or is checked by an action test', () => {
		const actionTests = fs
			.readdirSync(__dirname)
			.filter((file) => /^actions\..+\.test\.js$/.test(file))
			.map((file) => fs.readFileSync(path.join(__dirname, file), 'utf8'))
			.join('\n');
		const missing = Object.keys(sb.actions)
			.filter((a) => !covered.has(a) && !actionTests.includes(`'${a}'`))
			.map(
				(a) =>
					`${a}: assert its request in its action test (sandbox.requestsFor('${a}')), or call it in this file`,
			);
		expect(missing).toEqual([]);
	});
});
