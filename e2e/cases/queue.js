'use strict';
// n8n 2.41.1 in queue mode (main + webhook process + 2 workers on PostgreSQL and Redis, e2e/lib/queue.js), with the
// package installed in the shared user folder: the credential test from the main process, a manual run of the
// broadcast example on a worker, 1,000 message events through the webhook process, a bot-block answer through the
// webhook process, files in n8n's `database` binary mode (a file sent by signed link, a trigger's downloads), and
// what "Ignore Repeated Deliveries" does when a repeat reaches another webhook process.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { installTarball } = require('../lib/pack');
const { QueueStack } = require('../lib/queue');
const { servicesMissing } = require('../lib/services');
const { http, tail, waitUntil } = require('../lib/util');
const { credentialImport, CREDENTIALS } = require('./credentials');
const { wire } = require('./execute');
const server = require('./server');
const files = require('./files');
const binaryAttachment = require('./binaryAttachment');
const { fileCatalogue } = require('../../test/sandbox/files');

const EVENTS = Number(process.env.E2E_QUEUE_EVENTS || 1000);
const PARALLEL = 16;
const REPEATS = 50;
const BROADCAST = 'weekly-broadcast-to-list.json';

/** Runs `fn(index)` for 0..count-1, at most `parallel` at a time; resolves the results in order. */
async function pool(count, parallel, fn) {
	const results = new Array(count);
	let next = 0;
	const lane = async () => {
		while (next < count) {
			const index = next++;
			results[index] = await fn(index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(parallel, count) }, lane));
	return results;
}

/**
 * The error-output and Retry On Fail cases of e2e/cases/errorHandling.js (issue 10), run here on a worker; undefined
 * while the package's branch does not have them yet.
 */
function errorHandlingCases() {
	try {
		return require('./errorHandling').cases;
	} catch (error) {
		if (error.code === 'MODULE_NOT_FOUND' && /errorHandling/.test(error.message)) return undefined;
		throw error;
	}
}

/**
 * Runs a workflow from its Manual Trigger as the editor's "Execute workflow" does (POST /rest/workflows/:id/run) and
 * waits until it has finished. Resolves { executionId, worker, execution } (worker: the name of the worker that
 * logged it as started).
 */
async function runManually(stack, wf) {
	const trigger = wf.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	const result = await stack.main.restOk('POST', `workflows/${wf.id}/run`, {
		triggerToStartFrom: { name: trigger.name },
	});
	const executionId = String(result.executionId);
	if (!result.executionId) throw new Error(`no execution id: ${JSON.stringify(result)}`);
	const worker = await waitUntil(() => stack.executionsByWorker().get(executionId), {
		timeoutMs: 60000,
		what: `a worker to start execution ${executionId}`,
	});
	const execution = await waitUntil(
		async () => {
			const e = await stack.main.execution(executionId);
			return e.finished || ['success', 'error', 'crashed', 'canceled'].includes(e.status)
				? e
				: undefined;
		},
		{ timeoutMs: 120000, what: `execution ${executionId} to finish` },
	);
	if (stack.main.counter.ids.has(executionId))
		throw new Error(`execution ${executionId} ran in the main process`);
	return { executionId, worker, execution };
}

/** Executions of a workflow in the database: { total, byStatus: { success: n, … } }. */
async function executionCounts(postgres, workflowId) {
	const rows = await postgres.query(
		`SELECT status, count(*) FROM execution_entity WHERE "workflowId" = '${workflowId}' GROUP BY status`,
	);
	const byStatus = Object.fromEntries(rows.map(([status, n]) => [status, Number(n)]));
	return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
}

/** Waits until the sandbox has recorded `count` requests of `action` and stays there for a second. */
async function settled(sandbox, action, count, timeoutMs) {
	await waitUntil(async () => (await sandbox.requests(action)).length >= count, {
		timeoutMs,
		intervalMs: 500,
		what: `${count} "${action}" requests`,
	});
	await new Promise((r) => setTimeout(r, 1500));
	return sandbox.requests(action);
}

async function runQueue({ packed, features, report, args, sandbox, examples }) {
	report.section('n8n 2.41.1 in queue mode: main + webhook process + 2 workers, PostgreSQL, Redis');
	const prefix = '[queue] ';
	const check = (name, fn) => report.check(`${prefix}${name}`, fn);
	const missing = servicesMissing();
	if (missing) {
		await check('PostgreSQL and Redis are installed', () => {
			throw new Error(missing);
		});
		return;
	}
	if (!features.has('trigger')) {
		report.skip(`${prefix}queue mode`, 'the package has no Mavibot Trigger yet');
		return;
	}
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'mavibot-e2e-queue-'));
	const stack = new QueueStack({ userFolder });
	const t0 = Date.now();
	const broadcast = examples.find((e) => e.file === BROADCAST);
	try {
		const ready = await check(
			'PostgreSQL and Redis started on 127.0.0.1; package installed in the shared user folder; workflows imported',
			async () => {
				await stack.startServices();
				const main = stack.main;
				await installTarball(packed.tarball, userFolder, { env: main.env() });
				await main.importCredentials(credentialImport(sandbox.url));
				const sendFile = binaryAttachment.workflows({ features, n8n: main });
				await main.importWorkflows([
					...server.workflows({ features }),
					...sendFile,
					broadcast.workflow,
					...(errorHandlingCases() || []).map((c) => c.workflow),
				]);
				const published = [server.ECHO.id, server.BLOCK.id, files.TRIGGER.id];
				for (const id of [...published, ...sendFile.map((wf) => wf.id)]) await main.activate(id);
				return true;
			},
		);
		if (!ready) return;
		const started = await check(
			'n8n main, 1 webhook process and 2 workers started (each loads the package from the shared folder)',
			async (assert) => {
				await stack.startMain();
				await Promise.all([stack.startWebhook(), stack.startWorker(), stack.startWorker()]);
				for (const p of stack.processes()) {
					const log = p.server.output();
					assert.ok(
						!/n8n-nodes-mavibot[^\n]*(error|failed|could not)/i.test(log),
						`${p.name || p.role} log mentions a problem:\n${tail(log)}`,
					);
				}
				console.log(
					`   PIDs: ${JSON.stringify(stack.pids())}; main ready in ${stack.main.startMs} ms, ${[...stack.webhooks, ...stack.workers].map((p) => `${p.name} ${p.startMs} ms`).join(', ')}`,
				);
				return true;
			},
		);
		if (!started) return;
		const main = stack.main;
		const [webhook] = stack.webhooks;

		const owner = await check(
			'owner set up; credential test from the main process passes against the sandbox',
			async (assert) => {
				await main.setupOwner(server.OWNER);
				await sandbox.reset();
				const good = CREDENTIALS.sandbox;
				const result = await main.testCredential({
					id: good.id,
					name: good.name,
					type: 'mavibotApi',
					data: { apiKey: good.data.apiKey, baseUrl: sandbox.url },
				});
				assert.equal(result.status, 'OK', JSON.stringify(result));
				assert.equal(wire(await sandbox.requests(), 'connected_channels').length, 1);
				return true;
			},
		);

		if (owner) {
			await check(
				'manual run of the broadcast example (editor "Execute workflow") runs on a worker',
				async (assert) => {
					await sandbox.reset();
					const { executionId, worker, execution } = await runManually(stack, broadcast.workflow);
					assert.equal(execution.status, 'success');
					assert.equal(execution.mode, 'manual');
					const sent = wire(await sandbox.requests(), 'broadcast');
					assert.equal(sent.length, 1, 'one broadcast request');
					assert.equal(sent[0].body.list, 1170283);
					console.log(`   execution ${executionId} ran on ${worker}`);
				},
			);
			const cases = errorHandlingCases();
			if (!cases)
				report.skip(
					`${prefix}error output and Retry On Fail on a worker`,
					'pending: e2e/cases/errorHandling.js (issue 10) is not on this branch yet',
				);
			for (const c of cases || []) {
				const lacking = (c.needs || []).filter((n) => !features.has(n));
				if (lacking.length) {
					report.skip(
						`${prefix}on a worker: ${c.name}`,
						`the package has no ${lacking.join(', ')} yet`,
					);
					continue;
				}
				await check(`on a worker: ${c.name}`, async (assert) => {
					await sandbox.reset();
					if (c.setup) await c.setup({ sandbox });
					const { execution } = await runManually(stack, c.workflow);
					const run = {
						code: execution.status === 'success' ? 0 : 1,
						runData: execution.data.resultData.runData,
						execution,
					};
					await c.verify({ run, requests: await sandbox.requests(), sandbox, assert });
				});
			}
		}

		const echoUrl = await check('Mavibot Trigger webhook registered on the webhook process', () =>
			server.triggerUrl(webhook, server.ECHO.webhookId),
		);
		if (echoUrl) {
			await check(
				`${EVENTS} message events posted to the webhook process → ${EVENTS} executions on the workers, ${EVENTS} sends, none lost or doubled`,
				async (assert) => {
					await sandbox.reset();
					const before = await executionCounts(stack.postgres, server.ECHO.id);
					const startedIds = new Set(stack.executionsByWorker().keys());
					const t = Date.now();
					const answers = await pool(EVENTS, PARALLEL, (i) =>
						sandbox.fireWebhookWithin(60000, `${echoUrl}?token=${server.CREDENTIAL_TOKEN}`, {
							client_id: 1001 + (i % 5),
							message: `queue event ${i}`,
						}),
					);
					const postedMs = Date.now() - t;
					const bad = answers.filter((a) => a.result.status !== 200);
					assert.equal(
						bad.length,
						0,
						`non-200 answers: ${JSON.stringify(bad.slice(0, 3).map((a) => a.result))}`,
					);
					const sent = await settled(sandbox, 'message', EVENTS, 300000);
					const doneMs = Date.now() - t;
					const texts = sent.map((r) => r.body.message);
					const distinct = new Set(texts);
					assert.equal(sent.length, EVENTS, `${sent.length} sends for ${EVENTS} events`);
					assert.equal(distinct.size, EVENTS, 'every event sent once');
					for (let i = 0; i < EVENTS; i += 97)
						assert.ok(distinct.has(`You wrote: queue event ${i}`), `event ${i} sent`);
					const counts = await waitUntil(
						async () => {
							const c = await executionCounts(stack.postgres, server.ECHO.id);
							return c.total - before.total >= EVENTS &&
								(c.byStatus.success || 0) - (before.byStatus.success || 0) >= EVENTS
								? c
								: undefined;
						},
						{ timeoutMs: 60000, what: `${EVENTS} successful executions` },
					);
					assert.equal(
						counts.total - before.total,
						EVENTS,
						`executions: ${JSON.stringify(counts.byStatus)}`,
					);
					const perWorker = {};
					for (const [id, name] of stack.executionsByWorker())
						if (!startedIds.has(id)) perWorker[name] = (perWorker[name] || 0) + 1;
					const onWorkers = Object.values(perWorker).reduce((a, b) => a + b, 0);
					assert.equal(
						onWorkers,
						EVENTS,
						`executions started by workers: ${JSON.stringify(perWorker)}`,
					);
					assert.equal(Object.keys(perWorker).length, 2, 'both workers took executions');
					console.log(
						`   ${EVENTS} events answered in ${(postedMs / 1000).toFixed(1)} s, all sent after ${(doneMs / 1000).toFixed(1)} s; per worker ${JSON.stringify(perWorker)}`,
					);
				},
			);
		}

		const blockUrl = await check(
			'bot-block trigger webhook registered on the webhook process',
			() => server.triggerUrl(webhook, server.BLOCK.webhookId),
		);
		if (blockUrl) {
			await check(
				"bot block request through the webhook process → the last node's JSON, run on a worker",
				async (assert) => {
					await sandbox.reset();
					const before = new Set(stack.executionsByWorker().keys());
					const res = await http('POST', `${blockUrl}?token=${server.TOKEN}`, {
						body: { client_id: '1001', question: 'Where is my order?' },
						timeoutMs: 60000,
					});
					assert.equal(res.status, 200, res.text);
					assert.deepEqual(res.body, {
						reply: 'Hi Ann Petrova from Moscow',
						'order|status': 'shipped',
					});
					assert.equal(wire(await sandbox.requests(), 'get_variables').length, 1);
					assert.equal(
						[...stack.executionsByWorker().keys()].filter((id) => !before.has(id)).length,
						1,
						'one new execution on a worker',
					);
				},
			);
		}

		await filesInDatabaseMode({ stack, sandbox, report, prefix, features, check });

		if (echoUrl) await repeatedDeliveries({ stack, sandbox, check, echoUrl });
	} catch (error) {
		await check('queue mode run without crashing', () => {
			throw error;
		});
	} finally {
		if (report.failed && stack.main)
			console.log(
				`   --- last lines of the queue-mode processes ---\n${stack.outputs(25).replace(/^/gm, '   | ')}`,
			);
		const errors = await stack.stop();
		if (errors.length) console.log(`   stopping: ${errors.join('; ')}`);
		console.log(`   (queue mode: ${Math.round((Date.now() - t0) / 1000)} s)`);
		if (args.keep) console.log(`   user folder kept: ${userFolder}`);
		else fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

/** The rows of n8n's binary_data table (database binary mode): [{ fileId, sourceType, sourceId, fileName, fileSize }]. */
async function binaryRows(postgres) {
	const rows = await postgres.query(
		'SELECT "fileId", "sourceType", "sourceId", "fileName", "fileSize" FROM binary_data ORDER BY "createdAt"',
	);
	return rows.map(([fileId, sourceType, sourceId, fileName, fileSize]) => ({
		fileId,
		sourceType,
		sourceId,
		fileName,
		fileSize: Number(fileSize),
	}));
}

/** Executions started by a worker since `before` (a Set of ids): their ids. */
const newOnWorkers = (stack, before) =>
	[...stack.executionsByWorker().keys()].filter((id) => !before.has(id));

/**
 * Files in queue mode, where n8n 2.x keeps binary data in PostgreSQL (`database` mode, its default there, not set
 * here): (1) a file made on a worker → Message → Send with Attachment Source: Binary File → the sandbox fetched the
 * signed link from the main process, which reads the file from the database; (2) a message event with Download
 * Attachments, received by the webhook process (which downloads the files into the database) and run by a worker,
 * gives the workflow the files' bytes.
 */
async function filesInDatabaseMode({ stack, sandbox, report, prefix, features, check }) {
	const [webhook] = stack.webhooks;
	let before = new Set(stack.executionsByWorker().keys());
	await binaryAttachment.live(
		{ n8n: stack.main, sandbox, report, prefix, features },
		{
			receiver: webhook,
			label: ' on a worker, the file in PostgreSQL (database binary mode), the link served by main',
			also: async (assert) => {
				const [executionId, ...more] = newOnWorkers(stack, before);
				assert.ok(executionId && more.length === 0, 'one new execution, on a worker');
				const rows = (await binaryRows(stack.postgres)).filter((r) => r.sourceId === executionId);
				assert.deepEqual(
					rows.map((r) => [r.sourceType, r.fileName, r.fileSize]),
					[['execution', binaryAttachment.FILE_NAME, binaryAttachment.FILE_BYTES.length]],
					"the file is a row of n8n's binary_data table, under the worker's execution",
				);
			},
		},
	);

	const url = await check('Download Attachments trigger registered on the webhook process', () =>
		server.triggerUrl(webhook, files.TRIGGER.webhookId),
	);
	if (!url) return;
	await check(
		'Download Attachments through the webhook process, run on a worker: the three files hash in the workflow as the sandbox serves them, stored in PostgreSQL',
		async (assert) => {
			before = new Set(stack.executionsByWorker().keys());
			const rowsBefore = await binaryRows(stack.postgres);
			const { answer, texts, expected } = await files.fireAttachmentsEvent(sandbox, url);
			assert.deepEqual(answer, { status: 'ok' });
			assert.deepEqual(texts, expected, 'each file hashes as the sandbox served it');
			assert.equal(newOnWorkers(stack, before).length, 1, 'one new execution, on a worker');
			const known = new Set(rowsBefore.map((r) => r.fileId));
			const added = (await binaryRows(stack.postgres)).filter((r) => !known.has(r.fileId));
			const catalogue = fileCatalogue();
			assert.deepEqual(
				added.map((r) => r.fileSize).sort((a, b) => a - b),
				files.ATTACHED.map((name) => catalogue[name].length).sort((a, b) => a - b),
				"the webhook process stored the three files in n8n's binary_data table",
			);
			console.log(
				`   binary_data rows of the event's files: ${added.map((r) => `${r.fileName} (${r.sourceType}/${r.sourceId})`).join(', ')}`,
			);
		},
	);
}

/**
 * "Ignore Repeated Deliveries" keeps its memory in the process that received the message. With a second webhook
 * process, a repeat of a message that reaches the same process is skipped, and one that reaches the other process
 * runs the workflow again: measured here, and said in the README and in the option's description.
 */
async function repeatedDeliveries({ stack, sandbox, check, echoUrl }) {
	const second = await check('a second webhook process started', async () => {
		const p = await stack.startWebhook();
		return server.triggerUrl(p, server.ECHO.webhookId);
	});
	if (!second) return;
	await check(
		`Ignore Repeated Deliveries across 2 webhook processes: ${REPEATS} repeats to the same process are skipped, ${REPEATS} to the other one run again`,
		async (assert) => {
			const token = `?token=${server.CREDENTIAL_TOKEN}`; // the message-event trigger is 1.1: its credential's token
			const base = 900000000 + (Date.now() % 100000) * 100;
			const fire = (url, id, note) =>
				sandbox.fireWebhookWithin(60000, `${url}${token}`, {
					id,
					client_id: 1002,
					message: `repeat ${id} ${note}`,
				});
			await sandbox.reset();
			// The same message id twice to the first process, then a third time to the second process.
			await pool(REPEATS, 8, (i) => fire(echoUrl, base + i, 'first'));
			await pool(REPEATS, 8, (i) => fire(echoUrl, base + i, 'same process'));
			await pool(REPEATS, 8, (i) => fire(second, base + i, 'other process'));
			const sent = await settled(sandbox, 'message', REPEATS, 120000);
			const byNote = (note) => sent.filter((r) => r.body.message.endsWith(note)).length;
			const figures = {
				first: byNote('first'),
				sameProcess: byNote('same process'),
				otherProcess: byNote('other process'),
			};
			console.log(
				`   of ${REPEATS} messages: first deliveries run ${figures.first}, repeats to the same process run ${figures.sameProcess}, repeats to the other process run ${figures.otherProcess}`,
			);
			assert.equal(figures.first, REPEATS);
			assert.equal(figures.sameProcess, 0, 'repeats to the same process are skipped');
			assert.equal(
				figures.otherProcess,
				REPEATS,
				'the memory is per process: repeats to another process run again (README says so)',
			);
		},
	);
}

module.exports = { runQueue };
