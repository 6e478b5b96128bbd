'use strict';
/**
 * Peak memory of n8n while files go through the package (issue 22), `node bench/run.js --only files`: five 50 MB
 * files (the sandbox's video.mp4 under five links) through the Mavibot Trigger's Download Attachments and through
 * File → Download, in a real n8n with the package installed from its tarball, as users install it.
 *
 * Each setup is one running n8n (or a queue-mode stack) with two published workflows:
 * - Mavibot Trigger (message events, Download Attachments on, Allow Private Addresses on: the sandbox is on loopback,
 *   Max File Size 60 MB) → Message → Send of the sizes it got (`trigger <bytes>,… errors <n>`);
 * - n8n's Webhook node → a Code node making one item per posted link → File → Download (the same options) →
 *   Message → Send of each size (`download <bytes>`).
 * Both run once with five small files (photo.jpg) to warm up: n8n loads nodes, expression isolates and database
 * code lazily, and that is not the files' cost. Then, for each run: wait until the process's RSS is steady, reset
 * its peak (VmHWM) to the current RSS (`echo 5 > /proc/<pid>/clear_refs`, Linux), post the five 50 MB links, wait
 * until the sandbox has the sends with every size, read VmHWM. The figure is that peak minus the RSS at the reset.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { bareDownload } = require('./bareDownload');
const { N8n, VERSIONS } = require('../e2e/lib/n8n');
const { QueueStack } = require('../e2e/lib/queue');
const { freePort, http, sleep, tail, waitUntil } = require('../e2e/lib/util');
const { workflow, mavibot, mavibotTrigger } = require('../e2e/lib/workflow');
const { createState } = require('../test/sandbox/state');
const { buildWebhookEvent } = require('../test/sandbox/webhook');
const { fileCatalogue } = require('../test/sandbox/files');
const scale = require('./scale');
const { median } = require('./stats');

/** The bench's credentials and trigger token, which `scale.prepare` imports into n8n. */
const { CREDENTIAL, TRIGGER_CREDENTIAL, TOKEN } = scale;

/** Files per run: the issue's figure is for five (a setup may say otherwise). */
const COUNT = 5;
const BIG = 'video.mp4';
const SMALL = 'photo.jpg';
const TARGET_MB = 64;
const TRIGGER = { id: 'BenchFileTrigger', webhookId: '6e1b2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e' };
const DOWNLOAD = {
	id: 'BenchFileDownld1',
	path: 'bench-file-download',
	webhookId: '7f2c3d4e-5a6b-4c7d-9e8f-0a1b2c3d4e5f',
};
/** File → Download with Max Parallel Requests 1 (measured in queue mode: one file in memory at a time). */
const SERIAL = {
	id: 'BenchFileSerial1',
	path: 'bench-file-download-serial',
	webhookId: '9b4e5f60-7c8d-4e9f-b0a1-2c3d4e5f6071',
};
const HTTP = {
	id: 'BenchFileHttpReq',
	path: 'bench-file-http-request',
	webhookId: '8a3d4e5f-6b7c-4d8e-af90-1b2c3d4e5f60',
};
/** Limits of both nodes: files up to 60 MB, and time enough for a loaded 2-core machine. */
const LIMITS = { allowPrivateNetwork: true, maxFileSize: 60, timeout: 600 };

/** The setups, by the key `--setups` takes. */
const SETUPS = {
	v2: { label: 'n8n 2.41.1, filesystem mode', version: 'v2', mode: 'filesystem' },
	v2x10: {
		label: 'n8n 2.41.1, filesystem mode, **10** files',
		version: 'v2',
		mode: 'filesystem',
		count: 10,
	},
	v1: { label: 'n8n 1.123.81, filesystem mode', version: 'v1', mode: 'filesystem' },
	queue: {
		label: 'n8n 2.41.1 queue mode, database mode (its default there)',
		version: 'v2',
		queue: true,
		scenarios: ['trigger', 'download', 'serial', 'http'],
	},
	memory: { label: 'n8n 2.41.1, memory mode (`default`)', version: 'v2', mode: 'default' },
	node24: { label: 'no n8n: a bare script on Node 24 (2.41.1 runs on it)', bare: 'v2' },
	node20: { label: 'no n8n: a bare script on Node 20 (1.123.81 runs on it)', bare: 'v1' },
};

// ---- memory of a process, from /proc ----

/** A change in MB, signed. */
const mb = (value) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(0)} MB`;

/** { rssMb, peakMb } of a process: VmRSS and VmHWM from /proc/<pid>/status. */
function memoryOf(pid) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)[1]);
	return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Sets the process's peak (VmHWM) to its current RSS (Linux: "5" to /proc/<pid>/clear_refs). */
function resetPeak(pid) {
	fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** Waits (up to 60 s) until the RSS of every process moved less than 2 MB over the last 2 s. */
async function steady(pids) {
	let last = pids.map((pid) => memoryOf(pid).rssMb);
	for (let waited = 0; waited < 60000; waited += 2000) {
		await sleep(2000);
		const now = pids.map((pid) => memoryOf(pid).rssMb);
		if (now.every((mb, i) => Math.abs(mb - last[i]) < 2)) return;
		last = now;
	}
}

// ---- the workflows ----

const send = (name, clientId, text) =>
	mavibot(name, { resource: 'message', operation: 'send', clientId, text }, CREDENTIAL);

function triggerWorkflow() {
	return workflow({
		id: TRIGGER.id,
		name: 'bench: Mavibot Trigger, Download Attachments → Send the sizes',
		nodes: [
			mavibotTrigger({
				webhookId: TRIGGER.webhookId,
				credential: TRIGGER_CREDENTIAL,
				parameters: { options: { downloadAttachments: true, ...LIMITS } },
			}),
			send(
				'Send',
				'={{ $json.client.id }}',
				'={{ "trigger " + $json.attachmentFiles.map((file) => file.bytes).join(",") + " errors " + $json.attachmentErrors.length }}',
			),
		],
		connections: [['Mavibot Trigger', 'Send']],
	});
}

/**
 * n8n's Webhook node → a Code node making one item per posted link → `fetcher` (the node that downloads each link
 * into binary data) → Message → Send of `text` (each file's size).
 */
function linksWorkflow({ id, path, webhookId }, name, fetcher, text) {
	return workflow({
		id,
		name,
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId,
				parameters: { httpMethod: 'POST', path, options: {} },
			},
			{
				name: 'Links',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode: 'return $input.first().json.body.links.map((url) => ({ json: { url } }));',
				},
			},
			{ ...fetcher, name: 'Download' },
			send('Send', '1001', text),
		],
		connections: [
			['Webhook', 'Links'],
			['Links', 'Download'],
			['Download', 'Send'],
		],
	});
}

const downloadWorkflow = ({ id, path, webhookId }, requestOptions = {}) =>
	linksWorkflow(
		{ id, path, webhookId },
		'bench: Webhook → File → Download → Send the sizes',
		mavibot(
			'Download',
			{
				resource: 'file',
				operation: 'download',
				url: '={{ $json.url }}',
				options: LIMITS,
				requestOptions,
			},
			CREDENTIAL,
		),
		'={{ "download " + $json.bytes }}',
	);

/** The reference: n8n's own HTTP Request node, Response Format: File (it streams too), all items at once. */
const httpWorkflow = () =>
	linksWorkflow(
		HTTP,
		"bench: Webhook → n8n's HTTP Request node (file) → Send the sizes",
		{
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				url: '={{ $json.url }}',
				options: { response: { response: { responseFormat: 'file' } } },
			},
		},
		'={{ "http " + $binary.data.fileSize }}',
	);

const prepare = (n8n, tarball, sandboxUrl) =>
	scale.prepare(n8n, tarball, sandboxUrl, [
		triggerWorkflow(),
		downloadWorkflow(DOWNLOAD),
		downloadWorkflow(SERIAL, { maxParallelRequests: 1 }),
		httpWorkflow(),
	]);

// ---- one run: five links in, the sends with every size out ----

/** Five distinct links to one sandbox file (the query string only tells them apart). */
const linksTo = (sandbox, name, count) =>
	Array.from({ length: count }, (_, i) => `${sandbox.url}/files/${name}?copy=${i + 1}`);

let eventId = 710000000;

/** n8n's `fileSize` text (pretty-bytes: three significant digits, kB and MB of 1000). */
const prettySize = (bytes) =>
	bytes < 1e6
		? `${Number((bytes / 1e3).toPrecision(3))} kB`
		: `${Number((bytes / 1e6).toPrecision(3))} MB`;

/** The scenarios measured unless a setup names its own. */
const DEFAULT_SCENARIOS = ['trigger', 'download', 'http'];

/** The scenarios: where five links go, and the sends that say every file arrived whole. */
const SCENARIOS = {
	trigger: {
		label: 'Mavibot Trigger, Download Attachments',
		post: (receiver, links) => [
			`${receiver.baseUrl}/webhook/${TRIGGER.webhookId}/mavibot?token=${TOKEN}`,
			buildWebhookEvent(createState(), { id: eventId++, client_id: 1001, attachments: links }),
		],
		sends: (bytes, count) => [`trigger ${Array(count).fill(bytes).join(',')} errors 0`],
	},
	download: {
		label: 'File → Download',
		post: (receiver, links) => [`${receiver.baseUrl}/webhook/${DOWNLOAD.path}`, { links }],
		sends: (bytes, count) => Array(count).fill(`download ${bytes}`),
	},
	serial: {
		label: 'File → Download, Max Parallel Requests 1',
		post: (receiver, links) => [`${receiver.baseUrl}/webhook/${SERIAL.path}`, { links }],
		sends: (bytes, count) => Array(count).fill(`download ${bytes}`),
	},
	http: {
		label: "n8n's HTTP Request node, Response Format: File (reference)",
		post: (receiver, links) => [`${receiver.baseUrl}/webhook/${HTTP.path}`, { links }],
		sends: (bytes, count) => Array(count).fill(`http ${prettySize(bytes)}`),
	},
	bare: { label: 'The same downloads without n8n (bareDownload.js)' },
};

/**
 * Posts five links of `name` to a scenario (a key of SCENARIOS) through `receiver` (the process that takes webhooks)
 * and resolves the ms until the sandbox has the sends with every size.
 */
async function runOnce(scenario, { sandbox, receiver, name, count }) {
	const bytes = fileCatalogue()[name].length;
	await sandbox.reset();
	const started = Date.now();
	const [url, body] = SCENARIOS[scenario].post(receiver, linksTo(sandbox, name, count));
	const answer = await http('POST', url, { body, timeoutMs: 900000 });
	if (answer.status !== 200)
		throw new Error(`${scenario}: HTTP ${answer.status} ${String(answer.text).slice(0, 300)}`);
	const expected = SCENARIOS[scenario].sends(bytes, count);
	const texts = await waitUntil(
		async () => {
			const sent = (await sandbox.requests('message')).map((r) => r.body.message);
			return sent.length >= expected.length ? sent : undefined;
		},
		{ timeoutMs: 900000, intervalMs: 250, what: `${scenario}: ${expected.length} send(s)` },
	);
	if (JSON.stringify(texts.sort()) !== JSON.stringify(expected))
		throw new Error(`${scenario}: sent ${JSON.stringify(texts)}, expected ${expected[0]}`);
	return Date.now() - started;
}

/**
 * One measurement on freshly started processes (`processes`: [{ name, pid }]): the scenario once with five small
 * files (warm-up), then, from a steady RSS and a reset peak, once with five 50 MB files. Resolves { rssMb: [RSS at the
 * reset, per process], rises: [peak minus that RSS, per process], ms }.
 */
async function measureOnce(scenario, { sandbox, receiver, processes, count }) {
	const pids = processes.map((p) => p.pid);
	await runOnce(scenario, { sandbox, receiver, name: SMALL, count });
	await steady(pids);
	const rssMb = pids.map((pid) => {
		resetPeak(pid);
		return memoryOf(pid).rssMb;
	});
	const ms = await runOnce(scenario, { sandbox, receiver, name: BIG, count });
	const rises = pids.map((pid, i) => memoryOf(pid).peakMb - rssMb[i]);
	return { rssMb, rises, ms };
}

/** The floor: the same downloads in a bare Node script of the Node that runs `setup.bare`'s n8n (bareDownload.js). */
async function measureBare(setup, { sandbox, count }) {
	const bytes = fileCatalogue()[BIG].length;
	const measured = await bareDownload(VERSIONS[setup.bare].nodeBin(), {
		small: linksTo(sandbox, SMALL, count),
		big: linksTo(sandbox, BIG, count),
	});
	if (measured.sizes.some((size) => size !== bytes))
		throw new Error(`bare: got ${measured.sizes.join(', ')} bytes, expected ${bytes} each`);
	return measured;
}

// ---- the setups: each run starts its own n8n, so that no run inherits memory another one grew ----

/** Waits until the process takes the three workflows' webhooks (2.x publishes after the editor is up). */
async function registered(receiver) {
	for (const route of [`${TRIGGER.webhookId}/mavibot`, DOWNLOAD.path, SERIAL.path, HTTP.path])
		await receiver.waitForWebhook(route, { timeoutMs: 180000 });
}

/** `n8n start` of the setup's version and binary data mode with the workflows published; fn(context) while it runs. */
async function withSingle(setup, { sandbox, tarball }, fn) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'mavibot-bench-files-'));
	const n8n = new N8n({
		version: setup.version,
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
		env: { N8N_DEFAULT_BINARY_DATA_MODE: setup.mode },
	});
	if (!n8n.installed())
		throw new Error(`${setup.label}: not installed (bash e2e/install.sh ${setup.version})`);
	try {
		await prepare(n8n, tarball, sandbox.url);
		await n8n.start({ timeoutMs: 240000 });
		await registered(n8n);
		return await fn({
			receiver: n8n,
			processes: [{ name: 'n8n start', pid: n8n.server.child.pid }],
		});
	} catch (error) {
		error.message += `\n--- last lines of n8n ---\n${tail(n8n.output(), 30)}`;
		throw error;
	} finally {
		await n8n.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

/** Queue mode (main, 1 webhook process, 1 worker, PostgreSQL, Redis), binary data mode left to n8n's default. */
async function withQueue(setup, { sandbox, tarball }, fn) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'mavibot-bench-files-queue-'));
	const stack = new QueueStack({ userFolder });
	try {
		await stack.startServices();
		await prepare(stack.main, tarball, sandbox.url);
		await stack.startMain();
		const webhook = await stack.startWebhook();
		const worker = await stack.startWorker();
		await registered(webhook);
		const result = await fn({
			receiver: webhook,
			processes: [
				{ name: 'webhook process', pid: webhook.server.child.pid },
				{ name: 'worker', pid: worker.server.child.pid },
				{ name: 'main', pid: stack.main.server.child.pid },
			],
		});
		const [[rows, megabytes]] = await stack.postgres.query(
			'SELECT count(*), coalesce(sum("fileSize"), 0) / 1048576.0 FROM binary_data',
		);
		return { ...result, database: { rows: Number(rows), megabytes: Number(megabytes) } };
	} finally {
		await stack.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

/**
 * Runs the setups named in `setups` (keys of SETUPS), `runs` times each scenario, each run in processes of its own,
 * against the sandbox `sandbox` (its /files/ serve the video). Resolves { count, sizeMb, runs, load, setups: [{ key,
 * label, processes: [names], runs: { <scenario>: [measureOnce…] }, database? }] }.
 */
async function filesMemory({ sandbox, tarball, setups, runs, log }) {
	const load = [os.loadavg()[0]];
	const results = [];
	for (const key of setups) {
		const setup = SETUPS[key];
		if (!setup) throw new Error(`Unknown files setup "${key}" (${Object.keys(SETUPS).join(', ')})`);
		log(`8. Files: ${setup.label}`);
		const count = setup.count ?? COUNT;
		const result = {
			key,
			count,
			label: setup.label,
			runs: Object.fromEntries(Object.keys(SCENARIOS).map((scenario) => [scenario, []])),
		};
		const scenarios = setup.bare ? ['bare'] : (setup.scenarios ?? DEFAULT_SCENARIOS);
		if (setup.bare) result.processes = ['node -e'];
		for (let round = 0; round < runs; round++) {
			for (const scenario of scenarios) {
				const start = setup.queue ? withQueue : withSingle;
				const once = setup.bare
					? () => measureBare(setup, { sandbox, count })
					: () =>
							start(setup, { sandbox, tarball }, async (context) => {
								result.processes = context.processes.map((p) => p.name);
								return { ...(await measureOnce(scenario, { sandbox, count, ...context })) };
							});
				// A run whose processes fail to start or answer is started again once (the machine is shared).
				const measured = await once().catch((error) => {
					log(`  ${scenario}: ${error.message.split('\n')[0]}; once more`);
					return once();
				});
				result.runs[scenario].push(measured);
				if (measured.database) result.database = measured.database;
				log(
					`  ${scenario}, ${count} × 50 MB in ${(measured.ms / 1000).toFixed(1)} s: peak RSS ${measured.rises.map((rise, i) => `${mb(rise)} (${result.processes[i]}, from ${measured.rssMb[i].toFixed(0)} MB)`).join(', ')}${measured.database ? `; binary_data: ${measured.database.rows} files, ${measured.database.megabytes.toFixed(0)} MB` : ''}`,
				);
			}
		}
		results.push(result);
	}
	load.push(os.loadavg()[0]);
	return {
		count: COUNT,
		sizeMb: fileCatalogue()[BIG].length / 1048576,
		runs,
		load,
		setups: results,
	};
}

// ---- docs/BENCHMARKS.md ----

/** One cell: the median rise of process `index` over the runs, each run's rise, the median time. */
function cell(runs, index) {
	if (!runs.length) return '—';
	const rises = runs.map((run) => run.rises[index]);
	const ms = median(runs.map((run) => run.ms));
	return `${mb(median(rises))} (${rises.map(mb).join(', ')}; ${(ms / 1000).toFixed(1)} s)`;
}

/** What each binary data mode does with a downloaded file (read in n8n 2.41.1's code), for the setups measured. */
function modeLines(result) {
	const keys = new Set(result.setups.map((setup) => setup.key));
	const queued = result.setups.find((setup) => setup.key === 'queue');
	const lines = [];
	if (keys.has('v2') || keys.has('v1'))
		lines.push(
			"- **Filesystem mode** (2.x's default outside queue mode; 1.x with `N8N_DEFAULT_BINARY_DATA_MODE=filesystem`):",
			"  n8n's request helper hands the node the response as a stream, which goes into `prepareBinaryData` and is written",
			'  to a file as it arrives: the files are never in memory whole. What the peak shows is garbage: every network read',
			"  is a buffer of its own (up to 64 kB) outside V8's heap, freed only when V8 collects garbage, and V8 starts a",
			'  collection once such memory has grown by 64 MB since the last one (`kExternalAllocationSoftLimit` in the V8',
			'  headers of Node 20 and 24), finishing it while more data arrives. So the rise follows the download speed, not',
			`  the files${keys.has('v2x10') ? ' (compare the 10-file row)' : ''}; n8n's own HTTP Request node, which streams its files the same way, shows it`,
			`  too${keys.has('node24') ? ', and so does a bare Node script (the floor above)' : ''}. On n8n 2.41 it is larger: a GC trace (\`node --trace-gc\`) during`,
			'  the downloads shows a full collection about every 0.6 s, each marking for 0.3–0.6 s (wall time) of a heap of',
			'  about 200 MB while the files arrive at some 100 MB/s. Why n8n 1.123 rises less than the bare script on the same',
			'  Node was not investigated (its process may reuse memory it already holds).',
		);
	if (queued)
		lines.push(
			"- **Queue mode** (2.x): n8n's default binary data mode is then `database`. n8n's `DatabaseManager.store` reads the",
			'  whole stream into one Buffer (`binaryToBuffer`) and inserts it into the `binary_data` table of PostgreSQL, so',
			'  every file passes whole through the memory of the process that downloads it: the **webhook process** for the',
			'  trigger (a webhook runs where the request arrives, before the execution is queued), the **worker** for File →',
			'  Download. The trigger downloads the files of an event at the same time (one slow file must not hold up the',
			'  others within its time budget), and File → Download up to 8 items at a time (Request Options → Max Parallel',
			"  Requests), so their sizes add up; n8n's own HTTP Request node stores its responses one after another, and",
			'  File → Download with Max Parallel Requests 1 does too (their columns). Reading a file back also loads it whole',
			'  (`getAsBuffer`: a node that reads the file, or the main process serving a signed link). n8n refuses a file over',
			'  `N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE` (512 MB by default) in this mode. Plan the memory of webhook processes',
			'  and workers for the files of one event or execution, set Max Parallel Requests to 1 for large files, lower Max',
			'  File Size, or use the external storage modes n8n licenses (`s3`, `azure`; not measured here).',
			...(queued.database
				? [
						`  Each queue-mode run left its files in \`binary_data\` (the last one: ${queued.database.rows} files, ${queued.database.megabytes.toFixed(0)} MB, warm-up included).`,
					]
				: []),
		);
	if (keys.has('memory'))
		lines.push(
			"- **Memory mode** (`default`, 1.x's default): the file is read into memory and kept in the item as base64 (a third",
			'  larger), in the execution data too. The package refuses to send such a file by link (README, "Sending files").',
		);
	if (lines.length) lines.push('');
	return lines;
}

/** Per n8n line in filesystem mode: the package's runs against the target, n8n's HTTP Request node's, the bare script's. */
function targetSummary(result) {
	const rises = (key, scenarios) => {
		const setup = result.setups.find((s) => s.key === key && s.count === COUNT);
		return setup
			? scenarios.flatMap((scenario) => setup.runs[scenario]).map((run) => run.rises[0])
			: [];
	};
	const against = (what, values) =>
		values.length
			? `${what} ${values.filter((rise) => rise < TARGET_MB).length} of ${values.length} (largest ${mb(Math.max(...values))})`
			: undefined;
	return [
		['v2', 'node24', 'n8n 2.41.1', 'Node 24'],
		['v1', 'node20', 'n8n 1.123.81', 'Node 20'],
	].flatMap(([key, bare, n8n, node]) => {
		const ours = rises(key, ['trigger', 'download']);
		if (!ours.length) return [];
		const parts = [
			against('the package', ours),
			against("n8n's HTTP Request node", rises(key, ['http'])),
			against(`the bare ${node} script`, rises(bare, ['bare'])),
		].filter(Boolean);
		return [`- ${n8n}: ${parts.join('; ')}.`];
	});
}

/** The BENCHMARKS.md section for these figures. */
function reportLines(result) {
	if (!result) return [];
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	const columns = Object.keys(SCENARIOS).filter(
		(scenario) => scenario !== 'bare' && result.setups.some((setup) => setup.runs[scenario].length),
	);
	const bare = result.setups.filter((setup) => setup.runs.bare.length);
	const lines = [
		`## 8. Files: peak memory of n8n with ${result.count} files of ${result.sizeMb} MB`,
		'',
		`\`node bench/run.js --only files\` (bench/files.js), ${new Date().toISOString().slice(0, 10)}, on ${os.cpus().length} × ${cpu},`,
		`${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}; load average (1 min) at the start and the end ${result.load.map((l) => l.toFixed(1)).join(' / ')}.`,
		`The package installed from its \`npm pack\` tarball; the Mavibot sandbox serves its ${result.sizeMb} MB video on 127.0.0.1 under`,
		`${result.count} links (${result.count * result.sizeMb} MB in all). Three published workflows: the Mavibot Trigger with Download`,
		'Attachments (Allow Private Addresses on, Max File Size 60 MB) → Message → Send of the sizes it got, receiving one',
		`event with the ${result.count} links; n8n's Webhook node → a Code node (one item per link) → File → Download (the same options)`,
		"→ Message → Send of each size; and, for reference, the same with n8n's own HTTP Request node (Response Format:",
		'File, which streams the response into binary data as well) in place of File → Download. Each run ends when the',
		'sandbox has the sends with every size (a missing or short file fails the bench). The floor, without n8n: a bare',
		'Node script (bench/bareDownload.js) fetches the same links in parallel with `node:http` and streams each response',
		"into a file with `fs.promises.writeFile`, as n8n's filesystem store does, on the Node that runs each n8n line.",
		'',
		'What is measured: the peak resident memory (VmHWM in /proc) of each n8n process during the run of the 50 MB files,',
		'minus its RSS when that run started. Every run has processes of its own, started for it (`n8n start`, or the',
		'queue-mode stack), so that no run inherits memory an earlier one made the process grow (the allocator keeps what it',
		'got: a second run in the same process rises far less than the first). In each, the workflow first runs once with',
		'five small files (48 kB photos), so that what n8n loads lazily (nodes, expression isolates, database code) is not',
		'counted; then the bench waits until the RSS is steady, sets the peak to it (`5` to /proc/<pid>/clear_refs) and',
		"posts the 50 MB links. Not counted: the other processes (2.x's JS task runner, which runs the Code node;",
		'PostgreSQL, Redis, the sandbox). Each cell: the median rise, then the rise of each run and the median time (from',
		'the post until the sandbox has every send).',
		'',
		`| n8n, binary data mode | Process | RSS after warm-up | ${columns.map((scenario) => SCENARIOS[scenario].label).join(' | ')} |`,
		`|---|---|---|${columns.map(() => '---|').join('')}`,
	];
	for (const setup of result.setups.filter((setup) => !bare.includes(setup))) {
		setup.processes.forEach((name, index) => {
			const runs = columns.map((scenario) => setup.runs[scenario]);
			const rss = median(runs.flat().map((run) => run.rssMb[index]));
			lines.push(
				`| ${index === 0 ? setup.label : ''} | ${name} | ${rss.toFixed(0)} MB | ${runs.map((list) => cell(list, index)).join(' | ')} |`,
			);
		});
	}
	lines.push('');
	if (bare.length)
		lines.push(
			`The floor, the same downloads without n8n: ${bare.map((setup) => `${setup.label.replace(/^no n8n: /, '')}, ${cell(setup.runs.bare, 0)} from ${median(setup.runs.bare.map((run) => run.rssMb[0])).toFixed(0)} MB`).join('; ')}.`,
			'',
		);
	const targetLines = targetSummary(result);
	if (targetLines.length)
		lines.push(
			`Target (issue 22): the Mavibot Trigger and File → Download with ${COUNT} files raise the peak by less than ${TARGET_MB} MB in filesystem`,
			"mode. Runs under it, and the largest rise, beside the same downloads through n8n's own node and without n8n:",
			...targetLines,
			'',
		);
	lines.push(...modeLines(result));
	return lines;
}

module.exports = { filesMemory, reportLines, SETUPS, TARGET_MB };
