/**
 * The node settings "On Error": Continue (using error output) and Continue (regular output), run through n8n's
 * engine, which decides what goes down the error output (n8n-core's handleNodeErrorOutput). For a write (Message →
 * Send), a read (Client → Get Many) and a bulk action (Client → Delete Many with a failing 2nd chunk).
 */
const { runWorkflow } = require('./harness/n8n');
const { mavibotWorkflow } = require('./harness/workflows');
const { useSandbox, SEED } = require('./harness/sandbox');

const { ann, boris, carol, elena } = SEED.clients;
const SERIAL = { requestOptions: { maxParallelRequests: 1 } };
const SERVER_ERROR = {
	kind: 'status',
	status: 500,
	body: { status: 'fail', message: 'Something went wrong' },
};

const env = useSandbox();

/** The 2nd request of `action` fails with HTTP 500 (the 1st passes untouched). */
function failSecondRequest(action) {
	env.sandbox.misbehave({ action, kind: 'delay', ms: 0 });
	env.sandbox.misbehave({ action, ...SERVER_ERROR });
}

const run = (parameters, items, onError) =>
	runWorkflow(mavibotWorkflow({ ...SERIAL, ...parameters }, { items, extra: { onError } }), {
		credentials: env.credentials(),
	});

const SEND = {
	parameters: {
		resource: 'message',
		operation: 'send',
		clientId: '={{ $json.id }}',
		text: 'Your order has shipped',
	},
	items: [{ id: ann }, { id: boris }, { id: elena }],
	action: 'message',
	error: 'Mavibot "message" failed: Something went wrong [item 1]',
};
const GET_MANY = {
	parameters: {
		resource: 'client',
		operation: 'getMany',
		returnAll: false,
		limit: '={{ $json.limit }}',
	},
	items: [{ limit: 2 }, { limit: 1 }, { limit: 2 }],
	action: 'get_clients',
	error: 'Mavibot "get_clients" failed: Something went wrong [item 1]',
};
const deleteIds = Array.from({ length: 600 }, (_, index) => SEED.generatedClientBase + 1 + index);
const DELETE_MANY = {
	parameters: { resource: 'client', operation: 'deleteMany', clientIds: '={{ $json.ids }}' },
	// Item 0: 2 chunks, the 2nd fails; item 1: one chunk.
	items: [{ ids: deleteIds }, { ids: [carol] }],
	action: 'delete_clients',
	error:
		/^Mavibot "delete_clients" failed: Something went wrong \(500 of 600 clients were already deleted/,
};

describe('On Error: Continue (using error output)', () => {
	test('Message → Send: the failed item leaves by the error output, the others by the success output', async () => {
		failSecondRequest(SEND.action);
		const result = await run(SEND.parameters, SEND.items, 'continueErrorOutput');
		expect(result.error).toBeUndefined();
		const success = result.items('Mavibot', 0);
		const failed = result.items('Mavibot', 1);
		expect(success.map((item) => [item.json.client_id, item.pairedItem])).toEqual([
			[ann, { item: 0 }],
			[elena, { item: 2 }],
		]);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 1 });
		// n8n adds the input item's fields to an error item.
		expect(failed[0].json).toMatchObject({ id: boris, error: SEND.error });
		expect(failed[0].json.message).toMatch(/Check the parameters of this item/);
		expect(env.sandbox.deliveries.map((delivery) => delivery.clientId)).toEqual([ann, elena]);
	});

	test('Client → Get Many: the failed read leaves by the error output', async () => {
		failSecondRequest(GET_MANY.action);
		const result = await run(GET_MANY.parameters, GET_MANY.items, 'continueErrorOutput');
		expect(result.error).toBeUndefined();
		const success = result.items('Mavibot', 0);
		expect(success).toHaveLength(4);
		expect(success.map((item) => item.pairedItem.item)).toEqual([0, 0, 2, 2]);
		const failed = result.items('Mavibot', 1);
		expect(failed.map((item) => [item.json.error, item.json.limit, item.pairedItem])).toEqual([
			[GET_MANY.error, 1, { item: 1 }],
		]);
	});

	test('Client → Delete Many: an item whose 2nd chunk fails leaves by the error output, saying what was deleted', async () => {
		failSecondRequest(DELETE_MANY.action);
		const result = await run(DELETE_MANY.parameters, DELETE_MANY.items, 'continueErrorOutput');
		expect(result.error).toBeUndefined();
		expect(result.items('Mavibot', 0).map((item) => [item.json, item.pairedItem])).toEqual([
			[{ deleted: true, clientIds: 1, requests: 1, deletedCount: 1 }, { item: 1 }],
		]);
		const failed = result.items('Mavibot', 1);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 0 });
		expect(failed[0].json.error).toMatch(DELETE_MANY.error);
		expect(failed[0].json.message).toMatch(/Run again with the IDs from position 501 on/);
		expect(
			env.sandbox.requestsFor('delete_clients').map((request) => request.body.client_ids.length),
		).toEqual([500, 100, 1]);
	});

	test('a bad parameter goes down the error output too, and nothing is sent for it', async () => {
		const result = await run(SEND.parameters, [{ id: ann }, { id: '' }], 'continueErrorOutput');
		expect(result.items('Mavibot', 0).map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(result.output('Mavibot', 1)).toEqual([
			expect.objectContaining({ id: '', error: '"Client ID" is empty [item 1]' }),
		]);
		expect(env.sandbox.requestsFor('message')).toHaveLength(1);
	});
});

describe('On Error: Continue (regular output) keeps every item on the one output', () => {
	test.each([
		['Message → Send', SEND, 3],
		['Client → Get Many', GET_MANY, 5],
		['Client → Delete Many', DELETE_MANY, 2],
	])('%s', async (_name, spec, count) => {
		failSecondRequest(spec.action);
		const result = await run(spec.parameters, spec.items, 'continueRegularOutput');
		expect(result.error).toBeUndefined();
		const items = result.items('Mavibot', 0);
		expect(items).toHaveLength(count);
		expect(result.items('Mavibot', 1)).toEqual([]);
		const failed = items.filter((item) => item.json.error !== undefined);
		expect(failed).toHaveLength(1);
		expect(Object.keys(failed[0].json).sort()).toEqual(['description', 'error']);
		expect(failed[0].json.error).toMatch(spec.error);
		expect(failed[0].pairedItem).toEqual({ item: spec === DELETE_MANY ? 0 : 1 });
	});
});
