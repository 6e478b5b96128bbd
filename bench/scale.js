'use strict';
/**
 * The scale-out rows of `npm run bench` (bench/run.js):
 * - the Mavibot Trigger against n8n's own Webhook node, all published in one `n8n start` (default expression
 *   engine), measured side by side: message events posted 16 at a time, until every run has sent its reply. The
 *   Webhook node twice: with one expression in a parameter (the floor: n8n takes an expression isolate per request
 *   for it, as for every trigger) and with static parameters only (the one start node n8n 2.x lets skip the isolate);
 * - n8n's queue mode (e2e/lib/queue.js) with 1 and with 2 workers: 2,000 Message → Send items in one execution, and
 *   2,000 message events, each its own execution.
 * Runs alternate (A B B A …) and each figure is the median of its runs, because this machine is shared.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { N8n } = require('../e2e/lib/n8n');
const { installTarball } = require('../e2e/lib/pack');
const { QueueStack } = require('../e2e/lib/queue');
const { freePort, http, waitUntil } = require('../e2e/lib/util');
const { workflow, mavibot, mavibotTrigger } = require('../e2e/lib/workflow');
const { KEYS, createState } = require('../test/sandbox/state');
const { buildWebhookEvent } = require('../test/sandbox/webhook');
const { median } = require('./stats');

const CREDENTIAL = { id: 'MavibotBenchCred', name: 'Mavibot sandbox (bench)' };
const TOKEN = 'bench-token-7c1e9a2f4b6d8e0a';
/** The "Mavibot Trigger API" credential holding the trigger's token (version 1.1 reads it from there). */
const TRIGGER_CREDENTIAL = { id: 'MavibotBenchTrig', name: 'Mavibot Trigger (bench)' };
const PARALLEL = 16;
const TRIGGER = { id: 'BenchMaviTrigger', webhookId: '0b8f6d42-3a1c-4e5f-9d7b-6c2a1e0f9b81' };
const WEBHOOK = {
	id: 'BenchN8nWebhook1',
	path: 'bench-webhook-events',
	webhookId: '1c907e53-4b2d-4f60-8e8c-7d3b2f1a0c92',
};
/** The floor: the same Webhook node with one expression (`={{ "" }}` in its IP allow-list, which allows every IP). */
const FLOOR = {
	id: 'BenchN8nWebhookX',
	path: 'bench-webhook-floor',
	webhookId: '4f2a9c17-6e3b-4d81-a0c5-9b7e2d4f1c63',
	options: { ipWhitelist: '={{ "" }}' },
};
const ITEMS = {
	id: 'BenchQueueItems1',
	path: 'bench-queue-items',
	webhookId: '2da18f64-5c3e-4071-9f9d-8e4c3a2b1da3',
};

/** n8n 2.x's setting that takes an expression isolate only when an expression is evaluated (default: every request). */
const LAZY_ACQUIRE = { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' };

const send = (clientId, text) =>
	mavibot('Send', { resource: 'message', operation: 'send', clientId, text }, CREDENTIAL);

/** Mavibot Trigger (message events, token checked) → Message → Send, as users build the reply workflow. */
const triggerWorkflow = () =>
	workflow({
		id: TRIGGER.id,
		name: 'bench: Mavibot Trigger → Send',
		nodes: [
			mavibotTrigger({
				webhookId: TRIGGER.webhookId,
				credential: TRIGGER_CREDENTIAL,
				parameters: { verifyToken: true },
			}),
			send('={{ $json.client.id }}', '={{ "You wrote: " + $json.text }}'),
		],
		connections: [['Mavibot Trigger', 'Send']],
	});

/** n8n's Webhook node (v2, defaults) on POST <path>, answering at once. */
const webhookNode = ({ webhookId, path, options = {} }) => ({
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	webhookId,
	parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options },
});

/** n8n's Webhook node (answers at once) → the same Send, reading the same fields from the raw event. */
const webhookWorkflow = (side = WEBHOOK, name = "bench: n8n's Webhook node → Send") =>
	workflow({
		id: side.id,
		name,
		nodes: [
			webhookNode(side),
			send('={{ $json.body.client.id }}', '={{ "You wrote: " + $json.body.message }}'),
		],
		connections: [['Webhook', 'Send']],
	});

const floorWorkflow = () =>
	webhookWorkflow(FLOOR, "bench: n8n's Webhook node with one expression (the floor) → Send");

/** The sides measured against each other, by the name the runs use. */
const SIDES = {
	trigger: 'Mavibot Trigger',
	floor: "n8n's Webhook node, one expression",
	webhook: "n8n's Webhook node, static",
};

/** Webhook node → Split Out (the posted list) → Send: one execution with as many items as the list. */
const itemsWorkflow = () =>
	workflow({
		id: ITEMS.id,
		name: 'bench: one execution of many Message → Send items',
		nodes: [
			webhookNode(ITEMS),
			{
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			send('={{ $json.clientId }}', '=Message {{ $json.n }}'),
		],
		connections: [
			['Webhook', 'Split Out'],
			['Split Out', 'Send'],
		],
	});

/** Message events as the platform sends them (the sandbox's builder), with ids and texts of their own. */
function events(count, round) {
	const state = createState();
	return Array.from({ length: count }, (_, i) =>
		buildWebhookEvent(state, {
			id: 700000000 + round * 100000 + i,
			client_id: 1001 + (i % 5),
			message: `bench ${round} ${i}`,
		}),
	);
}

/** Posts every body, `parallel` at a time; resolves the answers that were not HTTP 200 ("<status> <body>"). */
async function postAll(url, bodies, parallel = PARALLEL) {
	let next = 0;
	const failed = [];
	const lane = async () => {
		while (next < bodies.length) {
			const res = await http('POST', url, { body: bodies[next++], timeoutMs: 120000 });
			if (res.status !== 200) failed.push(`${res.status} ${String(res.text).slice(0, 200)}`);
		}
	};
	await Promise.all(Array.from({ length: parallel }, lane));
	return failed;
}

/** ms from the first post until the sandbox has recorded `count` sends. */
async function timeUntilSent(sandbox, count, post) {
	await sandbox.reset();
	const started = Date.now();
	const failed = await post();
	if (failed.length > 0)
		throw new Error(
			`${failed.length} request(s) not answered 200: ${[...new Set(failed)].join('; ')}`,
		);
	await waitUntil(async () => (await sandbox.requests('message')).length >= count, {
		timeoutMs: 900000,
		intervalMs: 100,
		what: `${count} sends`,
	});
	const ms = Date.now() - started;
	const sent = (await sandbox.requests('message')).length;
	if (sent !== count) throw new Error(`${sent} sends for ${count}`);
	return ms;
}

/** Installs the package into `n8n`'s user folder, imports the bench's two credentials and publishes `workflows`. */
async function prepare(n8n, tarball, sandboxUrl, workflows) {
	await installTarball(tarball, n8n.userFolder, { env: n8n.env() });
	await n8n.importCredentials([
		{ ...CREDENTIAL, type: 'mavibotApi', data: { apiKey: KEYS.full, baseUrl: sandboxUrl } },
		{ ...TRIGGER_CREDENTIAL, type: 'mavibotTriggerApi', data: { token: TOKEN } },
	]);
	await n8n.importWorkflows(workflows);
	for (const wf of workflows) await n8n.activate(wf.id);
}

/** One n8n (not started) with the package and the three event workflows published. */
function prepareSingle(n8n, tarball, sandboxUrl) {
	return prepare(n8n, tarball, sandboxUrl, [triggerWorkflow(), floorWorkflow(), webhookWorkflow()]);
}

/** The URL to post message events to, once the running n8n has registered it: a key of SIDES. */
async function eventUrl(n8n, which) {
	if (which === 'trigger') {
		await n8n.waitForWebhook(`${TRIGGER.webhookId}/mavibot`);
		return `${n8n.baseUrl}/webhook/${TRIGGER.webhookId}/mavibot?token=${TOKEN}`;
	}
	const side = which === 'floor' ? FLOOR : WEBHOOK;
	await n8n.waitForWebhook(side.path);
	return `${n8n.baseUrl}/webhook/${side.path}`;
}

/** A B C C B A …: each side as often first as last, so that a load that rises or falls weighs on all alike. */
function alternated(sides, rounds) {
	return Array.from({ length: rounds }, (_, i) => (i % 2 ? [...sides].reverse() : sides)).flat();
}

/**
 * Mavibot Trigger vs n8n's Webhook node with one expression (the floor) and static, one `n8n start`, in the order
 * T F W W F T …; `rounds` runs of each. Resolves { count, rounds, triggerMs, floorMs, webhookMs, ratio (to the
 * floor), staticRatio, runs }.
 */
async function triggerVsWebhook({ sandbox, tarball, count, rounds, log, env = {} }) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'mavibot-bench-hook-'));
	const n8n = new N8n({
		version: 'v2',
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
		env,
	});
	try {
		await prepareSingle(n8n, tarball, sandbox.url);
		await n8n.start({ timeoutMs: 240000 });
		const sides = Object.keys(SIDES);
		const urls = {};
		for (const which of sides) urls[which] = await eventUrl(n8n, which);
		const runs = Object.fromEntries(sides.map((which) => [which, []]));
		let round = 0;
		for (const which of alternated(sides, rounds)) {
			const bodies = events(count, round++);
			const ms = await timeUntilSent(sandbox, count, () => postAll(urls[which], bodies));
			runs[which].push(ms);
			log(`  ${count} events → ${SIDES[which]} → Send: ${(ms / 1000).toFixed(2)} s`);
		}
		const triggerMs = median(runs.trigger);
		const floorMs = median(runs.floor);
		const webhookMs = median(runs.webhook);
		return {
			count,
			rounds,
			triggerMs,
			floorMs,
			webhookMs,
			ratio: triggerMs / floorMs,
			staticRatio: triggerMs / webhookMs,
			runs,
		};
	} finally {
		await n8n.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

/**
 * Queue mode with 1 and with 2 workers (main + 1 webhook process; the second worker is started and stopped between
 * runs, order 1 2 2 1 …). Resolves { items: { one, two }, events: { one, two }, count, cores }.
 */
async function workers({ sandbox, tarball, count, rounds, log }) {
	const loadAtStart = os.loadavg()[0];
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'mavibot-bench-queue-'));
	const stack = new QueueStack({ userFolder, env: { N8N_LOG_LEVEL: 'info' } });
	try {
		await stack.startServices();
		await prepare(stack.main, tarball, sandbox.url, [triggerWorkflow(), itemsWorkflow()]);
		await stack.startMain();
		const webhook = await stack.startWebhook();
		await stack.startWorker();
		await webhook.waitForWebhook(`${TRIGGER.webhookId}/mavibot`);
		await webhook.waitForWebhook(ITEMS.path);
		const triggerUrl = `${webhook.baseUrl}/webhook/${TRIGGER.webhookId}/mavibot?token=${TOKEN}`;
		const itemsUrl = `${webhook.baseUrl}/webhook/${ITEMS.path}`;
		const list = Array.from({ length: count }, (_, n) => ({ n, clientId: 1001 + (n % 5) }));
		const results = { items: { 1: [], 2: [] }, events: { 1: [], 2: [] } };
		const order = Array.from({ length: rounds }, (_, i) => (i % 2 ? [2, 1] : [1, 2])).flat();
		let round = 0;
		for (const workerCount of order) {
			while (stack.workers.length < workerCount) await stack.startWorker();
			while (stack.workers.length > workerCount)
				await stack.stopProcess(stack.workers[stack.workers.length - 1]);
			const itemsMs = await timeUntilSent(sandbox, count, () =>
				postAll(itemsUrl, [{ items: list }], 1),
			);
			const bodies = events(count, 50 + round++);
			const eventsMs = await timeUntilSent(sandbox, count, () => postAll(triggerUrl, bodies));
			results.items[workerCount].push(itemsMs);
			results.events[workerCount].push(eventsMs);
			log(
				`  queue mode, ${workerCount} worker(s): ${count} items in one execution ${(itemsMs / 1000).toFixed(2)} s; ${count} message events ${(eventsMs / 1000).toFixed(2)} s`,
			);
		}
		const summary = (runs) => ({ one: median(runs[1]), two: median(runs[2]) });
		const load = [loadAtStart, os.loadavg()[0]];
		return {
			count,
			rounds,
			cores: os.cpus().length,
			load,
			items: summary(results.items),
			events: summary(results.events),
		};
	} finally {
		await stack.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** The BENCHMARKS.md sections for these rows. */
function reportLines({ hook, hookLazy, queue }) {
	const lines = [];
	if (hook) {
		lines.push(
			`## 6. Mavibot Trigger vs n8n's Webhook node (n8n 2.x's default "vm" expression engine)`,
			'',
		);
		lines.push(
			`${hook.count} message events posted ${PARALLEL} at a time to a published workflow, until every run has sent its reply`,
			`(one \`n8n start\` per setting, the three workflows published side by side, runs in the order A B C C B A …,`,
			`median of ${hook.rounds} runs each). The floor is n8n's Webhook node v2 with its defaults and one expression,`,
			'`={{ "" }}` in its IP allow-list: n8n then takes an expression isolate per request, as it does for every other',
			'trigger (its own Telegram, Form and Chat triggers included). With static parameters only, the Webhook node is',
			'the one start node n8n 2.x lets skip the isolate (`LiveWebhooks.webhookPhaseNeedsIsolate`): shown for reference.',
			'',
			'| n8n setting | Mavibot Trigger → Send | Webhook node, one expression (floor) → Send | Webhook node, static → Send | Trigger / floor | Trigger / static |',
			'|---|---|---|---|---|---|',
		);
		const rows = [
			['default', hook],
			['`N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true`', hookLazy],
		].filter(([, row]) => row);
		for (const [label, row] of rows)
			lines.push(
				`| ${label} | ${seconds(row.triggerMs)} | ${seconds(row.floorMs)} | ${seconds(row.webhookMs)} | ${row.ratio.toFixed(2)}× | ${row.staticRatio.toFixed(2)}× |`,
			);
		lines.push('');
		for (const [label, row] of rows)
			lines.push(
				`Runs (${label}, in order of their side): trigger ${row.runs.trigger.map(seconds).join(', ')}; floor ${row.runs.floor.map(seconds).join(', ')}; static ${row.runs.webhook.map(seconds).join(', ')}.`,
			);
		lines.push(
			'',
			'Where the CPU goes, per event: `node bench/profile-webhooks.js` (V8 CPU profile of the n8n process, each side).',
			'',
		);
	}
	if (queue) {
		lines.push(`## 7. Queue mode: 1 worker vs 2 workers (${queue.cores} CPU cores)`, '');
		lines.push(
			`n8n main + 1 webhook process + workers on PostgreSQL and Redis (all on this machine), the package in the shared user`,
			`folder; time from the first request to the webhook process until the sandbox has every send; median of ${queue.rounds} runs each, alternated.`,
			'',
			'| Workload | 1 worker | 2 workers | 2 workers / 1 worker |',
			'|---|---|---|---|',
			`| ${queue.count} Message → Send items in one execution | ${seconds(queue.items.one)} | ${seconds(queue.items.two)} | ${(queue.items.two / queue.items.one).toFixed(2)} |`,
			`| ${queue.count} message events (Mavibot Trigger → Send, ${PARALLEL} at a time) | ${seconds(queue.events.one)} | ${seconds(queue.events.two)} | ${(queue.events.two / queue.events.one).toFixed(2)} |`,
			'',
			'One execution runs on one worker: a second worker cannot speed up one big execution, only many executions, and',
			`only as far as there are free cores (all processes, PostgreSQL, Redis and the sandbox share these ${queue.cores}).`,
			`Load average (1 min) of the machine at the start and the end: ${queue.load.map((l) => l.toFixed(1)).join(' / ')} (other jobs were running).`,
			'',
		);
	}
	return lines;
}

module.exports = {
	CREDENTIAL,
	TRIGGER_CREDENTIAL,
	TOKEN,
	prepare,
	LAZY_ACQUIRE,
	triggerVsWebhook,
	workers,
	reportLines,
	prepareSingle,
	eventUrl,
	timeUntilSent,
	postAll,
	events,
};
