/**
 * The node setting "Retry On Fail", run through n8n's engine: n8n runs the whole node again with all its items after
 * a failure; a write Mavibot already accepted in this execution is not sent again (its earlier answer is output),
 * per request, so also per chunk of a bulk action. Reads are simply repeated.
 */
const { runWorkflow } = require('./harness/n8n');
const { mavibotWorkflow } = require('./harness/workflows');
const { useSandbox, SEED } = require('./harness/sandbox');

const { ann, boris, carol, elena, hanna } = SEED.clients;
const SERIAL = { requestOptions: { maxParallelRequests: 1 } };
const SERVER_ERROR = {
	kind: 'status',
	status: 500,
	body: { status: 'fail', message: 'Something went wrong' },
};
// n8n reads waitBetweenTries 0 as its default of 1 s; 10 ms keeps the tests quick.
const RETRY = { retryOnFail: true, maxTries: 3, waitBetweenTries: 10 };

const env = useSandbox();

/** The n-th request of `action` (1-based) fails once with HTTP 500; the ones before it pass untouched. */
function failRequest(action, n, rule = SERVER_ERROR) {
	for (let index = 1; index < n; index++) env.sandbox.misbehave({ action, kind: 'delay', ms: 0 });
	env.sandbox.misbehave({ action, ...rule });
}

const run = (parameters, { items, extra = RETRY } = {}) =>
	runWorkflow(mavibotWorkflow({ ...SERIAL, ...parameters }, { items, extra }), {
		credentials: env.credentials(),
	});

/** How many deliveries went to a client beyond the first. */
function duplicatedDeliveries() {
	const seen = new Map();
	for (const delivery of env.sandbox.deliveries)
		seen.set(delivery.clientId, (seen.get(delivery.clientId) ?? 0) + 1);
	return [...seen.values()].reduce((sum, count) => sum + count - 1, 0);
}

const FIVE_CLIENTS = [ann, boris, carol, elena, hanna];
const send = {
	resource: 'message',
	operation: 'send',
	clientId: '={{ $json.id }}',
	text: '={{ "Hello " + $json.id }}',
};

describe('Retry On Fail does not send twice', () => {
	test('Message → Send: 5 items, the 3rd request fails once: every client gets the message once', async () => {
		failRequest('message', 3);
		const result = await run(send, { items: FIVE_CLIENTS.map((id) => ({ id })) });
		expect(result.error).toBeUndefined();
		expect(result.output('Mavibot').map((json) => [json.status, json.client_id])).toEqual(
			FIVE_CLIENTS.map((id) => ['success', id]),
		);
		expect(result.items('Mavibot').map((item) => item.pairedItem.item)).toEqual([0, 1, 2, 3, 4]);
		// 5 accepted + the one that failed: items 1 and 2 were not sent again by the retry.
		expect(env.sandbox.requestsFor('message').map((request) => request.body.client_id)).toEqual([
			ann,
			boris,
			carol,
			carol,
			elena,
			hanna,
		]);
		expect(env.sandbox.deliveries.map((delivery) => delivery.clientId)).toEqual(FIVE_CLIENTS);
		expect(duplicatedDeliveries()).toBe(0);
	});

	test('the retry outputs the answer Mavibot gave the first time', async () => {
		failRequest('message', 2);
		const result = await run(send, { items: [{ id: ann }, { id: boris }] });
		const [first] = result.output('Mavibot');
		expect(first).toEqual({ status: 'success', client_id: ann });
		expect(env.sandbox.requestsFor('message')).toHaveLength(3);
	});

	test('Callback → Send to Many: chunk 2 of 4 fails; the retry does not send chunk 1 again', async () => {
		// Elena's Telegram ID opens chunk 1, so that a repeated chunk 1 would reach her twice.
		const ids = ['407184121', ...Array.from({ length: 999 }, (_, i) => String(9100000 + i))];
		failRequest('send_callback_by_platform_id', 2);
		const result = await run(
			{
				resource: 'callback',
				operation: 'sendToMany',
				platformIds: '={{ $json.ids }}',
				callbackText: 'webinar_started',
			},
			{ items: [{ ids }] },
		);
		expect(result.error).toBeUndefined();
		const chunks = env.sandbox
			.requestsFor('send_callback_by_platform_id')
			.map((request) => request.body.platform_ids[0]);
		// chunk 1, chunk 2 (failed), then the retry: chunk 2, 3, 4.
		expect(chunks).toEqual([ids[0], ids[300], ids[300], ids[600], ids[900]]);
		expect(result.output('Mavibot')).toEqual([
			{ status: 'success', platformIds: 1000, requests: 4, sent: 1 },
		]);
		expect(env.sandbox.deliveries.map((delivery) => delivery.clientId)).toEqual([elena]);
	});

	test('Message → Broadcast: 3 broadcasts, the 2nd fails once; the 1st is not broadcast again', async () => {
		failRequest('broadcast', 2);
		const result = await run(
			{
				resource: 'message',
				operation: 'broadcast',
				sendTo: 'clients',
				clientIds: '={{ $json.ids }}',
				text: 'Sale',
			},
			{ items: [{ ids: [ann, boris] }, { ids: [carol] }, { ids: [elena] }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Mavibot').map((json) => json.sent)).toEqual([2, 1, 1]);
		expect(env.sandbox.requestsFor('broadcast').map((request) => request.body.clients)).toEqual([
			[ann, boris],
			[carol],
			[carol],
			[elena],
		]);
		expect(env.sandbox.deliveries.map((delivery) => delivery.clientId)).toEqual([
			ann,
			boris,
			carol,
			elena,
		]);
		expect(duplicatedDeliveries()).toBe(0);
	});

	test('a write whose answer was lost (dropped connection) is never sent again: the retries fail', async () => {
		failRequest('message', 2, { kind: 'drop' });
		const result = await run(send, { items: [{ id: ann }, { id: boris }, { id: carol }] });
		expect(result.error.message).toMatch(/^Mavibot "message" failed: .* \[item 1\]$/);
		expect(result.error.description).toMatch(/may have reached Mavibot/);
		// The first try: ann, boris (dropped; Mavibot took it); the retries send nothing again.
		expect(env.sandbox.requestsFor('message').map((request) => request.body.client_id)).toEqual([
			ann,
			boris,
		]);
		expect(duplicatedDeliveries()).toBe(0);
	});

	test('reads are simply repeated', async () => {
		failRequest('get_variables', 1);
		const result = await run(
			{ resource: 'variable', operation: 'get', clientId: String(ann) },
			{ items: [{}] },
		);
		expect(result.error).toBeUndefined();
		expect(env.sandbox.requestsFor('get_variables')).toHaveLength(2);
	});

	test('with Continue (regular output), n8n re-runs the node when the first item failed: the others are not re-sent', async () => {
		failRequest('message', 1);
		const result = await run(send, {
			items: [{ id: ann }, { id: boris }],
			extra: { ...RETRY, onError: 'continueRegularOutput' },
		});
		expect(result.output('Mavibot').map((json) => json.client_id)).toEqual([ann, boris]);
		expect(env.sandbox.requestsFor('message').map((request) => request.body.client_id)).toEqual([
			ann,
			boris,
			ann,
		]);
		expect(duplicatedDeliveries()).toBe(0);
	});

	test('another execution sends again: the memory holds within one execution only', async () => {
		const once = await run(send, { items: [{ id: ann }] });
		const again = await run(send, { items: [{ id: ann }] });
		expect([once.error, again.error]).toEqual([undefined, undefined]);
		expect(env.sandbox.requestsFor('message')).toHaveLength(2);
	});

	test('without Retry On Fail a failed run sends nothing more', async () => {
		failRequest('message', 2);
		const result = await run(send, {
			items: [{ id: ann }, { id: boris }, { id: carol }],
			extra: {},
		});
		expect(result.error.message).toBe('Mavibot "message" failed: Something went wrong [item 1]');
		expect(env.sandbox.requestsFor('message')).toHaveLength(2);
	});
});
