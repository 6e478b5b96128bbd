/**
 * Conversation resource (get_history, clear_history, assign_to_user), run through n8n's engine against the sandbox.
 * Seed: Ann 1001 has 4 history items 104400…104403 on 2025-01-01 from 11:00 UTC, 5 minutes apart; Boris 1002 has 2.
 * Operators: operator@example.com and manager@shop.example (auto-distribution takes them in turn).
 */
const { runWorkflow } = require('./harness/n8n');
const { mavibotWorkflow } = require('./harness/workflows');
const { useSandbox, SEED } = require('./harness/sandbox');
const { BASE_TIME } = require('./sandbox/state');

/** The ISO 8601 (UTC) twin the node adds beside unix seconds. */
const isoOf = (seconds) => new Date(seconds * 1000).toISOString();

const { ann: ANN, boris: BORIS } = SEED.clients;

const env = useSandbox();

const run = (parameters, options = {}) =>
	runWorkflow(mavibotWorkflow({ resource: 'conversation', ...parameters }, options), {
		credentials: env.credentials(options.key),
		timezone: options.timezone,
	});
const sent = (action) =>
	env.sandbox.requestsFor(action).map(({ method, query, body }) => ({ method, query, body }));

describe('Conversation → Get History', () => {
	test('outputs one simplified item per message, asking for 2000 by default', async () => {
		const result = await run({ operation: 'getHistory', clientId: String(ANN) });
		expect(result.error).toBeUndefined();
		expect(sent('get_history')).toEqual([
			{ method: 'GET', query: { client_id: String(ANN), limit: '2000' }, body: undefined },
		]);
		const output = result.output('Mavibot');
		expect(output).toEqual([
			{
				id: 104400,
				text: '/start',
				from_client: true,
				created_at: BASE_TIME + 3600,
				created_at_iso: isoOf(BASE_TIME + 3600),
				delivered: true,
				attachments: [],
				manager_email: null,
			},
			expect.objectContaining({ id: 104401, from_client: false }),
			expect.objectContaining({ id: 104402, from_client: true }),
			expect.objectContaining({
				id: 104403,
				text: 'The starter plan costs 1500.',
				manager_email: 'operator@example.com',
			}),
		]);
	});

	test('sends Limit and the date range as dd.mm.yyyy, in the workflow time zone; raw items without Simplify', async () => {
		const result = await run(
			{
				operation: 'getHistory',
				clientId: String(ANN),
				messageLimit: 2,
				// 2025-01-01 02:00 in Moscow is still 31.12.2024 in UTC: the workflow time zone decides.
				filters: { startDate: '2025-01-01T02:00:00', endDate: '2025-01-01T23:30:00+03:00' },
				simplify: false,
			},
			{ timezone: 'Europe/Moscow' },
		);
		expect(result.error).toBeUndefined();
		expect(sent('get_history')[0].query).toEqual({
			client_id: String(ANN),
			limit: '2',
			start_date: '01.01.2025',
			stop_date: '01.01.2025',
		});
		expect(result.output('Mavibot')).toEqual([
			{
				id: 104402,
				answered: true,
				client_replica: true,
				message_id: null,
				message_from_outside: 0,
				created_at: BASE_TIME + 3600 + 600,
				created_at_iso: isoOf(BASE_TIME + 3600 + 600),
				text: 'How much is the starter plan?',
				attachments: [],
				delivered: true,
				error_message: '',
				manager_id: null,
				manager_email: null,
			},
			expect.objectContaining({ id: 104403, manager_id: 7 }),
		]);
	});

	test('a period without messages gives no items', async () => {
		const result = await run({
			operation: 'getHistory',
			clientId: String(ANN),
			filters: { startDate: '2025-03-01', endDate: '03.03.2025' },
		});
		expect(sent('get_history')[0].query).toMatchObject({
			start_date: '01.03.2025',
			stop_date: '03.03.2025',
		});
		expect(result.output('Mavibot')).toEqual([]);
	});

	test.each([
		[
			'a Start Date without an End Date',
			{ filters: { startDate: '2025-01-01' } },
			'"End Date" is missing while "Start Date" is set [item 0]',
		],
		[
			'an End Date without a Start Date',
			{ filters: { endDate: '2025-01-01' } },
			'"Start Date" is missing while "End Date" is set [item 0]',
		],
		[
			'an End Date before the Start Date',
			{ filters: { startDate: '2025-02-01', endDate: '2025-01-31' } },
			'"End Date" (31.01.2025) is before "Start Date" (01.02.2025) [item 0]',
		],
		[
			'a date that is not a date',
			{ filters: { startDate: 'soon', endDate: '2025-01-31' } },
			'"Start Date" is "soon", which is not a date [item 0]',
		],
		[
			'a Limit above 2000',
			{ messageLimit: '={{ 2001 }}' },
			'"Limit" is "2001", which is not a whole number from 1 to 2000 [item 0]',
		],
		['an empty Client ID', { clientId: '={{ "" }}' }, '"Client ID" is empty [item 0]'],
		[
			'a Client ID that is not a number',
			{ clientId: 'Boris' },
			'"Client ID" is "Boris", which is not a Mavibot client ID [item 0]',
		],
	])('refuses %s before sending', async (_name, parameters, message) => {
		const result = await run({ operation: 'getHistory', clientId: String(ANN), ...parameters });
		expect(result.error.message).toBe(message);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('with Continue On Fail an unknown client becomes an error item', async () => {
		const result = await run(
			{ operation: 'getHistory', clientId: '={{ $json.id }}' },
			{ items: [{ id: 424242 }, { id: BORIS }], extra: { onError: 'continueRegularOutput' } },
		);
		expect(result.error).toBeUndefined();
		const output = result.output('Mavibot');
		expect(output[0].error).toBe('Mavibot "get_history" failed: client_not_found [item 0]');
		expect(output.slice(1).map((message) => message.text)).toEqual([
			'Hi, is the pro plan available?',
			'Yes! Sending details.',
		]);
		expect(result.items('Mavibot').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
		]);
	});
});

describe('Conversation → Clear History', () => {
	test('clears the history with a GET and outputs {cleared, client_id}', async () => {
		const result = await run({ operation: 'clearHistory', clientId: String(ANN) });
		expect(result.error).toBeUndefined();
		expect(sent('clear_history')).toEqual([
			{ method: 'GET', query: { client_id: String(ANN) }, body: undefined },
		]);
		expect(result.output('Mavibot')).toEqual([{ cleared: true, client_id: ANN }]);
		expect(env.sandbox.state.history.has(ANN)).toBe(false);
		expect(env.sandbox.state.history.get(BORIS)).toHaveLength(2);
	});

	test('an unknown client fails with the API reason', async () => {
		const result = await run({ operation: 'clearHistory', clientId: '424242' });
		expect(result.error.message).toBe('Mavibot "clear_history" failed: client_not_found [item 0]');
	});
});

describe('Conversation → Assign', () => {
	test('assigns the dialog to the given employee', async () => {
		const result = await run({
			operation: 'assign',
			clientId: String(ANN),
			email: ' manager@shop.example ',
		});
		expect(result.error).toBeUndefined();
		expect(sent('assign_to_user')).toEqual([
			{ method: 'POST', query: {}, body: { client_id: ANN, email: 'manager@shop.example' } },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ assigned: true, client_id: ANN, email: 'manager@shop.example', autoDistribution: false },
		]);
		expect(env.sandbox.state.clients.get(ANN).manager_email).toBe('manager@shop.example');
	});

	test('without an e-mail Mavibot distributes automatically and the chosen employee is output', async () => {
		const result = await run(
			// One at a time: the sandbox's auto-distribution takes the operators in turn.
			{
				operation: 'assign',
				clientId: '={{ $json.id }}',
				requestOptions: { maxParallelRequests: 1 },
			},
			{ items: [{ id: ANN }, { id: BORIS }] },
		);
		expect(sent('assign_to_user').map((request) => request.body)).toEqual([
			{ client_id: ANN },
			{ client_id: BORIS },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ assigned: true, client_id: ANN, email: 'operator@example.com', autoDistribution: true },
			{ assigned: true, client_id: BORIS, email: 'manager@shop.example', autoDistribution: true },
		]);
	});

	test('refuses an e-mail that is not an e-mail before sending', async () => {
		const result = await run({
			operation: 'assign',
			clientId: String(ANN),
			email: 'Olga Operator',
		});
		expect(result.error.message).toBe(
			'"Employee E-Mail" is "Olga Operator", which is not an e-mail address [item 0]',
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('an unknown employee fails with the API reason', async () => {
		const result = await run({
			operation: 'assign',
			clientId: String(ANN),
			email: 'nobody@example.com',
		});
		expect(result.error.message).toBe(
			'Mavibot "assign_to_user" failed: Employee nobody@example.com not found [item 0]',
		);
	});
});
