/**
 * Deal resource (MavibotCRM deals = "orders", stages = "states"), run through n8n's engine against the sandbox.
 * Seed: Ann 1001 has the current active deal 40632 (stage 101) and the won deal 40338 (stage 103); Boris 1002 the
 * active deal 40633 (stage 102); Carol 1003 the lost deal 40340; Dmitry 1004 no deal. New deals get ids from 40654.
 */
const { runWorkflow } = require('./harness/n8n');
const { mavibotWorkflow } = require('./harness/workflows');
const { useSandbox, SEED } = require('./harness/sandbox');

const { ann: ANN, boris: BORIS, carol: CAROL, dmitry: DMITRY } = SEED.clients;
const {
	annCurrent: ANN_DEAL,
	annWon: ANN_WON,
	boris: BORIS_DEAL,
	carolLost: CAROL_LOST,
} = SEED.deals;
const FIRST_NEW_DEAL = 40654;

const env = useSandbox();

const run = (parameters, options = {}) =>
	runWorkflow(mavibotWorkflow({ resource: 'deal', ...parameters }, options), {
		credentials: env.credentials(options.key),
	});

const sent = (action) =>
	env.sandbox.requestsFor(action).map(({ method, query, body }) => ({ method, query, body }));
const deal = (id) => env.sandbox.state.deals.get(id);

describe('Deal → Get Current', () => {
	test("outputs each client's current deal ID", async () => {
		const result = await run(
			{ operation: 'getCurrent', clientId: '={{ $json.id }}' },
			{ items: [{ id: ANN }, { id: BORIS }] },
		);
		expect(result.error).toBeUndefined();
		expect(sent('get_current_order_id')).toEqual([
			{ method: 'GET', query: { client_id: String(ANN) }, body: undefined },
			{ method: 'GET', query: { client_id: String(BORIS) }, body: undefined },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ client_id: ANN, order_id: ANN_DEAL },
			{ client_id: BORIS, order_id: BORIS_DEAL },
		]);
	});

	test('an unknown client and a client without a deal are errors; Continue On Fail keeps the others', async () => {
		const result = await run(
			{ operation: 'getCurrent', clientId: '={{ $json.id }}' },
			{
				items: [{ id: 424242 }, { id: DMITRY }, { id: ANN }, { id: '' }],
				extra: { onError: 'continueRegularOutput' },
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Mavibot')).toEqual([
			expect.objectContaining({
				error: 'Mavibot "get_current_order_id" failed: client_not_found [item 0]',
			}),
			expect.objectContaining({
				error: 'Mavibot "get_current_order_id" failed: order not found [item 1]',
			}),
			{ client_id: ANN, order_id: ANN_DEAL },
			expect.objectContaining({ error: '"Client ID" is empty [item 3]' }),
		]);
		expect(result.items('Mavibot').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(sent('get_current_order_id')).toHaveLength(3);
	});

	test('without Continue On Fail the run stops with the API reason', async () => {
		const result = await run({ operation: 'getCurrent', clientId: String(DMITRY) });
		expect(result.error.message).toBe(
			'Mavibot "get_current_order_id" failed: order not found [item 0]',
		);
		expect(result.error.description).toMatch(/could not find/);
	});
});

describe('Deal → Get Many', () => {
	test('one item per deal of the chosen status, from the order_id array', async () => {
		const result = await run({ operation: 'getMany', clientId: String(ANN), status: 'won' });
		expect(sent('get_orders')).toEqual([
			{ method: 'GET', query: { client_id: String(ANN), order_status: '1' }, body: undefined },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ client_id: ANN, order_id: ANN_WON, status: 'won' },
		]);
	});

	test('active is the default; lost sends order_status 2', async () => {
		const active = await run({ operation: 'getMany', clientId: String(BORIS) });
		expect(active.output('Mavibot')).toEqual([
			{ client_id: BORIS, order_id: BORIS_DEAL, status: 'active' },
		]);
		const lost = await run({ operation: 'getMany', clientId: String(CAROL), status: 'lost' });
		expect(lost.output('Mavibot')).toEqual([
			{ client_id: CAROL, order_id: CAROL_LOST, status: 'lost' },
		]);
		expect(sent('get_orders').map((request) => request.query.order_status)).toEqual(['0', '2']);
	});

	test('any status asks once per status; a client without deals outputs nothing, paired items stay right', async () => {
		const result = await run(
			{ operation: 'getMany', clientId: '={{ $json.id }}', status: 'any' },
			{ items: [{ id: DMITRY }, { id: ANN }] },
		);
		expect(result.error).toBeUndefined();
		// Items run in parallel; each item asks for the statuses in order.
		const statusesOf = (id) =>
			sent('get_orders')
				.filter((request) => request.query.client_id === String(id))
				.map((request) => request.query.order_status);
		expect(statusesOf(DMITRY)).toEqual(['0', '1', '2']);
		expect(statusesOf(ANN)).toEqual(['0', '1', '2']);
		expect(sent('get_orders')).toHaveLength(6);
		expect(result.output('Mavibot')).toEqual([
			{ client_id: ANN, order_id: ANN_DEAL, status: 'active' },
			{ client_id: ANN, order_id: ANN_WON, status: 'won' },
		]);
		expect(result.items('Mavibot').map((item) => item.pairedItem)).toEqual([
			{ item: 1 },
			{ item: 1 },
		]);
	});

	test('an unknown client is an error', async () => {
		const result = await run({ operation: 'getMany', clientId: '424242', status: 'active' });
		expect(result.error.message).toBe('Mavibot "get_orders" failed: client_not_found [item 0]');
	});
});

describe('Deal → Create', () => {
	test('for a client ID, with name, description, budget and stage', async () => {
		const result = await run({
			operation: 'create',
			identifyBy: 'clientId',
			clientId: String(DMITRY),
			additionalFields: {
				name: ' Pro plan ',
				description: 'Wants the yearly plan',
				budget: 1500.5,
				stateId: '102',
			},
		});
		expect(result.error).toBeUndefined();
		expect(sent('create_order')).toEqual([
			{
				method: 'POST',
				query: {},
				body: {
					client_id: DMITRY,
					name: 'Pro plan',
					description: 'Wants the yearly plan',
					budget: 1500.5,
					state_id: 102,
				},
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{
				status: 'success',
				order_id: FIRST_NEW_DEAL,
				client_id: DMITRY,
				name: 'Pro plan',
				description: 'Wants the yearly plan',
				budget: 1500.5,
				state_id: 102,
			},
		]);
		expect(deal(FIRST_NEW_DEAL)).toMatchObject({
			client_id: DMITRY,
			state_id: 102,
			budget: 1500.5,
			name: 'Pro plan',
		});
	});

	test('by phone creates the client when no client has the number; by e-mail finds the existing client', async () => {
		const byPhone = await run({
			operation: 'create',
			identifyBy: 'phone',
			phone: ' +7 (999) 000-11-22 ',
		});
		expect(sent('create_order')[0].body).toEqual({ phone: '+7 (999) 000-11-22' });
		expect(byPhone.output('Mavibot')).toEqual([
			{ status: 'success', order_id: FIRST_NEW_DEAL, phone: '+7 (999) 000-11-22' },
		]);
		const newClient = env.sandbox.state.clients.get(deal(FIRST_NEW_DEAL).client_id);
		expect(newClient).toMatchObject({ id: SEED.firstRuntimeClientId, phone: '79990001122' });

		const byEmail = await run({
			operation: 'create',
			identifyBy: 'email',
			email: 'carol@example.com',
			additionalFields: { name: 'Consulting, again' },
		});
		expect(sent('create_order')[1].body).toEqual({
			email: 'carol@example.com',
			name: 'Consulting, again',
		});
		expect(byEmail.output('Mavibot')[0]).toMatchObject({
			order_id: FIRST_NEW_DEAL + 1,
			email: 'carol@example.com',
		});
		expect(deal(FIRST_NEW_DEAL + 1).client_id).toBe(CAROL);
	});

	test.each([
		[
			{ identifyBy: 'phone', phone: 'call me' },
			'"Phone" is "call me", which is not a phone number [item 0]',
		],
		// n8n itself refuses a required field left empty; an expression that gives nothing reaches the node.
		[{ identifyBy: 'phone', phone: '={{ $json.phone }}' }, '"Phone" is empty [item 0]'],
		[
			{ identifyBy: 'email', email: 'carol.example.com' },
			'"E-Mail" is "carol.example.com", which is not an e-mail address [item 0]',
		],
		[{ identifyBy: 'clientId', clientId: ' ' }, '"Client ID" is empty [item 0]'],
		[
			{ identifyBy: 'clientId', clientId: String(ANN), additionalFields: { stateId: 'Qualified' } },
			'"Stage ID" is "Qualified", which is not a whole number [item 0]',
		],
		[
			{ identifyBy: 'clientId', clientId: String(ANN), additionalFields: { budget: -10 } },
			'"Budget" is "-10", which is not an amount [item 0]',
		],
		[
			{
				identifyBy: 'clientId',
				clientId: String(ANN),
				additionalFields: { budget: '={{ "1 500 rub" }}' },
			},
			'"Budget" is "1 500 rub", which is not an amount [item 0]',
		],
	])('refuses %j before sending', async (parameters, message) => {
		const result = await run({ operation: 'create', ...parameters });
		expect(result.error.message).toBe(message);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('an unknown client ID is an error', async () => {
		const result = await run({ operation: 'create', clientId: '424242' });
		expect(result.error.message).toBe('Mavibot "create_order" failed: client_not_found [item 0]');
		expect(env.sandbox.state.deals.has(FIRST_NEW_DEAL)).toBe(false);
	});
});

describe('Deal → Set Stage', () => {
	test("moves the client's current deal to the stage", async () => {
		const result = await run({
			operation: 'setStage',
			clientId: String(ANN),
			stateId: String(SEED.stages.qualified),
		});
		expect(sent('set_order_state')).toEqual([
			{ method: 'POST', query: {}, body: { client_id: ANN, state_id: SEED.stages.qualified } },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ status: 'success', client_id: ANN, state_id: SEED.stages.qualified },
		]);
		expect(deal(ANN_DEAL).state_id).toBe(SEED.stages.qualified);
		expect(deal(ANN_WON).state_id).toBe(SEED.stages.won);
	});

	test('refuses an empty or non-numeric stage before sending; a client without a deal is an error', async () => {
		const empty = await run({
			operation: 'setStage',
			clientId: String(ANN),
			stateId: '={{ $json.stage }}',
		});
		expect(empty.error.message).toBe('"Stage ID" is empty [item 0]');
		const text = await run({ operation: 'setStage', clientId: String(ANN), stateId: 'won' });
		expect(text.error.message).toBe('"Stage ID" is "won", which is not a whole number [item 0]');
		expect(env.sandbox.requests).toHaveLength(0);
		const noDeal = await run({ operation: 'setStage', clientId: String(DMITRY), stateId: '102' });
		expect(noDeal.error.message).toBe('Mavibot "set_order_state" failed: order not found [item 0]');
	});
});

describe('Deal → Move to Next Stage', () => {
	test('outputs the new stage', async () => {
		const result = await run({
			operation: 'moveToNextStage',
			clientId: String(BORIS),
			orderId: String(BORIS_DEAL),
		});
		expect(sent('move_order_to_next_state')).toEqual([
			{ method: 'POST', query: {}, body: { client_id: BORIS, order_id: BORIS_DEAL } },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ client_id: BORIS, order_id: BORIS_DEAL, state_id: SEED.stages.won },
		]);
		expect(deal(BORIS_DEAL)).toMatchObject({ state_id: SEED.stages.won, status: 1 });
	});

	test("another client's deal and a closed deal are errors; a bad Deal ID is refused before sending", async () => {
		const bad = await run({
			operation: 'moveToNextStage',
			clientId: String(ANN),
			orderId: '#40632',
		});
		expect(bad.error.message).toBe('"Deal ID" is "#40632", which is not a whole number [item 0]');
		const missing = await run({
			operation: 'moveToNextStage',
			clientId: String(ANN),
			orderId: '={{ $json.deal }}',
		});
		expect(missing.error.message).toBe('"Deal ID" is empty [item 0]');
		expect(env.sandbox.requests).toHaveLength(0);

		const foreign = await run({
			operation: 'moveToNextStage',
			clientId: String(ANN),
			orderId: String(BORIS_DEAL),
		});
		expect(foreign.error.message).toBe(
			`Mavibot "move_order_to_next_state" failed: order ${BORIS_DEAL} not found [item 0]`,
		);
		const closed = await run({
			operation: 'moveToNextStage',
			clientId: String(ANN),
			orderId: String(ANN_WON),
		});
		expect(closed.error.message).toMatch(
			/^Mavibot "move_order_to_next_state" failed: Order 40338 is already in the final state/,
		);
	});
});

describe('Deal → Get Stage', () => {
	test('of the current deal when Deal ID is empty, of the given deal otherwise', async () => {
		const current = await run({ operation: 'getStage', clientId: String(ANN) });
		const given = await run({
			operation: 'getStage',
			clientId: String(ANN),
			orderId: String(ANN_WON),
		});
		expect(sent('get_order_state')).toEqual([
			{ method: 'GET', query: { client_id: String(ANN) }, body: undefined },
			{
				method: 'GET',
				query: { client_id: String(ANN), order_id: String(ANN_WON) },
				body: undefined,
			},
		]);
		expect(current.output('Mavibot')).toEqual([{ client_id: ANN, state_id: SEED.stages.new }]);
		expect(given.output('Mavibot')).toEqual([
			{ client_id: ANN, order_id: ANN_WON, state_id: SEED.stages.won },
		]);
	});

	test('a client without a current deal and a foreign deal are errors', async () => {
		const none = await run({ operation: 'getStage', clientId: String(DMITRY) });
		expect(none.error.message).toBe('Mavibot "get_order_state" failed: order not found [item 0]');
		const foreign = await run({
			operation: 'getStage',
			clientId: String(ANN),
			orderId: String(BORIS_DEAL),
		});
		expect(foreign.error.message).toBe(
			'Mavibot "get_order_state" failed: order not found [item 0]',
		);
	});
});

describe('Deal → Get Variables', () => {
	test('reads the named variables (comma and newline separated)', async () => {
		const result = await run({
			operation: 'getVariables',
			clientId: String(ANN),
			orderId: String(ANN_DEAL),
			variableNames: 'product, delivery_date\nmissing_var, product',
		});
		expect(sent('get_order_vars')).toEqual([
			{
				method: 'POST',
				query: {},
				body: {
					client_id: ANN,
					order_id: ANN_DEAL,
					variables: ['product', 'delivery_date', 'missing_var'],
				},
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{
				client_id: ANN,
				order_id: ANN_DEAL,
				variables: { product: 'starter', delivery_date: '13.04.2025', missing_var: null },
			},
		]);
	});

	test('takes an array from an expression, or a JSON array text', async () => {
		await run(
			{
				operation: 'getVariables',
				clientId: String(ANN),
				orderId: String(ANN_DEAL),
				variableNames: '={{ $json.names }}',
			},
			{ items: [{ names: ['order_sum', 'product'] }] },
		);
		await run({
			operation: 'getVariables',
			clientId: String(ANN),
			orderId: String(ANN_DEAL),
			variableNames: '["order_sum"]',
		});
		expect(sent('get_order_vars').map((request) => request.body.variables)).toEqual([
			['order_sum', 'product'],
			['order_sum'],
		]);
	});

	test('refuses empty names before sending; a foreign deal is an error', async () => {
		const empty = await run({
			operation: 'getVariables',
			clientId: String(ANN),
			orderId: String(ANN_DEAL),
			variableNames: ' , ',
		});
		expect(empty.error.message).toBe('"Variable Names" is empty [item 0]');
		expect(env.sandbox.requests).toHaveLength(0);
		const foreign = await run({
			operation: 'getVariables',
			clientId: String(ANN),
			orderId: String(BORIS_DEAL),
			variableNames: 'product',
		});
		expect(foreign.error.message).toBe(
			`Mavibot "get_order_vars" failed: order ${BORIS_DEAL} not found [item 0]`,
		);
	});
});

describe('Deal → Set Variables', () => {
	test('writes variables given one by one', async () => {
		const result = await run({
			operation: 'setVariables',
			clientId: String(ANN),
			orderId: String(ANN_DEAL),
			variablesInput: 'fields',
			variables: {
				variable: [
					{ name: ' order_sum ', value: '2500' },
					{ name: 'paid', value: 'yes' },
				],
			},
		});
		expect(sent('set_order_vars')).toEqual([
			{
				method: 'POST',
				query: {},
				body: { client_id: ANN, order_id: ANN_DEAL, variables: { order_sum: '2500', paid: 'yes' } },
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{
				status: 'success',
				client_id: ANN,
				order_id: ANN_DEAL,
				variables: { order_sum: '2500', paid: 'yes' },
			},
		]);
		expect(deal(ANN_DEAL).variables).toMatchObject({
			order_sum: '2500',
			paid: 'yes',
			product: 'starter',
		});
	});

	test('writes variables given as JSON, keeping their types', async () => {
		await run({
			operation: 'setVariables',
			clientId: String(BORIS),
			orderId: String(BORIS_DEAL),
			variablesInput: 'json',
			variablesJson: '{"order_sum": 32000, "gift": true}',
		});
		expect(sent('set_order_vars')[0].body).toEqual({
			client_id: BORIS,
			order_id: BORIS_DEAL,
			variables: { order_sum: 32000, gift: true },
		});
		expect(deal(BORIS_DEAL).variables).toMatchObject({ order_sum: 32000, gift: true });
	});

	test.each([
		[
			{ variablesInput: 'json', variablesJson: '{"a": ' },
			/^"Variables \(JSON\)" is not valid JSON .* \[item 0\]$/,
		],
		[
			{ variablesInput: 'json', variablesJson: '["a"]' },
			/^"Variables \(JSON\)" is not an object \[item 0\]$/,
		],
		[{ variablesInput: 'json', variablesJson: '{}' }, /^"Variables" is empty \[item 0\]$/],
		[{ variablesInput: 'fields', variables: {} }, /^"Variables" is empty \[item 0\]$/],
		[
			{
				variablesInput: 'fields',
				variables: {
					variable: [
						{ name: 'a', value: '1' },
						{ name: ' ', value: '2' },
					],
				},
			},
			/^"Variables" has a variable 2 without a name \[item 0\]$/,
		],
	])('refuses %j before sending', async (parameters, message) => {
		const result = await run({
			operation: 'setVariables',
			clientId: String(ANN),
			orderId: String(ANN_DEAL),
			...parameters,
		});
		expect(result.error.message).toMatch(message);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('an unknown deal is an error naming it; Continue On Fail writes the other items', async () => {
		const result = await run(
			{
				operation: 'setVariables',
				clientId: String(ANN),
				orderId: '={{ $json.deal }}',
				variablesInput: 'json',
				variablesJson: '={{ JSON.stringify({ note: $json.note }) }}',
			},
			{
				items: [
					{ deal: 12345, note: 'a' },
					{ deal: ANN_DEAL, note: 'b' },
				],
				extra: { onError: 'continueRegularOutput' },
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Mavibot')).toEqual([
			expect.objectContaining({
				error: 'Mavibot "set_order_vars" failed: order 12345 not found [item 0]',
			}),
			{ status: 'success', client_id: ANN, order_id: ANN_DEAL, variables: { note: 'b' } },
		]);
		expect(deal(ANN_DEAL).variables.note).toBe('b');
	});
});

test('a read-only key may read deals but not change them', async () => {
	const read = await run(
		{ operation: 'getStage', clientId: String(ANN) },
		{ key: 'test-key-readonly' },
	);
	expect(read.error).toBeUndefined();
	const write = await run(
		{ operation: 'setStage', clientId: String(ANN), stateId: '102' },
		{ key: 'test-key-readonly' },
	);
	expect(write.error.message).toMatch(/^Mavibot "set_order_state" failed: Access denied/);
	expect(write.error.description).toMatch(/"Permission to modify\/delete CRM information"/);
});
