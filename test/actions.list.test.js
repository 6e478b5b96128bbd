/**
 * List resource (add_to_list, remove_from_list), run through n8n's engine against the sandbox.
 * Seed: list 1170282 "Hot leads" holds 1001, 1002, 1008; 1170283 "Newsletter" holds 1003, 1004; 1170284 is empty.
 */
const { runWorkflow } = require('./harness/n8n');
const { mavibotWorkflow } = require('./harness/workflows');
const { useSandbox, KEYS, SEED } = require('./harness/sandbox');

const { ann: ANN, boris: BORIS, dmitry: DMITRY, elena: ELENA, hanna: HANNA } = SEED.clients;
const { hotLeads: HOT_LEADS, empty: EMPTY } = SEED.lists;

const env = useSandbox();

const run = (parameters, options = {}) =>
	runWorkflow(mavibotWorkflow({ resource: 'list', ...parameters }, options), {
		credentials: env.credentials(options.key),
	});
const sent = (action) =>
	env.sandbox.requestsFor(action).map(({ method, query, body }) => ({ method, query, body }));
// Items one at a time where a test asserts the order in which requests reach the sandbox.
const SERIAL = { requestOptions: { maxParallelRequests: 1 } };
const members = (listId) => [...env.sandbox.state.lists.get(listId).clients].sort();

describe('List → Add Clients', () => {
	test('adds clients to a list and reports what Mavibot added and did not find', async () => {
		const result = await run({
			operation: 'addClients',
			listId: String(HOT_LEADS),
			clientIds: `${DMITRY}, ${ELENA}\n${ANN}; 999999`,
		});
		expect(result.error).toBeUndefined();
		expect(sent('add_to_list')).toEqual([
			{
				method: 'POST',
				query: {},
				body: { list_id: HOT_LEADS, clients: [DMITRY, ELENA, ANN, 999999] },
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{
				status: 'success',
				listId: HOT_LEADS,
				clientIds: 4,
				requests: 1,
				added: 2,
				notFound: [999999],
			},
		]);
		expect(members(HOT_LEADS)).toEqual([ANN, BORIS, DMITRY, ELENA, HANNA].sort());
	});

	test('one request per input item, IDs from an array expression', async () => {
		const result = await run(
			{
				operation: 'addClients',
				listId: '={{ $json.list }}',
				clientIds: '={{ $json.ids }}',
				...SERIAL,
			},
			{
				items: [
					{ list: EMPTY, ids: [ANN, String(BORIS)] },
					{ list: HOT_LEADS, ids: ELENA },
				],
			},
		);
		expect(sent('add_to_list').map((request) => request.body)).toEqual([
			{ list_id: EMPTY, clients: [ANN, BORIS] },
			{ list_id: HOT_LEADS, clients: [ELENA] },
		]);
		expect(result.output('Mavibot').map((item) => item.added)).toEqual([2, 1]);
		expect(result.items('Mavibot').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
	});

	test('any number of clients: 501 IDs go out as 500 + 1', async () => {
		const ids = Array.from({ length: 501 }, (_, index) => SEED.generatedClientBase + 1 + index);
		const result = await run(
			{ operation: 'addClients', listId: String(EMPTY), clientIds: '={{ $json.ids }}' },
			{ items: [{ ids }] },
		);
		const requests = sent('add_to_list');
		expect(requests.map((request) => request.body.clients.length)).toEqual([500, 1]);
		expect(requests.flatMap((request) => request.body.clients)).toEqual(ids);
		expect(result.output('Mavibot')).toEqual([
			expect.objectContaining({ clientIds: 501, requests: 2, added: 0, notFound: ids }),
		]);
	});

	test('an unknown list fails with the API reason', async () => {
		const result = await run({ operation: 'addClients', listId: '42', clientIds: String(ANN) });
		expect(result.error.message).toBe('Mavibot "add_to_list" failed: List 42 not found [item 0]');
	});

	test('a read-only key is refused with the permission to add', async () => {
		const result = await run(
			{ operation: 'addClients', listId: String(EMPTY), clientIds: String(ANN) },
			{ key: KEYS.readonly },
		);
		expect(result.error.description).toMatch(/"Permission to modify\/delete client information"/);
	});

	test.each([
		[
			'an empty List ID',
			{ listId: '={{ "" }}', clientIds: String(ANN) },
			'"List ID" is empty [item 0]',
		],
		[
			'a List ID that is not a number',
			{ listId: 'Hot leads', clientIds: String(ANN) },
			'"List ID" is "Hot leads", which is not a list ID [item 0]',
		],
		[
			'no client IDs',
			{ listId: String(HOT_LEADS), clientIds: '={{ [] }}' },
			'"Client IDs" is empty [item 0]',
		],
		[
			'a client ID that is not a number',
			{ listId: String(HOT_LEADS), clientIds: `${ANN}, Ann` },
			'"Client IDs" contains "Ann", which is not a numeric ID [item 0]',
		],
	])('refuses %s before sending', async (_name, parameters, message) => {
		const result = await run({ operation: 'addClients', ...parameters });
		expect(result.error.message).toBe(message);
		expect(env.sandbox.requests).toHaveLength(0);
	});
});

describe('List → Remove Clients', () => {
	test('removes clients from a list', async () => {
		const result = await run({
			operation: 'removeClients',
			listId: String(HOT_LEADS),
			clientIds: `[${ANN}, "${BORIS}", ${DMITRY}]`,
		});
		expect(result.error).toBeUndefined();
		expect(sent('remove_from_list')).toEqual([
			{ method: 'POST', query: {}, body: { list_id: HOT_LEADS, clients: [ANN, BORIS, DMITRY] } },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ status: 'success', listId: HOT_LEADS, clientIds: 3, requests: 1, removed: 2 },
		]);
		expect(members(HOT_LEADS)).toEqual([HANNA]);
	});

	test('with Continue On Fail a bad item becomes an error item and the others are sent', async () => {
		const result = await run(
			{
				operation: 'removeClients',
				listId: '={{ $json.list }}',
				clientIds: String(ANN),
				...SERIAL,
			},
			{
				items: [{ list: HOT_LEADS }, { list: 'x' }, { list: 42 }],
				extra: { onError: 'continueRegularOutput' },
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Mavibot')).toEqual([
			expect.objectContaining({ listId: HOT_LEADS, removed: 1 }),
			expect.objectContaining({ error: '"List ID" is "x", which is not a list ID [item 1]' }),
			expect.objectContaining({
				error: 'Mavibot "remove_from_list" failed: List 42 not found [item 2]',
			}),
		]);
		expect(sent('remove_from_list').map((request) => request.body.list_id)).toEqual([
			HOT_LEADS,
			42,
		]);
	});
});
