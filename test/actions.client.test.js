/**
 * Client resource (load_clients, get_clients, subscribers, delete_clients), run through n8n's engine against the
 * sandbox. Seed: 12 fixed clients 1001…1012 created one hour apart from BASE_TIME (Ann 1001 first, Lena 1012 last);
 * get_clients lists newest first. Sandboxes with generated clients (ids 200001…) test the paging limits.
 */
const { runWorkflow } = require('./harness/n8n');
const { mavibotWorkflow } = require('./harness/workflows');
const { useSandbox, startSandbox, KEYS, SEED } = require('./harness/sandbox');
const { BASE_TIME } = require('./sandbox/state');

/** The ISO 8601 (UTC) twin the node adds beside unix seconds. */
const isoOf = (seconds) => new Date(seconds * 1000).toISOString();

const { ann: ANN, boris: BORIS, elena: ELENA, hanna: HANNA } = SEED.clients;
const FIXED = 12;
const FIRST_NEW = SEED.firstRuntimeClientId;
const rl = (value, mode = 'list') => ({ __rl: true, mode, value });
// Items one at a time where a test asserts the order in which requests reach the sandbox.
const SERIAL = { requestOptions: { maxParallelRequests: 1 } };

const env = useSandbox();

const runOn = (target, parameters, options = {}) =>
	runWorkflow(mavibotWorkflow({ resource: 'client', ...parameters }, options), {
		credentials: target.credentials(options.key),
		timezone: options.timezone,
	});
const run = (parameters, options) => runOn(env, parameters, options);
const sent = (action, target = env) =>
	target.sandbox.requestsFor(action).map(({ method, query, body }) => ({ method, query, body }));

/** A sandbox with `total` clients (12 fixed + generated), for the paging limits; stopped after `test`. */
async function withClients(total, test) {
	const big = await startSandbox({ clients: total - FIXED });
	try {
		expect(big.sandbox.state.clients.size).toBe(total);
		await test(big);
	} finally {
		await big.stop();
	}
}

describe('Client → Import', () => {
	test('imports one client per input item, with the bot from the list or by ID', async () => {
		const result = await run(
			{
				operation: 'import',
				platformId: '={{ $json.platformId }}',
				clientType: '={{ $json.type }}',
				bot: '={{ $json.bot }}',
				...SERIAL,
			},
			{
				items: [
					{ platformId: '777000111', type: 1, bot: 'mavi_test_bot' },
					{ platformId: '+7 (999) 000-11-22', type: 6, bot: '34810' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(sent('load_clients')).toEqual([
			{
				method: 'POST',
				query: {},
				body: [{ platform_id: '777000111', group_id: 'mavi_test_bot', client_type: 1 }],
			},
			{
				method: 'POST',
				query: {},
				body: [{ platform_id: '+7 (999) 000-11-22', group_id: 34810, client_type: 6 }],
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{
				platform_id: '777000111',
				group_id: 'mavi_test_bot',
				client_type: 1,
				status: 'success',
				id: FIRST_NEW,
			},
			{
				platform_id: '79990001122@s.whatsapp.net',
				group_id: '34810',
				client_type: 6,
				status: 'success',
				id: FIRST_NEW + 1,
			},
		]);
		expect(result.items('Mavibot').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
		expect(env.sandbox.state.clients.get(FIRST_NEW)).toMatchObject({
			platform_id: '777000111',
			group: 'mavi_test_bot',
		});
	});

	test('a telephony client needs no bot and is sent with group_id ""', async () => {
		const result = await run({
			operation: 'import',
			platformId: '79997770000',
			clientType: 13,
			bot: rl('mavi_test_bot'), // hidden for telephony; ignored even if a value is left over
		});
		expect(result.error).toBeUndefined();
		expect(sent('load_clients')[0].body).toEqual([
			{ platform_id: '79997770000', group_id: '', client_type: 13 },
		]);
		expect(result.output('Mavibot')).toEqual([
			expect.objectContaining({ client_type: 13, group_id: '', status: 'success', id: FIRST_NEW }),
		]);
	});

	test('imports a JSON array in one request and outputs one item per client, failures included', async () => {
		const clients = [
			{ platform_id: '600700800', group_id: 'mavi_test_bot', client_type: 1 },
			{ platform_id: '79995554433', client_type: 13 },
			{ platform_id: 'new@example.com', group_id: 'bot@shop.example', client_type: '14' },
			{ platform_id: '123', group_id: 'no_such_bot', client_type: 1 },
		];
		const result = await run({
			operation: 'import',
			inputMode: 'json',
			clientsJson: JSON.stringify(clients),
		});
		expect(result.error).toBeUndefined();
		expect(sent('load_clients')).toEqual([
			{
				method: 'POST',
				query: {},
				body: [
					{ platform_id: '600700800', group_id: 'mavi_test_bot', client_type: 1 },
					{ platform_id: '79995554433', group_id: '', client_type: 13 },
					{ platform_id: 'new@example.com', group_id: 'bot@shop.example', client_type: 14 },
					{ platform_id: '123', group_id: 'no_such_bot', client_type: 1 },
				],
			},
		]);
		const output = result.output('Mavibot');
		expect(output.map(({ status, id }) => ({ status, id }))).toEqual([
			{ status: 'success', id: FIRST_NEW },
			{ status: 'success', id: FIRST_NEW + 1 },
			{ status: 'success', id: FIRST_NEW + 2 },
			{ status: 'fail', id: undefined },
		]);
		expect(output[3]).toMatchObject({
			platform_id: '123',
			message: 'Channel no_such_bot not found',
		});
	});

	test('an existing client is returned with its ID, not duplicated', async () => {
		const result = await run({
			operation: 'import',
			platformId: '146467928',
			clientType: 1,
			bot: rl('mavi_test_bot'),
		});
		expect(result.output('Mavibot')).toEqual([
			expect.objectContaining({ status: 'success', id: ANN }),
		]);
		expect(env.sandbox.state.clients.size).toBe(FIXED);
	});

	test('a client Mavibot refuses fails its item with the API reason', async () => {
		const result = await run({
			operation: 'import',
			platformId: '79990001122',
			clientType: 6,
			bot: rl('mavi_test_bot'),
		});
		expect(result.error.message).toBe(
			'Mavibot "load_clients" failed: Channel mavi_test_bot not found [item 0]',
		);
	});

	test.each([
		[
			'an empty Platform ID',
			{ platformId: '  ', clientType: 1, bot: rl('mavi_test_bot') },
			'"Platform ID" is empty [item 0]',
		],
		// n8n itself stops an empty required field; an expression that gives nothing reaches the node.
		[
			'a missing bot',
			{ platformId: '1', clientType: 1, bot: '={{ $json.bot }}' },
			'"Bot" is empty [item 0]',
		],
		[
			'a bad client type',
			{ platformId: '1', clientType: '={{ "telegram" }}', bot: rl('x') },
			'"Client Type" is "telegram", which is not a client type [item 0]',
		],
		[
			'JSON that is not an array',
			{ inputMode: 'json', clientsJson: '{"platform_id": "1"}' },
			'"Clients (JSON)" is not an array [item 0]',
		],
		[
			'an empty JSON array',
			{ inputMode: 'json', clientsJson: '[]' },
			'"Clients (JSON)" is an empty array [item 0]',
		],
		[
			'a JSON client without group_id',
			{
				inputMode: 'json',
				clientsJson:
					'[{"platform_id": "1", "group_id": "mavi_test_bot", "client_type": 1}, {"platform_id": "2", "client_type": 1}]',
			},
			'"Clients (JSON)" has client 2 without "group_id" [item 0]',
		],
		[
			'a JSON telephony client with a group_id',
			{
				inputMode: 'json',
				clientsJson: '[{"platform_id": "79990001122", "group_id": "x", "client_type": 13}]',
			},
			'"Clients (JSON)" has client 1, a telephony client (client_type 13), with a group_id [item 0]',
		],
		[
			'a JSON client without client_type',
			{ inputMode: 'json', clientsJson: '[{"platform_id": "1", "group_id": "x"}]' },
			'"Clients (JSON)" has client 1 without a valid "client_type" [item 0]',
		],
	])('refuses %s before sending', async (_name, parameters, message) => {
		const result = await run({ operation: 'import', ...parameters });
		expect(result.error.message).toBe(message);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('with Continue On Fail a bad item becomes an error item and the others are imported', async () => {
		const result = await run(
			{
				operation: 'import',
				platformId: '={{ $json.p }}',
				clientType: 1,
				bot: rl('mavi_test_bot'),
			},
			{
				items: [{ p: '111' }, { p: '' }, { p: '222' }],
				extra: { onError: 'continueRegularOutput' },
			},
		);
		expect(result.error).toBeUndefined();
		const output = result.output('Mavibot');
		expect(output.map((item) => item.error ?? item.platform_id)).toEqual([
			'111',
			'"Platform ID" is empty [item 1]',
			'222',
		]);
		expect(sent('load_clients')).toHaveLength(2);
	});
});

describe('Client → Get Many', () => {
	test('returns up to Limit clients, newest first, simplified', async () => {
		const result = await run({ operation: 'getMany', limit: 3 });
		expect(result.error).toBeUndefined();
		expect(sent('get_clients')).toEqual([
			{ method: 'GET', query: { offset: '0', limit: '3' }, body: undefined },
		]);
		const output = result.output('Mavibot');
		expect(output.map((client) => client.id)).toEqual([1012, 1011, 1010]);
		expect(output[0]).toEqual({
			id: 1012,
			name: 'Lena Smirnova',
			platform_id: '79997778899',
			client_type: 13,
			messenger: 'Telephony',
			group: '',
			tag: null,
			created_at: BASE_TIME + 11 * 3600,
			created_at_iso: isoOf(BASE_TIME + 11 * 3600),
			updated_at: BASE_TIME + 11 * 3600,
			updated_at_iso: isoOf(BASE_TIME + 11 * 3600),
		});
		expect(output[2]).toMatchObject({
			client_type: 5,
			messenger: 'Website Online Chat',
			tag: 'pricing_page',
		});
	});

	test('without Simplify outputs the full client objects', async () => {
		const result = await run({ operation: 'getMany', limit: 1, simplify: false });
		expect(result.output('Mavibot')).toEqual([
			{
				id: 1012,
				platform_id: '79997778899',
				client_type: 13,
				name: 'Lena Smirnova',
				avatar: null,
				message_id: null,
				project_id: SEED.projectId,
				created_at: BASE_TIME + 11 * 3600,
				created_at_iso: isoOf(BASE_TIME + 11 * 3600),
				updated_at: BASE_TIME + 11 * 3600,
				updated_at_iso: isoOf(BASE_TIME + 11 * 3600),
				custom_answer: null,
				tag: null,
				group: '',
				operator_start_dialog: null,
			},
		]);
	});

	test('filters by list and returns all its clients', async () => {
		const result = await run({
			operation: 'getMany',
			returnAll: true,
			filters: { listId: String(SEED.lists.hotLeads) },
		});
		expect(sent('get_clients')).toEqual([
			{
				method: 'GET',
				query: { list: String(SEED.lists.hotLeads), offset: '0', limit: '500' },
				body: undefined,
			},
		]);
		expect(result.output('Mavibot').map((client) => client.id)).toEqual([HANNA, BORIS, ANN]);
	});

	test('Oldest First sends reverse', async () => {
		const result = await run({ operation: 'getMany', limit: 2, options: { order: 'oldest' } });
		expect(sent('get_clients')[0].query).toEqual({ reverse: 'true', offset: '0', limit: '2' });
		expect(result.output('Mavibot').map((client) => client.id)).toEqual([ANN, BORIS]);
	});

	test('an empty list gives no items', async () => {
		const result = await run({
			operation: 'getMany',
			returnAll: true,
			filters: { listId: String(SEED.lists.empty) },
		});
		expect(result.error).toBeUndefined();
		expect(result.output('Mavibot')).toEqual([]);
		expect(sent('get_clients')).toHaveLength(1);
	});

	test.each([
		[
			'Oldest First together with a list',
			{ filters: { listId: String(SEED.lists.hotLeads) }, options: { order: 'oldest' } },
			'"Order" is "Oldest First" together with a List ID [item 0]',
			/only across all clients/,
		],
		[
			'a List ID that is not a number',
			{ filters: { listId: 'Hot leads' } },
			'"List ID" is "Hot leads", which is not a list ID [item 0]',
			/number of the client list/,
		],
		[
			'a Limit of 0',
			{ limit: '={{ 0 }}' },
			'"Limit" is "0", which is not a whole number of at least 1 [item 0]',
			/Return All/,
		],
	])('refuses %s before sending', async (_name, parameters, message, hint) => {
		const result = await run({ operation: 'getMany', ...parameters });
		expect(result.error.message).toBe(message);
		expect(result.error.description).toMatch(hint);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('exactly 500 clients: Return All asks twice, the second page is empty', async () => {
		await withClients(500, async (big) => {
			const result = await runOn(big, { operation: 'getMany', returnAll: true });
			expect(result.error).toBeUndefined();
			expect(sent('get_clients', big).map((request) => request.query)).toEqual([
				{ offset: '0', limit: '500' },
				{ offset: '500', limit: '500' },
			]);
			expect(big.sandbox.requestsFor('get_clients')[1].response.clients).toEqual([]);
			const ids = result.output('Mavibot').map((client) => client.id);
			expect(ids).toHaveLength(500);
			expect(new Set(ids).size).toBe(500);
			expect(ids[0]).toBe(SEED.generatedClientBase + 488);
			expect(ids[499]).toBe(ANN);
		});
	});

	test('501 clients: Return All takes two pages', async () => {
		await withClients(501, async (big) => {
			const result = await runOn(big, { operation: 'getMany', returnAll: true, simplify: false });
			expect(sent('get_clients', big).map((request) => request.query)).toEqual([
				{ offset: '0', limit: '500' },
				{ offset: '500', limit: '500' },
			]);
			const ids = result.output('Mavibot').map((client) => client.id);
			expect(ids).toHaveLength(501);
			expect(new Set(ids).size).toBe(501);
			expect(ids[500]).toBe(ANN);
		});
	});

	test('Limit 600 asks for 500, then only the 100 still needed', async () => {
		await withClients(2000, async (big) => {
			const result = await runOn(big, { operation: 'getMany', limit: 600 });
			expect(sent('get_clients', big).map((request) => request.query)).toEqual([
				{ offset: '0', limit: '500' },
				{ offset: '500', limit: '100' },
			]);
			const ids = result.output('Mavibot').map((client) => client.id);
			expect(ids).toHaveLength(600);
			expect(ids[599]).toBe(SEED.generatedClientBase + 1988 - 599);
		});
	});

	test('stops with an error when the API answers the same full page again', async () => {
		const page = Array.from({ length: 500 }, (_, index) => ({
			id: index + 1,
			name: `c${index}`,
			client_type: 1,
		}));
		env.sandbox.misbehave({
			action: 'get_clients',
			kind: 'text',
			text: JSON.stringify({ status: 'success', clients: page }),
			times: 2,
		});
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.error.message).toBe(
			'Mavibot "get_clients" answered offset 500 with the same items as the page before [item 0]',
		);
		expect(result.error.description).toMatch(/ignore the paging parameter/);
		expect(env.sandbox.requestsFor('get_clients')).toHaveLength(2);
	});
});

describe('Client → Get Subscribers', () => {
	test('filters by tag (first page is page 0) and outputs simplified clients', async () => {
		const result = await run({
			operation: 'getSubscribers',
			returnAll: true,
			filters: { tag: 'spring_promo' },
		});
		expect(result.error).toBeUndefined();
		expect(sent('subscribers')).toEqual([
			{ method: 'GET', query: { tag: 'spring_promo', page: '0' }, body: undefined },
		]);
		expect(result.output('Mavibot')).toEqual([
			{
				id: ANN,
				name: 'Ann Petrova',
				client_type: 1,
				messenger: 'Telegram (Bot)',
				group: 'mavi_test_bot',
				tag: 'spring_promo',
				created_at: BASE_TIME,
				created_at_iso: isoOf(BASE_TIME),
				client_phone: null,
				client_email: null,
			},
		]);
	});

	test('filters by bot, client type and subscription time (dates → Unix seconds in the workflow time zone)', async () => {
		const result = await run(
			{
				operation: 'getSubscribers',
				returnAll: true,
				simplify: false,
				filters: {
					bot: rl('mavi_test_bot'),
					clientType: 1,
					// Picker value without offset: 15:00 in Moscow = 12:00 UTC.
					dateFrom: '2025-01-01T15:00:00',
					// With an offset: 20:00+03:00 = 17:00 UTC.
					dateTo: '2025-01-01T20:00:00+03:00',
				},
			},
			{ timezone: 'Europe/Moscow' },
		);
		expect(result.error).toBeUndefined();
		expect(sent('subscribers')[0].query).toEqual({
			group: 'mavi_test_bot',
			date_from: String(BASE_TIME + 2 * 3600),
			date_to: String(BASE_TIME + 7 * 3600),
			client_type: '1',
			page: '0',
		});
		// Elena subscribed at 14:00 UTC, Hanna at 17:00 UTC (Ann at 10:00 is outside).
		expect(result.output('Mavibot')).toEqual([
			expect.objectContaining({ id: ELENA, vk_id: null, client_type: 1 }),
			expect.objectContaining({ id: HANNA, vk_id: null, client_type: 1 }),
		]);
	});

	test.each([
		[
			'a period that ends before it starts',
			{ dateFrom: '2025-02-01T00:00:00', dateTo: '2025-01-01T00:00:00' },
			'"Subscribed Before" is earlier than "Subscribed After" [item 0]',
		],
		[
			'a date that is not a date',
			{ dateFrom: 'last week' },
			'"Subscribed After" is "last week", which is not a date and time [item 0]',
		],
	])('refuses %s before sending', async (_name, filters, message) => {
		const result = await run({ operation: 'getSubscribers', filters });
		expect(result.error.message).toBe(message);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('pages of 1000: Return All reads until a short page, Limit reads only the pages needed', async () => {
		await withClients(2000, async (big) => {
			const all = await runOn(big, { operation: 'getSubscribers', returnAll: true });
			expect(sent('subscribers', big).map((request) => request.query)).toEqual([
				{ page: '0' },
				{ page: '1' },
				{ page: '2' },
			]);
			const ids = all.output('Mavibot').map((client) => client.id);
			expect(ids).toHaveLength(2000);
			expect(new Set(ids).size).toBe(2000);

			big.sandbox.reset();
			const limited = await runOn(big, { operation: 'getSubscribers', limit: 1500 });
			expect(sent('subscribers', big).map((request) => request.query)).toEqual([
				{ page: '0' },
				{ page: '1' },
			]);
			expect(limited.output('Mavibot')).toHaveLength(1500);
		});
	});
});

describe('Client → Delete Many', () => {
	test('deletes clients given as text and reports what Mavibot deleted', async () => {
		const result = await run({
			operation: 'deleteMany',
			clientIds: `${ANN}, ${BORIS}\n999999\n${ANN}`,
		});
		expect(result.error).toBeUndefined();
		expect(sent('delete_clients')).toEqual([
			{ method: 'POST', query: {}, body: { client_ids: [ANN, BORIS, 999999] } },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ deleted: true, clientIds: 3, requests: 1, deletedCount: 2 },
		]);
		expect(env.sandbox.state.clients.has(ANN)).toBe(false);
		expect(env.sandbox.state.clients.has(BORIS)).toBe(false);
	});

	test.each([
		[500, [500]],
		[501, [500, 1]],
	])('%i IDs are sent in chunks of 500', async (count, chunks) => {
		const ids = Array.from({ length: count }, (_, index) => SEED.generatedClientBase + 1 + index);
		const result = await run(
			{ operation: 'deleteMany', clientIds: '={{ $json.ids }}' },
			{ items: [{ ids }] },
		);
		expect(result.error).toBeUndefined();
		const requests = sent('delete_clients');
		expect(requests.map((request) => request.body.client_ids.length)).toEqual(chunks);
		expect(requests.flatMap((request) => request.body.client_ids)).toEqual(ids);
		expect(result.output('Mavibot')).toEqual([
			{ deleted: true, clientIds: count, requests: chunks.length, deletedCount: 0 },
		]);
	});

	test('when a later chunk fails the error says how many were already deleted', async () => {
		env.sandbox.misbehave({ action: 'delete_clients', kind: 'delay', ms: 0 });
		env.sandbox.misbehave({
			action: 'delete_clients',
			kind: 'status',
			status: 500,
			body: { status: 'fail', message: 'Something went wrong' },
		});
		const ids = Array.from({ length: 1001 }, (_, index) => SEED.generatedClientBase + 1 + index);
		const result = await run(
			{ operation: 'deleteMany', clientIds: '={{ $json.ids }}' },
			{ items: [{ ids }] },
		);
		expect(result.error.message).toBe(
			'Mavibot "delete_clients" failed: Something went wrong (500 of 1001 clients were already deleted by the first 1 request(s)) [item 0]',
		);
		expect(result.error.description).toMatch(
			/^500 of 1001 clients .*request for clients 501–1000 failed .*from position 501 on/,
		);
		expect(env.sandbox.requestsFor('delete_clients')).toHaveLength(2);
	});

	test('a key without the delete permission names the permission to add', async () => {
		const result = await run(
			{ operation: 'deleteMany', clientIds: String(ANN) },
			{ key: KEYS.nodelete },
		);
		expect(result.error.message).toMatch(
			/^Mavibot "delete_clients" failed: Access denied.* \[item 0\]$/,
		);
		expect(result.error.description).toMatch(/"Permission to delete clients"/);
		expect(env.sandbox.state.clients.has(ANN)).toBe(true);
	});

	test.each([
		[
			'a non-numeric ID',
			`${ANN}, abc`,
			'"Client IDs" contains "abc", which is not a numeric ID [item 0]',
		],
		['no IDs', ' , ', '"Client IDs" is empty [item 0]'],
	])('refuses %s before sending', async (_name, clientIds, message) => {
		const result = await run({ operation: 'deleteMany', clientIds });
		expect(result.error.message).toBe(message);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('with Continue On Fail a bad item becomes an error item and the others are deleted', async () => {
		const result = await run(
			{ operation: 'deleteMany', clientIds: '={{ $json.ids }}', ...SERIAL },
			{
				items: [{ ids: [ANN] }, { ids: 'x' }, { ids: [BORIS] }],
				extra: { onError: 'continueRegularOutput' },
			},
		);
		expect(result.output('Mavibot')).toEqual([
			{ deleted: true, clientIds: 1, requests: 1, deletedCount: 1 },
			expect.objectContaining({
				error: '"Client IDs" contains "x", which is not a numeric ID [item 1]',
			}),
			{ deleted: true, clientIds: 1, requests: 1, deletedCount: 1 },
		]);
		expect(sent('delete_clients').map((request) => request.body.client_ids)).toEqual([
			[ANN],
			[BORIS],
		]);
	});
});
