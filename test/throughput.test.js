/**
 * Items run in parallel up to "Max Parallel Requests", in input order on output, and a rate-limited Mavibot gets
 * every message exactly once: one 429 pauses every worker, and the node slows down to the accepted rate.
 * (Speed is measured by `npm run bench`, never asserted here.)
 */
const { runWorkflow, shutdownN8n } = require('./harness/n8n');
const { mavibotWorkflow } = require('./harness/workflows');
const { startSandbox, SEED } = require('./harness/sandbox');

let env;
beforeAll(async () => {
	env = await startSandbox();
});
beforeEach(() => {
	env.sandbox.reset();
	env.sandbox.setLatency(0);
	env.sandbox.setRateLimit(null);
});
afterAll(async () => {
	await env.stop();
	await shutdownN8n();
});

const clients = Object.values(SEED.clients).filter((id) => id !== SEED.clients.lena);
const sendItems = (count) =>
	runWorkflow(
		mavibotWorkflow(
			{
				resource: 'message',
				operation: 'send',
				clientId: '={{ $json.clientId }}',
				text: '=Message {{ $json.n }}',
			},
			{
				items: Array.from({ length: count }, (_, n) => ({
					n,
					clientId: clients[n % clients.length],
				})),
			},
		),
		{ credentials: env.credentials() },
	);

function withOptions(parameters, requestOptions) {
	return { ...parameters, requestOptions };
}

test('items run in parallel up to the limit and come out in input order', async () => {
	env.sandbox.setLatency(30);
	const workflow = mavibotWorkflow(
		withOptions(
			{
				resource: 'message',
				operation: 'send',
				clientId: '={{ $json.clientId }}',
				text: '=Message {{ $json.n }}',
			},
			{ maxParallelRequests: 4 },
		),
		{ items: Array.from({ length: 24 }, (_, n) => ({ n, clientId: clients[n % clients.length] })) },
	);
	const result = await runWorkflow(workflow, { credentials: env.credentials() });
	expect(result.error).toBeUndefined();
	expect(env.sandbox.peakInFlight).toBe(4);
	expect(result.items('Mavibot').map((item) => item.pairedItem.item)).toEqual([
		...Array(24).keys(),
	]);
	const texts = env.sandbox.deliveries.map((delivery) => delivery.text).sort();
	expect(texts).toEqual(Array.from({ length: 24 }, (_, n) => `Message ${n}`).sort());
});

test('Max Parallel Requests 1 sends one item at a time', async () => {
	env.sandbox.setLatency(10);
	const workflow = mavibotWorkflow(
		withOptions(
			{ resource: 'message', operation: 'send', clientId: '={{ $json.clientId }}', text: 'x' },
			{ maxParallelRequests: 1 },
		),
		{ items: Array.from({ length: 6 }, (_, n) => ({ clientId: clients[n] })) },
	);
	await runWorkflow(workflow, { credentials: env.credentials() });
	expect(env.sandbox.peakInFlight).toBe(1);
	expect(env.sandbox.requestsFor('message').map((request) => request.body.client_id)).toEqual(
		clients.slice(0, 6),
	);
});

test('against a limit of 20 requests per second every message is delivered exactly once', async () => {
	env.sandbox.setRateLimit(20);
	const result = await sendItems(60);
	expect(result.error).toBeUndefined();
	expect(result.output('Mavibot')).toHaveLength(60);
	const texts = env.sandbox.deliveries.map((delivery) => delivery.text);
	expect(texts).toHaveLength(60);
	expect(new Set(texts).size).toBe(60);
	const refused = env.sandbox.requests.filter(
		(request) => request.outcome === 'rate-limited',
	).length;
	// The first refusals teach the node the rate; it does not keep hammering.
	expect(refused).toBeLessThan(20);
});
