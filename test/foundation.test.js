/**
 * The foundation, driven through n8n's engine against the sandbox: the credential test, the transport's error
 * detection and redaction, and its retry rules. (Message → Send is in actions.message.test.js, Variable in
 * actions.variable.test.js.)
 */
const { runWorkflow, shutdownN8n } = require('./harness/n8n');
const { mavibotWorkflow } = require('./harness/workflows');
const { testCredential } = require('./harness/credentialTest');
const { startSandbox, KEYS, SEED } = require('./harness/sandbox');

const ANN = SEED.clients.ann;

let env;
// Everything n8n's logger writes during the suite, to check that no log line holds a key.
const logged = [];
const realWrite = { out: process.stdout.write, err: process.stderr.write };
beforeAll(async () => {
	env = await startSandbox();
	process.stdout.write = (chunk, ...rest) =>
		logged.push(String(chunk)) && realWrite.out.call(process.stdout, chunk, ...rest);
	process.stderr.write = (chunk, ...rest) =>
		logged.push(String(chunk)) && realWrite.err.call(process.stderr, chunk, ...rest);
	// n8n's own logger (winston) may hold on to console before the test starts: record at its entry points too.
	const { Logger } = require('@n8n/backend-common');
	for (const level of ['info', 'warn', 'error', 'debug']) {
		const original = Logger.prototype[level];
		jest.spyOn(Logger.prototype, level).mockImplementation(function (...args) {
			logged.push(
				JSON.stringify(args, (_key, value) =>
					value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value,
				),
			);
			return original.apply(this, args);
		});
	}
});
beforeEach(() => env.sandbox.reset());
afterAll(async () => {
	process.stdout.write = realWrite.out;
	process.stderr.write = realWrite.err;
	jest.restoreAllMocks();
	await env.stop();
	await shutdownN8n();
});

const run = (parameters, options = {}) =>
	runWorkflow(mavibotWorkflow(parameters, options), { credentials: env.credentials(options.key) });

/** Every string n8n keeps about the run: output, errors, descriptions, stacks. */
function everythingAbout(result) {
	const error = result.error ?? result.nodeError('Mavibot');
	return JSON.stringify({
		runData: result.runData,
		error: error && {
			...error,
			message: error.message,
			description: error.description,
			stack: error.stack,
		},
		cause: error?.cause && String(error.cause.stack ?? error.cause),
	});
}

describe('credential test (connected_channels)', () => {
	test('a good key passes, with whitespace and a trailing slash trimmed', async () => {
		const result = await testCredential('mavibotApi', {
			apiKey: `  ${KEYS.full} `,
			baseUrl: ` ${env.url}/ `,
		});
		expect(result).toMatchObject({ status: 'OK' });
		expect(env.sandbox.requests).toEqual([
			expect.objectContaining({ method: 'GET', action: 'connected_channels', key: KEYS.full }),
		]);
	});

	test('a wrong key answered with HTTP 401 fails too, without showing the key', async () => {
		const strict = await startSandbox({ badKeyHttpStatus: 401 });
		try {
			const result = await testCredential('mavibotApi', {
				apiKey: 'wrong-secret-key',
				baseUrl: strict.url,
			});
			expect(result.status).toBe('Error');
			// n8n re-applies authentication after a 401 and retries once: the credential must not prefix the URL twice.
			expect(`${result.message} ${result.error.description}`).toMatch(
				/Authorization failed.*API key is invalid/,
			);
			expect(
				strict.sandbox.requests.every((request) => request.action === 'connected_channels'),
			).toBe(true);
			expect(
				JSON.stringify({
					message: result.message,
					error: result.error,
					stack: result.error?.stack,
				}),
			).not.toContain('wrong-secret-key');
		} finally {
			await strict.stop();
		}
	});

	test('a wrong key fails with a clear message although Mavibot answers HTTP 200', async () => {
		const result = await testCredential('mavibotApi', { apiKey: 'wrong-key', baseUrl: env.url });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/refused the API key/);
	});
});

describe('transport: errors keep the API reason, never the key', () => {
	const SECRET = KEYS.full;
	const send = { resource: 'message', operation: 'send', clientId: String(ANN), text: 'hi' };

	test.each([
		[
			'an HTTP 500 with a JSON body',
			{ kind: 'status', status: 500, body: { status: 'error', message: 'Internal failure' } },
			/Internal failure \[item 0\]$/,
		],
		[
			'an HTML error page',
			{ kind: 'html', status: 502 },
			/answered HTTP 502 with an HTML page instead of JSON/,
		],
		['an HTML page with HTTP 200', { kind: 'html', status: 200 }, /HTML page instead of JSON/],
		[
			'a plain-text error body',
			{ kind: 'text', status: 200, text: 'order 12345 not found' },
			/order 12345 not found/,
		],
	])('%s', async (_name, rule, expected) => {
		env.sandbox.misbehave({ action: 'message', ...rule });
		const result = await run(send);
		expect(result.error.message).toMatch(/^Mavibot "message" failed: /);
		expect(result.error.message).toMatch(expected);
		expect(everythingAbout(result)).not.toContain(SECRET);
	});

	test('a status-in-body error', async () => {
		const result = await run({ ...send, clientId: '424242' });
		expect(result.error.message).toBe('Mavibot "message" failed: client_not_found [item 0]');
		expect(result.error.description).toMatch(/could not find/);
		expect(everythingAbout(result)).not.toContain(SECRET);
	});

	test('a wrong key', async () => {
		const result = await runWorkflow(mavibotWorkflow(send), {
			credentials: env.credentials('wrong-secret-key'),
		});
		expect(result.error.message).toBe('Mavibot "message" failed: API key is invalid [item 0]');
		expect(result.error.description).toMatch(/Check the API key/);
		expect(everythingAbout(result)).not.toContain('wrong-secret-key');
	});

	test('a key without the permission names the permission to add', async () => {
		const result = await run(send, { key: KEYS.readonly });
		expect(result.error.message).toMatch(/^Mavibot "message" failed: Access denied/);
		expect(result.error.description).toMatch(/"Permission to modify\/delete client information"/);
		expect(everythingAbout(result)).not.toContain(KEYS.readonly);
	});

	test('a dropped connection after a send is not retried and says so', async () => {
		env.sandbox.misbehave({ action: 'message', kind: 'drop' });
		const result = await run(send);
		expect(result.error.message).toMatch(/^Mavibot "message" failed: .* \[item 0\]$/);
		expect(result.error.description).toMatch(/may have reached Mavibot/);
		expect(env.sandbox.requestsFor('message')).toHaveLength(1);
		expect(everythingAbout(result)).not.toContain(SECRET);
	});

	test('a dropped connection on a read is retried', async () => {
		env.sandbox.misbehave({ action: 'get_variables', kind: 'drop' });
		const result = await run({ resource: 'variable', operation: 'get', clientId: String(ANN) });
		expect(result.error).toBeUndefined();
		expect(env.sandbox.requestsFor('get_variables')).toHaveLength(2);
	});

	test('Request Options come from the first item and apply to the whole execution', async () => {
		env.sandbox.setLatency(100);
		try {
			const result = await run(
				{ ...send, requestOptions: { timeout: '={{ $json.timeout }}', maxParallelRequests: 1 } },
				{ items: [{ timeout: 5000 }, { timeout: 1 }] },
			);
			expect(result.error).toBeUndefined();
			expect(result.output('Mavibot')).toHaveLength(2);
			expect(env.sandbox.requestsFor('message')).toHaveLength(2);
		} finally {
			env.sandbox.setLatency(0);
		}
	});

	test('a timeout on a send is not retried', async () => {
		env.sandbox.misbehave({ action: 'message', kind: 'delay', ms: 1500 });
		const result = await run({ ...send, requestOptions: { timeout: 200 } });
		expect(result.error.description).toMatch(/may have reached Mavibot/);
		expect(env.sandbox.requestsFor('message')).toHaveLength(1);
	});
});

describe('transport: rate limits', () => {
	const send = { resource: 'message', operation: 'send', clientId: String(ANN), text: 'hi' };

	test('a 429 is retried after its Retry-After, and the message goes out once', async () => {
		env.sandbox.misbehave({ action: 'message', kind: 'status', status: 429, retryAfter: 1 });
		const result = await run(send);
		expect(result.error).toBeUndefined();
		const attempts = env.sandbox.requestsFor('message');
		expect(attempts).toHaveLength(2);
		expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(900);
		expect(env.sandbox.deliveries.filter((delivery) => delivery.action === 'message')).toHaveLength(
			1,
		);
	});

	test('a 503 is retried too', async () => {
		env.sandbox.misbehave({ action: 'message', kind: 'status', status: 503, retryAfter: 0 });
		const result = await run(send);
		expect(result.error).toBeUndefined();
		expect(env.sandbox.requestsFor('message')).toHaveLength(2);
	});

	test('with retries switched off a 429 fails at once with the rate-limit hint', async () => {
		env.sandbox.misbehave({ action: 'message', kind: 'status', status: 429, retryAfter: 1 });
		const result = await run({ ...send, requestOptions: { retryOnRateLimit: false } });
		expect(result.error.message).toMatch(
			/^Mavibot "message" failed: Too many requests \[item 0\]$/i,
		);
		expect(result.error.description).toMatch(/rate limiting/);
		expect(env.sandbox.requestsFor('message')).toHaveLength(1);
	});

	test('retries are bounded', async () => {
		env.sandbox.misbehave({
			action: 'message',
			kind: 'status',
			status: 429,
			retryAfter: 0,
			times: 10,
		});
		const result = await run({ ...send, requestOptions: { maxRetries: 2 } });
		expect(result.error.message).toMatch(/failed: /);
		expect(env.sandbox.requestsFor('message')).toHaveLength(3);
	});
});

test('no log line written during the suite holds an API key', () => {
	expect(logged.join('')).toMatch(/failed: /);
	for (const key of [KEYS.full, KEYS.readonly, 'wrong-secret-key'])
		expect(logged.join('')).not.toContain(key);
});
