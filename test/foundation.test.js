/**
 * The foundation, driven through n8n's engine against the sandbox: the credential test, the first operations, the
 * transport's error detection and redaction, and its retry rules.
 */
const { runWorkflow, shutdownN8n } = require('./harness/n8n');
const { mavibotWorkflow } = require('./harness/workflows');
const { testCredential } = require('./harness/credentialTest');
const { startSandbox, KEYS, SEED } = require('./harness/sandbox');

const ANN = SEED.clients.ann;
const BORIS = SEED.clients.boris;

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

describe('Message → Send', () => {
	test('sends text to each client and outputs one item per input item', async () => {
		const result = await run(
			{
				resource: 'message',
				operation: 'send',
				clientId: '={{ $json.id }}',
				text: '=Hello {{ $json.name }}',
			},
			{
				items: [
					{ id: ANN, name: 'Ann' },
					{ id: BORIS, name: 'Boris' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		const sent = env.sandbox.requestsFor('message');
		expect(sent.map(({ method, body, key }) => ({ method, body, key }))).toEqual([
			{ method: 'POST', body: { client_id: ANN, message: 'Hello Ann' }, key: KEYS.full },
			{ method: 'POST', body: { client_id: BORIS, message: 'Hello Boris' }, key: KEYS.full },
		]);
		expect(result.output('Mavibot')).toEqual([
			expect.objectContaining({ status: 'success', client_id: ANN }),
			expect.objectContaining({ status: 'success', client_id: BORIS }),
		]);
		expect(result.items('Mavibot').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
	});

	test('sends an attachment, a bot block, buttons and a schedule', async () => {
		await run({
			resource: 'message',
			operation: 'send',
			clientId: String(ANN),
			text: 'Your invoice',
			additionalFields: {
				attachmentUrl: 'https://example.com/a.pdf',
				attachmentType: 'file',
				botBlock: { __rl: true, mode: 'list', value: String(SEED.blocks.paidOk) },
				buttons: {
					button: [
						{ text: 'Pay', type: 'url', url: 'https://example.com/pay', line: 0, indexInLine: 0 },
						{ text: 'Later', type: 'inline', line: 0, indexInLine: 1, oneTime: false },
					],
				},
				buttonsHint: 'Reply 1 to pay',
				sendAt: '2026-12-01T06:30:00Z',
				timeZone: 'Europe/Moscow',
			},
		});
		expect(env.sandbox.requestsFor('message')[0].body).toEqual({
			client_id: ANN,
			message: 'Your invoice',
			message_id: SEED.blocks.paidOk,
			attachment_url: 'https://example.com/a.pdf',
			attachment_type: 'file',
			buttons: {
				hint: 'Reply 1 to pay',
				buttons: [
					{
						text: 'Pay',
						type: 'inline',
						url: 'https://example.com/pay',
						line: 0,
						index_in_line: 0,
					},
					{ text: 'Later', type: 'inline', line: 0, index_in_line: 1 },
				],
			},
			send_time: '2026-12-01 09:30:00',
		});
	});

	test('a delay is sent as time_shift next to send_time (Mavibot lets the delay win)', async () => {
		await run({
			resource: 'message',
			operation: 'send',
			clientId: String(ANN),
			text: 'Soon',
			additionalFields: { sendAt: '2026-12-01 09:30:00', delaySeconds: 90 },
		});
		expect(env.sandbox.requestsFor('message')[0].body).toMatchObject({
			send_time: '2026-12-01 09:30:00',
			time_shift: 90,
		});
	});

	test('an attachment URL without a type is refused before sending, naming the field and the item', async () => {
		const result = await run(
			{
				resource: 'message',
				operation: 'send',
				clientId: '={{ $json.id }}',
				text: 'x',
				additionalFields: { attachmentUrl: '={{ $json.url }}' },
			},
			{ items: [{ id: ANN }, { id: BORIS, url: 'https://example.com/a.png' }] },
		);
		expect(result.error.message).toBe(
			'"Attachment Type" is missing while "Attachment URL" is set [item 1]',
		);
		expect(result.error.description).toMatch(/Choose the attachment type/);
		// The run stopped at item 1: item 0 went out once, item 1 never.
		expect(env.sandbox.requestsFor('message').map((request) => request.body.client_id)).toEqual([
			ANN,
		]);
	});

	test('an invalid Send At names the field', async () => {
		const result = await run({
			resource: 'message',
			operation: 'send',
			clientId: String(ANN),
			text: 'x',
			additionalFields: { sendAt: 'next tuesday' },
		});
		expect(result.error.message).toBe(
			'"Send At" is "next tuesday", which is not a date and time [item 0]',
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('with Continue On Fail, bad items become error items and the others are sent once', async () => {
		const result = await run(
			{
				resource: 'message',
				operation: 'send',
				clientId: '={{ $json.id }}',
				text: '={{ $json.text }}',
			},
			{
				items: [
					{ id: ANN, text: 'one' },
					{ id: BORIS, text: '' },
					{ id: 999999, text: 'three' },
					{ id: BORIS, text: 'four' },
				],
				extra: { onError: 'continueRegularOutput' },
			},
		);
		expect(result.error).toBeUndefined();
		const output = result.output('Mavibot');
		expect(output).toHaveLength(4);
		expect(output[0]).toMatchObject({ status: 'success', client_id: ANN });
		expect(output[1].error).toBe(
			'"Text" is empty and there is no attachment or bot block to send [item 1]',
		);
		expect(output[2].error).toBe('Mavibot "message" failed: client_not_found [item 2]');
		expect(output[3]).toMatchObject({ status: 'success', client_id: BORIS });
		expect(result.items('Mavibot').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(env.sandbox.requestsFor('message').map((request) => request.body.message)).toEqual([
			'one',
			'three',
			'four',
		]);
	});
});

describe('Variable → Set and Get', () => {
	test('sets variables of one client from the list of fields', async () => {
		const result = await run({
			resource: 'variable',
			operation: 'set',
			target: 'one',
			clientId: String(ANN),
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
			body: { client_id: ANN, variables: { 'client.city': 'Riga', order_sum: '2500' } },
		});
		expect(result.output('Mavibot')[0]).toMatchObject({ status: 'success', client_id: ANN });
	});

	test('sets the same variables for many clients in one request, from JSON', async () => {
		await run({
			resource: 'variable',
			operation: 'set',
			target: 'many',
			clientIds: `${ANN}, ${BORIS}\n${ANN}`,
			variablesInput: 'json',
			variablesJson: '{"client.tag": "vip"}',
		});
		expect(env.sandbox.requestsFor('save_variables')[0].body).toEqual({
			clients: [ANN, BORIS],
			variables: { 'client.tag': 'vip' },
		});
	});

	test('refuses invalid JSON and an empty list of variables, naming the field', async () => {
		const invalid = await run({
			resource: 'variable',
			operation: 'set',
			clientId: String(ANN),
			variablesInput: 'json',
			variablesJson: '{"a": ',
		});
		expect(invalid.error.message).toMatch(/^"Variables \(JSON\)" is not valid JSON .* \[item 0\]$/);
		const empty = await run({
			resource: 'variable',
			operation: 'set',
			clientId: String(ANN),
			variables: {},
		});
		expect(empty.error.message).toBe('"Variables" is empty [item 0]');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('reads the variables written before, nested or flat', async () => {
		await run({
			resource: 'variable',
			operation: 'set',
			clientId: String(BORIS),
			variables: { variable: [{ name: 'client.quiz_score', value: '10' }] },
		});
		const nested = await run({ resource: 'variable', operation: 'get', clientId: String(BORIS) });
		expect(env.sandbox.requestsFor('get_variables')[0]).toMatchObject({
			method: 'GET',
			query: { client_id: String(BORIS) },
		});
		expect(nested.output('Mavibot')[0]).toMatchObject({
			client_id: BORIS,
			variables: { quiz_score: '10' },
		});
		const flat = await run({
			resource: 'variable',
			operation: 'get',
			clientId: String(BORIS),
			output: 'flat',
		});
		expect(flat.output('Mavibot')[0]).toMatchObject({ client_id: BORIS, quiz_score: '10' });
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
