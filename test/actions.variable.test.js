/**
 * Variable resource: Set (save_variables) and Get (get_variables), run through n8n's engine against the sandbox.
 * (apiShapes.test.js checks the shapes of get_variables' answer.)
 */
const { runWorkflow } = require('./harness/n8n');
const { mavibotWorkflow } = require('./harness/workflows');
const { useSandbox, SEED } = require('./harness/sandbox');

const { ann, boris } = SEED.clients;

const env = useSandbox();

const run = (parameters, options = {}) =>
	runWorkflow(mavibotWorkflow(parameters, options), { credentials: env.credentials(options.key) });

describe('Variable → Set', () => {
	test('sets variables of one client from the list of fields', async () => {
		const result = await run({
			resource: 'variable',
			operation: 'set',
			target: 'one',
			clientId: String(ann),
			variablesInput: 'fields',
			variables: {
				variable: [
					{ name: 'client.city', value: 'Riga' },
					{ name: 'order_sum', value: '2500' },
				],
			},
		});
		expect(env.sandbox.requestsFor('save_variables')[0]).toMatchObject({
			method: 'POST',
			body: { client_id: ann, variables: { 'client.city': 'Riga', order_sum: '2500' } },
		});
		expect(result.output('Mavibot')[0]).toMatchObject({ status: 'success', client_id: ann });
	});

	test('sets the same variables for many clients in one request, from JSON', async () => {
		await run({
			resource: 'variable',
			operation: 'set',
			target: 'many',
			clientIds: `${ann}, ${boris}\n${ann}`,
			variablesInput: 'json',
			variablesJson: '{"client.tag": "vip"}',
		});
		expect(env.sandbox.requestsFor('save_variables')[0].body).toEqual({
			clients: [ann, boris],
			variables: { 'client.tag': 'vip' },
		});
	});

	test('refuses invalid JSON and an empty list of variables, naming the field', async () => {
		const invalid = await run({
			resource: 'variable',
			operation: 'set',
			clientId: String(ann),
			variablesInput: 'json',
			variablesJson: '{"a": ',
		});
		expect(invalid.error.message).toMatch(/^"Variables \(JSON\)" is not valid JSON .* \[item 0\]$/);
		const empty = await run({
			resource: 'variable',
			operation: 'set',
			clientId: String(ann),
			variables: {},
		});
		expect(empty.error.message).toBe('"Variables" is empty [item 0]');
		expect(env.sandbox.requests).toHaveLength(0);
	});
});

describe('Variable → Get', () => {
	test('reads the variables written before, nested or flat', async () => {
		await run({
			resource: 'variable',
			operation: 'set',
			clientId: String(boris),
			variables: { variable: [{ name: 'client.quiz_score', value: '10' }] },
		});
		const nested = await run({ resource: 'variable', operation: 'get', clientId: String(boris) });
		expect(env.sandbox.requestsFor('get_variables')[0]).toMatchObject({
			method: 'GET',
			query: { client_id: String(boris) },
		});
		expect(nested.output('Mavibot')[0]).toMatchObject({
			client_id: boris,
			variables: { quiz_score: '10' },
		});
		const flat = await run({
			resource: 'variable',
			operation: 'get',
			clientId: String(boris),
			output: 'flat',
		});
		expect(flat.output('Mavibot')[0]).toMatchObject({ client_id: boris, quiz_score: '10' });
	});
});
