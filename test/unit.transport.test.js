/** Plain unit tests for the transport's pure parts, run against the built code in dist/. */
const { parseMavibotResponse } = require('../dist/nodes/Mavibot/transport/response');
const { redact, redactDeep } = require('../dist/nodes/Mavibot/transport/redact');
const { retryAfterMs } = require('../dist/nodes/Mavibot/transport/retryWait');
const { RequestPacer } = require('../dist/nodes/Mavibot/transport/pacer');
const { runWithConcurrency } = require('../dist/nodes/Mavibot/helpers/concurrency');
const { toSendTime } = require('../dist/nodes/Mavibot/helpers/scheduling');

describe('parseMavibotResponse', () => {
	test.each([
		['status', '{"error":"Invalid api key"}', false],
		['result', '{"error":"Invalid api key"}', false],
		['result', '{"status":"fail","message":"boom"}', false],
		['userData', '{"status":"vip","city":"London"}', true],
		['userData', '{"status":"success"}', true],
		['userData', '{"status":"vip"}', true],
		['userData', '{"error":"none yet","city":"London"}', true],
		['userData', '{"status":"client_not_found"}', false],
		['userData', '{"status":"fail","message":"Something went wrong"}', false],
		['userData', '{"error":"API key is invalid"}', false],
	])('an answer of shape %s: %s is a success: %s', (shape, text, ok) => {
		expect(parseMavibotResponse(200, text, shape).ok).toBe(ok);
	});

	test.each([
		[200, '{"status":"success","order_id":5}', true],
		[200, '[{"id":1}]', true],
		[200, '{"client_id":36553}', true],
		[200, '', true],
	])('HTTP %i %s is a success', (code, text, ok) => {
		expect(parseMavibotResponse(code, text).ok).toBe(ok);
	});

	test.each([
		[200, '{"status":"client_not_found"}', 'notFound', 'client_not_found'],
		[200, '{"status":"order 12345 not found"}', 'notFound', 'order 12345 not found'],
		[
			200,
			'{"status":"fail","message":"Parameter \\"q\\" required"}',
			'apiError',
			'Parameter "q" required',
		],
		[200, '{"status":"error","message":"API key is invalid"}', 'badKey', 'API key is invalid'],
		[403, '{"status":"error","message":"Access denied"}', 'permission', 'Access denied'],
		[404, '{"detail":"nope"}', 'notFound', 'nope'],
		[429, '{"status":"error","message":"Too many requests"}', 'rateLimited', 'Too many requests'],
		[503, '', 'unavailable', 'HTTP 503'],
		[500, '{"status":"error","message":"boom"}', 'apiError', 'boom'],
		[200, 'order 12345 not found', 'notFound', 'order 12345 not found'],
	])('HTTP %i %s is an error of kind %s', (code, text, kind, reason) => {
		expect(parseMavibotResponse(code, text)).toMatchObject({ ok: false, kind, reason });
	});

	test('an HTML page is an error that says so, whatever the HTTP status', () => {
		for (const code of [200, 404, 502]) {
			const parsed = parseMavibotResponse(
				code,
				'<!DOCTYPE html><html><body>Bad gateway</body></html>',
			);
			expect(parsed.ok).toBe(false);
			expect(parsed.reason).toBe(`answered HTTP ${code} with an HTML page instead of JSON`);
		}
	});
});

describe('redact', () => {
	test('removes the key from URL paths and anywhere else', () => {
		const text = 'GET https://chatter.example/api/s3cr3t-key/message failed; key=s3cr3t-key';
		expect(redact(text, ['s3cr3t-key'])).toBe(
			'GET https://chatter.example/api/***/message failed; key=***',
		);
		expect(redact('http://127.0.0.1:1/api/other/x')).toBe('http://127.0.0.1:1/api/***/x');
	});

	test('redacts nested values', () => {
		expect(redactDeep({ a: ['x s3cr3t-key'], b: { c: 'ok' } }, ['s3cr3t-key'])).toEqual({
			a: ['x ***'],
			b: { c: 'ok' },
		});
	});
});

test('retryAfterMs reads seconds and HTTP dates', () => {
	expect(retryAfterMs('2')).toBe(2000);
	expect(retryAfterMs(undefined)).toBeUndefined();
	expect(
		retryAfterMs('Wed, 25 Nov 2026 10:00:05 GMT', Date.parse('Wed, 25 Nov 2026 10:00:00 GMT')),
	).toBe(5000);
	expect(retryAfterMs('soon')).toBeUndefined();
});

test('a paused pacer holds every waiting request back', async () => {
	const pacer = new RequestPacer();
	pacer.pause(120);
	const started = Date.now();
	await Promise.all([pacer.waitForTurn(), pacer.waitForTurn()]);
	expect(Date.now() - started).toBeGreaterThanOrEqual(100);
});

describe('runWithConcurrency', () => {
	test('keeps order and never exceeds the limit', async () => {
		let running = 0;
		let peak = 0;
		const results = await runWithConcurrency(20, 4, async (index) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setTimeout(resolve, (20 - index) % 5));
			running--;
			return index * 2;
		});
		expect(results).toEqual(Array.from({ length: 20 }, (_, index) => index * 2));
		expect(peak).toBe(4);
	});

	test('starts nothing new after a failure and throws the first failure', async () => {
		const started = [];
		await expect(
			runWithConcurrency(10, 2, async (index) => {
				started.push(index);
				if (index === 1) throw new Error('item 1 failed');
				await new Promise((resolve) => setTimeout(resolve, 5));
				return index;
			}),
		).rejects.toThrow('item 1 failed');
		expect(started.length).toBeLessThan(10);
	});
});

describe('toSendTime', () => {
	test.each([
		['2026-12-01 09:30:00', 'Europe/Moscow', '2026-12-01 09:30:00'],
		['2026-12-01 09:30', 'UTC', '2026-12-01 09:30:00'],
		['2026-12-01T09:30:00', 'Europe/Moscow', '2026-12-01 09:30:00'],
		['2026-12-01T06:30:00Z', 'Europe/Moscow', '2026-12-01 09:30:00'],
		['2026-12-01T09:30:00.000+03:00', 'America/New_York', '2026-12-01 01:30:00'],
		['2026-12-01', 'UTC', '2026-12-01 00:00:00'],
	])('%s in %s → %s', (input, zone, expected) => {
		expect(toSendTime(input, zone)).toBe(expected);
	});

	test('Luxon-like objects and Dates are instants', () => {
		expect(toSendTime({ toISO: () => '2026-12-01T06:30:00.000Z' }, 'Europe/Moscow')).toBe(
			'2026-12-01 09:30:00',
		);
		expect(toSendTime(new Date('2026-12-01T06:30:00Z'), 'UTC')).toBe('2026-12-01 06:30:00');
	});

	test.each(['tomorrow', '2026-13-01 10:00:00', '2026-02-30T10:00', ''])('rejects %p', (input) => {
		expect(toSendTime(input, 'UTC')).toBeUndefined();
	});
});
