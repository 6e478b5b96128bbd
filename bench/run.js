'use strict';
/**
 * `npm run bench`: throughput, rate limits, paging, chunking and load time of the Mavibot node, measured through a
 * real n8n (2.41.1 on Node 24, from e2e/) against the local sandbox on 127.0.0.1, and written to docs/BENCHMARKS.md.
 *
 *   node bench/run.js [--runs 3] [--quick] [--out docs/BENCHMARKS.md] [--only hook,lazy,queue,files]
 *                     [--setups v2,v2x10,v1,queue,memory,node24,node20]
 *
 * --quick runs every scenario small and once (CI uses it to keep the script working) and writes to .bench/.
 * Figures are medians of --runs runs. Nothing here is a test: no figure fails anything.
 * --only hook,lazy,queue (with --rounds N, default 2) measures only the scale-out rows of bench/scale.js and replaces
 * their sections in the output file, leaving the others as they are: hook = the Mavibot Trigger vs n8n's Webhook node
 * with one expression (the floor) and static, 3 × N alternated runs of each; lazy = the same with
 * N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true; queue = queue mode with 1 and 2 workers; files = the peak memory of n8n
 * with five 50 MB files through the Mavibot Trigger and File → Download (bench/files.js), --runs runs in each of the
 * --setups (default v2,v2x10,v1,queue,node24,node20: 2.41 in filesystem mode with five files and with ten, 1.123 in
 * filesystem mode, 2.41 queue mode in database mode, and the same downloads in a bare script on Node 24 and on Node 20,
 * the floor, bench/bareDownload.js; memory = 2.41 in memory mode; --quick: v2 and node24 once).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { N8n, VERSIONS } = require('../e2e/lib/n8n');
const { packPackage, installTarball } = require('../e2e/lib/pack');
const { REPO, freePort, http, run, startProcess } = require('../e2e/lib/util');
const { workflow, manualTrigger, mavibot, items } = require('../e2e/lib/workflow');
const { KEYS } = require('../test/sandbox/state');
const scale = require('./scale');
const { median } = require('./stats');
const files = require('./files');

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const index = args.indexOf(`--${name}`);
	return index >= 0 ? args[index + 1] : fallback;
};
const QUICK = args.includes('--quick');
const RUNS = Number(option('runs', QUICK ? 1 : 3));
const OUT = path.resolve(
	REPO,
	option('out', QUICK ? '.bench/BENCHMARKS.quick.md' : 'docs/BENCHMARKS.md'),
);
const SIZES = QUICK
	? { sends: 100, limited: 40, clients: [1000, 2000, 5000], platformIds: 1000 }
	: { sends: 2000, limited: 200, clients: [5000, 10000, 50000], platformIds: 10000 };
const VERSION = 'v2';
const CREDENTIAL = { id: 'MavibotBenchCred', name: 'Mavibot sandbox (bench)' };
const SEEDED_CLIENTS = 12; // the sandbox's fixed clients, before generated ones
const SEND_CLIENTS = [1001, 1002, 1003, 1004, 1005, 1007, 1008, 1009];
const ONLY = option('only', '').split(',').filter(Boolean);
const SCALE = {
	hookEvents: QUICK ? 40 : 200,
	queueCount: QUICK ? 100 : 2000,
	rounds: Number(option('rounds', QUICK ? 1 : 2)),
};
const FILE_SETUPS = option('setups', QUICK ? 'v2,node24' : 'v2,v2x10,v1,queue,node24,node20')
	.split(',')
	.filter(Boolean);

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const log = (line) => process.stdout.write(`${line}\n`);

/** The sandbox as a child process (so that it does not share an event loop with the baseline loops). */
async function startSandbox({ clients = 0 } = {}) {
	const port = await freePort();
	const proc = startProcess(
		process.execPath,
		[path.join(REPO, 'test/sandbox/cli.js'), '--port', String(port), '--clients', String(clients)],
		{ name: 'sandbox' },
	);
	await proc.waitFor(/listening on/, 60000);
	const url = `http://127.0.0.1:${port}`;
	const control = async (method, route, body) => {
		const res = await http(method, `${url}/_sandbox/${route}`, { body, timeoutMs: 120000 });
		if (res.status !== 200) throw new Error(`sandbox ${route}: ${res.status} ${res.text}`);
		return res.body;
	};
	return {
		url,
		reset: () => control('POST', 'reset', {}),
		latency: (ms) => control('POST', 'latency', { ms }),
		rateLimit: (perSecond) => control('POST', 'rate-limit', { perSecond }),
		requests: (action) => control('GET', `requests?action=${action}`),
		deliveries: () => control('GET', 'deliveries'),
		stop: () => proc.stop(5000),
	};
}

/** n8n 2.41.1 with the packed package installed, the credential imported. */
async function startN8n(sandboxUrl, tarball) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'mavibot-bench-n8n-'));
	const n8n = new N8n({
		version: VERSION,
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
	});
	if (!n8n.installed())
		throw new Error('n8n 2.41.1 is not installed: run `bash e2e/install.sh v2` first');
	await installTarball(tarball, userFolder);
	await n8n.importCredentials([
		{ ...CREDENTIAL, type: 'mavibotApi', data: { apiKey: KEYS.full, baseUrl: sandboxUrl } },
	]);
	return n8n;
}

/** Imports and runs one workflow; returns the named node's execution time in ms and its output items. */
async function executeNode(n8n, wf, nodeName) {
	await n8n.importWorkflows([wf]);
	const result = await n8n.execute(wf.id, { timeoutMs: 900000 });
	const runData = result.data?.data?.resultData?.runData ?? result.data?.resultData?.runData;
	const task = runData?.[nodeName]?.[0];
	return {
		ms: task?.executionTime,
		items: task?.data?.main?.[0] ?? [],
		error: task?.error?.message ?? (result.code !== 0 ? `exit ${result.code}` : undefined),
	};
}

const sendItems = (count) =>
	items(
		'Items',
		Array.from({ length: count }, (_, n) => ({
			n,
			clientId: SEND_CLIENTS[n % SEND_CLIENTS.length],
		})),
	);

/**
 * Items → Mavibot Message → Send. By default the client and text come from each item through expressions, as users
 * build it; `fixed` sends the same client and text from plain parameters, so that n8n evaluates no expression.
 */
function mavibotSendWorkflow(id, count, requestOptions, { fixed = false } = {}) {
	return workflow({
		id,
		name: `bench ${id}`,
		nodes: [
			manualTrigger(),
			sendItems(count),
			mavibot(
				'Mavibot',
				{
					resource: 'message',
					operation: 'send',
					clientId: fixed ? String(SEND_CLIENTS[0]) : '={{ $json.clientId }}',
					text: fixed ? 'Message' : '=Message {{ $json.n }}',
					requestOptions,
				},
				CREDENTIAL,
			),
		],
		connections: [
			['Run', 'Items'],
			['Items', 'Mavibot'],
		],
	});
}

/** n8n's HTTP Request node sending the same requests as Message → Send, with its defaults (no batching). */
function httpRequestWorkflow(id, count, sandboxUrl) {
	return workflow({
		id,
		name: `bench ${id}`,
		nodes: [
			manualTrigger(),
			sendItems(count),
			{
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					method: 'POST',
					url: `${sandboxUrl}/api/${KEYS.full}/message`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody:
						'={{ JSON.stringify({ client_id: $json.clientId, message: "Message " + $json.n }) }}',
					options: {},
				},
			},
		],
		connections: [
			['Run', 'Items'],
			['Items', 'HTTP Request'],
		],
	});
}

/** The same requests from a plain loop on n8n's Node (bench/baseline.js): with fetch, or with n8n's request helper. */
async function baseline(mode, sandboxUrl, count, parallel = 1, transport = 'fetch') {
	const script = path.join(__dirname, 'baseline.js');
	const args = [script, mode, sandboxUrl, KEYS.full, String(count), String(parallel), transport];
	const result = await run(VERSIONS[VERSION].nodeBin(), args, {
		timeoutMs: 900000,
		env: { ...process.env, N8N_DIR: VERSIONS[VERSION].dir },
	});
	if (result.code !== 0) throw new Error(`baseline ${mode} ${transport} failed: ${result.stderr}`);
	return JSON.parse(result.stdout);
}

async function repeat(times, measure) {
	const values = [];
	for (let i = 0; i < times; i++) values.push(await measure(i));
	return values;
}

async function scenarioThroughput(sandbox, n8n) {
	const rows = [];
	const count = SIZES.sends;
	const id = (name, latency, i) => `Bench${name}L${latency}R${i}`.padEnd(16, 'x').slice(0, 16);
	// The same n8n with the expression engine of n8n 1.x instead of 2.x's default "vm" (isolated-vm).
	const legacyEngine = new N8n({
		version: VERSION,
		userFolder: n8n.userFolder,
		port: n8n.port,
		brokerPort: n8n.brokerPort,
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	});
	const nodeTime =
		(build, nodeName, instance = n8n) =>
		async () => {
			const result = await executeNode(instance, build, nodeName);
			if (result.error) throw new Error(`${nodeName}: ${result.error}`);
			if (result.items.length !== count)
				throw new Error(`${nodeName}: ${result.items.length} items out of ${count}`);
			return result.ms;
		};
	for (const latency of [0, 50]) {
		await sandbox.latency(latency);
		const cells = [
			{
				label: 'Mavibot node, Max Parallel Requests 1',
				parallel: 1,
				measure: (i) =>
					nodeTime(
						mavibotSendWorkflow(id('SendP1', latency, i), count, { maxParallelRequests: 1 }),
						'Mavibot',
					),
			},
			{
				label: 'Mavibot node, default (8 parallel)',
				parallel: 8,
				measure: (i) =>
					nodeTime(mavibotSendWorkflow(id('SendP8', latency, i), count, {}), 'Mavibot'),
			},
			{
				label:
					"Mavibot node, default, n8n's legacy expression engine (`N8N_EXPRESSION_ENGINE=legacy`)",
				parallel: 8,
				measure: (i) =>
					nodeTime(
						mavibotSendWorkflow(id('LegacyP8', latency, i), count, {}),
						'Mavibot',
						legacyEngine,
					),
			},
			{
				label: 'Mavibot node, default, fixed client and text (no expressions)',
				parallel: 8,
				measure: (i) =>
					nodeTime(
						mavibotSendWorkflow(id('FixedP8', latency, i), count, {}, { fixed: true }),
						'Mavibot',
					),
			},
			{
				label: "n8n's request helper alone in a loop, 8 parallel (no workflow, no node)",
				parallel: 8,
				measure: () => async () => (await baseline('send', sandbox.url, count, 8, 'n8n-helper')).ms,
			},
			{
				label: "n8n's HTTP Request node (defaults: every item at once)",
				measure: (i) =>
					nodeTime(httpRequestWorkflow(id('Http', latency, i), count, sandbox.url), 'HTTP Request'),
			},
		];
		const rawMs = {}; // the fetch loop at each parallelism, measured once per latency
		for (const cell of cells) {
			// One item at a time at 50 ms is 100 s per run: those cells run once (the report says so).
			const runs = latency > 0 && cell.parallel === 1 && !QUICK ? 1 : RUNS;
			const times = await repeat(runs, async (i) => {
				await sandbox.reset();
				return cell.measure(i)();
			});
			const row = {
				latency,
				label: runs === RUNS ? cell.label : `${cell.label} (1 run)`,
				ms: median(times),
			};
			if (cell.parallel) {
				rawMs[cell.parallel] ??= median(
					await repeat(runs, async () => {
						await sandbox.reset();
						return (await baseline('send', sandbox.url, count, cell.parallel)).ms;
					}),
				);
				row.rawMs = rawMs[cell.parallel];
			}
			rows.push(row);
			log(
				`  ${count} sends, ${latency} ms: ${row.label}: ${seconds(row.ms)}${row.rawMs ? ` (fetch loop ${seconds(row.rawMs)})` : ''}`,
			);
		}
	}
	await sandbox.latency(0);
	return rows;
}

async function scenarioRateLimit(sandbox, n8n) {
	const count = SIZES.limited;
	const perSecond = 20;
	const rows = [];
	await sandbox.rateLimit(perSecond);
	const cells = [
		[
			'Mavibot node, default',
			(i) => mavibotSendWorkflow(`BenchLimitMavi${i}`.padEnd(16, 'x').slice(0, 16), count, {}),
			'Mavibot',
		],
		[
			"n8n's HTTP Request node (defaults)",
			(i) =>
				httpRequestWorkflow(`BenchLimitHttp${i}`.padEnd(16, 'x').slice(0, 16), count, sandbox.url),
			'HTTP Request',
		],
	];
	for (const [label, build, nodeName] of cells) {
		const results = await repeat(RUNS, async (i) => {
			await sandbox.reset();
			const result = await executeNode(n8n, build(i), nodeName);
			const deliveries = await sandbox.deliveries();
			const texts = deliveries.map((delivery) => delivery.text);
			const delivered = new Set(texts).size;
			return {
				ms: result.ms,
				delivered,
				duplicated: texts.length - delivered,
				failed: count - delivered,
				error: result.error,
			};
		});
		const row = {
			label,
			ms: median(results.map((r) => r.ms ?? NaN)),
			delivered: median(results.map((r) => r.delivered)),
			failed: median(results.map((r) => r.failed)),
			duplicated: Math.max(...results.map((r) => r.duplicated)),
			error: results.find((r) => r.error)?.error,
		};
		rows.push(row);
		log(
			`  ${count} sends at ${perSecond}/s: ${label}: ${row.delivered} delivered, ${row.failed} failed, ${row.duplicated} duplicated, ${seconds(row.ms)}`,
		);
	}
	await sandbox.rateLimit(null);
	return { rows, count, perSecond, floorMs: (count / perSecond) * 1000 };
}

/** `n8n execute --id` with the peak resident memory of its process (VmHWM, polled from /proc while it runs). */
function executeWithPeakMemory(n8n, id) {
	return new Promise((resolve, reject) => {
		const child = spawn(n8n.nodeBin, [n8n.n8nBin, 'execute', `--id=${id}`, '--rawOutput'], {
			env: n8n.env(),
			cwd: n8n.userFolder,
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		let peakKb = 0;
		const timer = setInterval(() => {
			try {
				const match = /VmHWM:\s+(\d+) kB/.exec(
					fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'),
				);
				if (match) peakKb = Math.max(peakKb, Number(match[1]));
			} catch {
				// the process has just ended
			}
		}, 50);
		const out = [];
		child.stdout.on('data', (chunk) => out.push(chunk));
		child.on('error', reject);
		child.on('close', () => {
			clearInterval(timer);
			resolve({ stdout: Buffer.concat(out).toString('utf8'), peakMb: peakKb / 1024 });
		});
	});
}

async function scenarioPaging(tarball) {
	const rows = [];
	for (const extra of SIZES.clients) {
		const sandbox = await startSandbox({ clients: extra });
		const n8n = await startN8n(sandbox.url, tarball);
		const total = SEEDED_CLIENTS + extra;
		const minimum = Math.floor(total / 500) + 1;
		const wf = (i) =>
			workflow({
				id: `BenchPage${extra}R${i}`.padEnd(16, 'x').slice(0, 16),
				name: 'bench paging',
				nodes: [
					manualTrigger(),
					mavibot(
						'Mavibot',
						{ resource: 'client', operation: 'getMany', returnAll: true, simplify: true },
						CREDENTIAL,
					),
				],
				connections: [['Run', 'Mavibot']],
			});
		const results = await repeat(RUNS, async (i) => {
			await sandbox.reset();
			await n8n.importWorkflows([wf(i)]);
			const { stdout, peakMb } = await executeWithPeakMemory(n8n, wf(i).id);
			const json = JSON.parse(stdout.slice(stdout.indexOf('\n{\n') + 1));
			const task = (json.data ?? json).resultData.runData.Mavibot[0];
			const requests = (await sandbox.requests('get_clients')).length;
			const raw = await baseline('page', sandbox.url, total);
			return {
				ms: task.executionTime,
				requests,
				outputItems: task.data.main[0].length,
				peakMb,
				rawMs: raw.ms,
			};
		});
		await sandbox.stop();
		const row = {
			clients: total,
			minimum,
			requests: median(results.map((r) => r.requests)),
			outputItems: results[0].outputItems,
			ms: median(results.map((r) => r.ms)),
			rawMs: median(results.map((r) => r.rawMs)),
			peakMb: median(results.map((r) => r.peakMb)),
		};
		rows.push(row);
		log(
			`  Get Many, Return All, ${total} clients: ${row.requests} requests (minimum ${minimum}), ${seconds(row.ms)} (raw ${seconds(row.rawMs)}), peak RSS ${row.peakMb.toFixed(0)} MB`,
		);
	}
	return rows;
}

async function scenarioChunking(sandbox, n8n) {
	const count = SIZES.platformIds;
	await sandbox.reset();
	const wf = workflow({
		id: 'BenchChunking001',
		name: 'bench chunking',
		nodes: [
			manualTrigger(),
			mavibot(
				'Mavibot',
				{
					resource: 'callback',
					operation: 'sendToMany',
					platformIds: `={{ Array.from({ length: ${count} }, (_, i) => String(600000001 + i)) }}`,
					bot: { __rl: true, mode: 'id', value: 'mavi_test_bot' },
					callbackText: 'webinar_started',
				},
				CREDENTIAL,
			),
		],
		connections: [['Run', 'Mavibot']],
	});
	const result = await executeNode(n8n, wf, 'Mavibot');
	if (result.error) throw new Error(`chunking: ${result.error}`);
	const requests = await sandbox.requests('send_callback_by_platform_id');
	const ids = requests.reduce((sum, request) => sum + (request.body?.platform_ids?.length ?? 0), 0);
	const row = {
		count,
		requests: requests.length,
		minimum: Math.ceil(count / 300),
		ids,
		ms: result.ms,
	};
	log(
		`  Callback to ${count} platform IDs: ${row.requests} requests (minimum ${row.minimum}), ${row.ids} IDs sent`,
	);
	return row;
}

async function scenarioLoad(tarballInfo) {
	const dist = path.join(tarballInfo.sourceDir, 'dist');
	const files = [
		'nodes/Mavibot/Mavibot.node.js',
		'nodes/MavibotTrigger/MavibotTrigger.node.js',
		'credentials/MavibotApi.credentials.js',
	];
	const script = `
		require('n8n-workflow'); // n8n has it loaded already: measure only this package
		const start = process.hrtime.bigint();
		for (const file of ${JSON.stringify(files.map((file) => path.join(dist, file)))}) require(file);
		process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));
	`;
	const times = await repeat(QUICK ? 3 : 15, async () => {
		const result = await run(VERSIONS[VERSION].nodeBin(), ['-e', script], {
			cwd: tarballInfo.sourceDir,
		});
		if (result.code !== 0) throw new Error(result.stderr);
		return Number(result.stdout);
	});
	const size = fs.statSync(tarballInfo.tarball).size;
	log(`  cold require: ${median(times).toFixed(1)} ms; tarball ${(size / 1024).toFixed(1)} kB`);
	return { requireMs: median(times), tarballKb: size / 1024, files: tarballInfo.files.length };
}

/** The scale-out rows (bench/scale.js), each measured side by side in one run. */
async function scenarioScale(sandbox, tarball, which) {
	const result = {};
	if (which.includes('hook')) {
		log(`6. Mavibot Trigger vs n8n's Webhook node`);
		result.hook = await scale.triggerVsWebhook({
			sandbox,
			tarball,
			count: SCALE.hookEvents,
			rounds: SCALE.rounds * 3,
			log,
		});
		log(`  ratio to the floor ${result.hook.ratio.toFixed(2)}×`);
	}
	if (which.includes('lazy')) {
		log(`6. … with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true`);
		result.hookLazy = await scale.triggerVsWebhook({
			sandbox,
			tarball,
			count: SCALE.hookEvents,
			rounds: SCALE.rounds * 3,
			log,
			env: scale.LAZY_ACQUIRE,
		});
		log(`  ratio to the floor ${result.hookLazy.ratio.toFixed(2)}×`);
	}
	if (which.includes('queue')) {
		log('7. Queue mode: 1 and 2 workers');
		result.queue = await scale.workers({
			sandbox,
			tarball,
			count: SCALE.queueCount,
			rounds: SCALE.rounds,
			log,
		});
	}
	return result;
}

/** Replaces (or appends) the "## <n>." sections of the output file with `lines`, keeping the rest. */
function replaceSections(lines) {
	const text = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '# Benchmarks\n';
	const sections = text.split(/\n(?=## )/);
	const fresh = lines
		.join('\n')
		.split(/\n(?=## )/)
		.filter((s) => s.startsWith('## '));
	for (const section of fresh) {
		const number = /^## (\d+)\./.exec(section)[1];
		const index = sections.findIndex((s) => s.startsWith(`## ${number}.`));
		if (index >= 0) sections[index] = section.trimEnd() + '\n';
		else sections.push(section.trimEnd() + '\n');
	}
	fs.mkdirSync(path.dirname(OUT), { recursive: true });
	fs.writeFileSync(
		OUT,
		`${sections
			.join('\n')
			.replace(/\n{3,}/g, '\n\n')
			.trimEnd()}\n`,
	);
	log(`Updated ${path.relative(REPO, OUT)}`);
}

/** §8: five 50 MB files through the trigger and File → Download (bench/files.js). */
function scenarioFiles(sandbox, tarball) {
	return files.filesMemory({ sandbox, tarball, setups: FILE_SETUPS, runs: RUNS, log });
}

function report({ throughput, limited, paging, chunking, load, started, scaled = {}, filed }) {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	const lines = [];
	lines.push('# Benchmarks', '');
	lines.push(
		`Written by \`npm run bench\` (\`node bench/run.js${QUICK ? ' --quick' : ''}\`) on ${new Date(started).toISOString().slice(0, 10)}.`,
	);
	lines.push(
		`Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}.`,
	);
	lines.push(
		`n8n ${VERSIONS[VERSION].n8nVersion} on Node ${tarballNodeVersion()} (\`n8n execute\`), the package installed from its \`npm pack\` tarball;`,
	);
	lines.push(
		`the Mavibot sandbox on 127.0.0.1 in its own process. Each figure is the median of ${RUNS} run(s); node times are`,
	);
	lines.push(
		"n8n's own `executionTime` of the node. The benchmark is never a test: nothing fails on a time.",
		'',
	);

	lines.push(`## 1. ${SIZES.sends} Message → Send items`, '');
	lines.push(
		'| Sandbox latency | Sender | Time | `fetch` loop at the same parallelism | Ratio |',
		'|---|---|---|---|---|',
	);
	for (const row of throughput) {
		lines.push(
			`| ${row.latency} ms | ${row.label} | ${seconds(row.ms)} | ${row.rawMs ? seconds(row.rawMs) : '—'} | ${row.rawMs ? `${(row.ms / row.rawMs).toFixed(2)}×` : '—'} |`,
		);
	}
	lines.push(
		'',
		'Target: within 1.15× of the `fetch` loop at equal parallelism. Read from the bottom up, each row adds a layer:',
		`- The \`fetch\` loop (bench/baseline.js) sends the same ${SIZES.sends} requests from a bare Node script over keep-alive connections.`,
		'- "n8n\'s request helper alone" is that loop through the function behind `this.helpers.httpRequest`, which every node',
		'  must use (community nodes may not open sockets themselves): a new connection per request, proxy and SSRF handling.',
		'  It is the floor for any n8n node, before n8n reads a single parameter.',
		'- "fixed client and text" adds what n8n does per item for a node (parameters, credential, output items) and what',
		'  this node does itself.',
		'- The default rows add the two expressions per item (`{{ $json.clientId }}`, `Message {{ $json.n }}`), evaluated by',
		'  n8n\'s expression engine: 2.x\'s default "vm" (isolated-vm), or the "legacy" engine of n8n 1.x. That cost belongs',
		'  to the workflow and is the same for any node.',
		'',
	);

	lines.push(
		`## 2. ${limited.count} sends against a limit of ${limited.perSecond} requests per second`,
		'',
	);
	lines.push(
		'| Sender | Delivered | Failed | Duplicated | Time | Floor |',
		'|---|---|---|---|---|---|',
	);
	for (const row of limited.rows) {
		lines.push(
			`| ${row.label} | ${row.delivered} | ${row.failed} | ${row.duplicated} | ${seconds(row.ms)}${row.error ? ` (${row.error.slice(0, 60)})` : ''} | ${seconds(limited.floorMs)} |`,
		);
	}
	lines.push(
		'',
		'Target: every message delivered once, within 1.2× of the floor the limit allows.',
		'',
	);

	lines.push('## 3. Client → Get Many, Return All', '');
	lines.push(
		'| Clients | Requests | Minimum | Node time | Raw paging loop | Peak RSS of `n8n execute` |',
		'|---|---|---|---|---|---|',
	);
	for (const row of paging) {
		lines.push(
			`| ${row.clients} | ${row.requests} | ${row.minimum} | ${seconds(row.ms)} | ${seconds(row.rawMs)} | ${row.peakMb.toFixed(0)} MB |`,
		);
	}
	const [small, , large] = paging;
	lines.push(
		'',
		`Peak memory at ${large.clients} clients is ${(large.peakMb / small.peakMb).toFixed(2)}× that at ${small.clients} (target: under 2×).`,
		'',
	);

	lines.push(`## 4. A callback to ${chunking.count} platform IDs`, '');
	lines.push(
		`${chunking.requests} requests (minimum ${chunking.minimum}, chunks of 300), ${chunking.ids} IDs sent, ${seconds(chunking.ms)}.`,
		'',
	);

	lines.push('## 5. Load time and size', '');
	lines.push(
		`Cold \`require\` of the built node, trigger and credential files (n8n-workflow already loaded): ${load.requireMs.toFixed(1)} ms (target: under 30 ms).`,
	);
	lines.push(
		`Packed tarball: ${load.tarballKb.toFixed(1)} kB, ${load.files} files (target: under 150 kB).`,
		'',
	);
	lines.push(...scale.reportLines(scaled));
	lines.push(...files.reportLines(filed));
	fs.mkdirSync(path.dirname(OUT), { recursive: true });
	fs.writeFileSync(OUT, `${lines.join('\n')}\n`);
	log(`Wrote ${path.relative(REPO, OUT)}`);
}

let nodeVersionSeen = '';
function tarballNodeVersion() {
	return nodeVersionSeen;
}

async function main() {
	const started = Date.now();
	nodeVersionSeen = (
		await run(VERSIONS[VERSION].nodeBin(), ['-p', 'process.versions.node'])
	).stdout.trim();
	log(`Packing the package…`);
	const packed = await packPackage({});
	const sandbox = await startSandbox();
	if (ONLY.length) {
		try {
			const lines = scale.reportLines(await scenarioScale(sandbox, packed.tarball, ONLY));
			if (ONLY.includes('files'))
				lines.push(...files.reportLines(await scenarioFiles(sandbox, packed.tarball)));
			replaceSections(lines);
		} finally {
			await sandbox.stop();
		}
		return;
	}
	const n8n = await startN8n(sandbox.url, packed.tarball);
	try {
		log('1. Throughput');
		const throughput = await scenarioThroughput(sandbox, n8n);
		log('2. Rate limit');
		const limited = await scenarioRateLimit(sandbox, n8n);
		log('4. Chunking');
		const chunking = await scenarioChunking(sandbox, n8n);
		log('3. Paging');
		const paging = await scenarioPaging(packed.tarball);
		log('5. Load time and size');
		const load = await scenarioLoad(packed);
		const scaled = await scenarioScale(sandbox, packed.tarball, ['hook', 'queue']);
		const filed = await scenarioFiles(sandbox, packed.tarball);
		report({ throughput, limited, paging, chunking, load, started, scaled, filed });
	} finally {
		await sandbox.stop();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exit(1);
});
