'use strict';
// n8n 2.41.1 in queue mode on 127.0.0.1: PostgreSQL and Redis (e2e/lib/services.js), one main process (`n8n start`),
// webhook processes (`n8n webhook`) and workers (`n8n worker`), all sharing one user folder, where the package is
// installed as users install it (.n8n/nodes/node_modules). Every process is started here and stopped by its PID.
// As behind the reverse proxy of a real queue-mode setup, every process has one public URL (WEBHOOK_URL): the main
// process's, which serves /rest/ (e.g. the signed links of binary files, built by the worker that runs the node).

const fs = require('node:fs');
const path = require('node:path');
const { N8n } = require('./n8n');
const { freePort, startProcess } = require('./util');
const { startPostgres, startRedis } = require('./services');

const READY = {
	webhook: /Webhook listener waiting for requests/,
	worker: /n8n worker is now ready/,
};

class QueueStack {
	/**
	 * @param {object} o
	 * @param {string} o.userFolder  the shared N8N_USER_FOLDER (the package goes into its .n8n/nodes)
	 * @param {object} [o.env]       extra environment for every n8n process
	 */
	constructor({ userFolder, env = {} }) {
		this.userFolder = userFolder;
		this.extraEnv = env;
		this.postgres = undefined;
		this.redis = undefined;
		this.main = undefined;
		this.webhooks = [];
		this.workers = [];
	}

	/** PostgreSQL and Redis; after this, CLI commands (`this.main.cli`) work against the shared database. */
	async startServices() {
		[this.postgres, this.redis] = await Promise.all([startPostgres(), startRedis()]);
		this.main = await this.instance('main');
		return this;
	}

	/** The environment every process of the setup shares (n8n's queue-mode settings). */
	queueEnv() {
		return {
			EXECUTIONS_MODE: 'queue',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			QUEUE_BULL_REDIS_HOST: this.redis.host,
			QUEUE_BULL_REDIS_PORT: String(this.redis.port),
			QUEUE_HEALTH_CHECK_ACTIVE: 'false',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: this.postgres.host,
			DB_POSTGRESDB_PORT: String(this.postgres.port),
			DB_POSTGRESDB_DATABASE: this.postgres.database,
			DB_POSTGRESDB_USER: this.postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
			// n8n's default pool of 2 connections per process starves its own health ping under a burst of webhook
			// requests (the webhook process then answers 503 "Database is not ready!"); queue-mode setups raise it.
			DB_POSTGRESDB_POOL_SIZE: '10',
			...this.extraEnv,
		};
	}

	/** An N8n (CLI/REST helper) for one process of the setup, with ports of its own and main's public URL. */
	async instance(role) {
		const [port, brokerPort] = [await freePort(), await freePort()];
		const publicUrl = this.main ? { WEBHOOK_URL: `${this.main.baseUrl}/` } : {};
		const n8n = new N8n({
			version: 'v2',
			userFolder: this.userFolder,
			port,
			brokerPort,
			env: { ...publicUrl, ...this.queueEnv() },
		});
		n8n.role = role;
		return n8n;
	}

	/** `n8n start` (the main process: editor, REST, activation of published workflows). */
	async startMain() {
		await this.main.start({ timeoutMs: 180000 });
		this.main.counter = countStarts(this.main.server);
		return this.main;
	}

	/** Starts `n8n webhook` or `n8n worker` (extra args, e.g. --concurrency) and resolves its N8n once it is ready. */
	async startProcess(role, args = []) {
		const n8n = await this.instance(role);
		const list = role === 'webhook' ? this.webhooks : this.workers;
		n8n.name = `${role} ${list.length + 1}`;
		n8n.server = startProcess(n8n.nodeBin, [n8n.n8nBin, role, ...args], {
			env: n8n.env(),
			cwd: this.userFolder,
			name: `n8n ${n8n.name}`,
		});
		n8n.counter = countStarts(n8n.server);
		list.push(n8n);
		const started = Date.now();
		await n8n.server.waitFor(READY[role], 180000);
		n8n.startMs = Date.now() - started;
		return n8n;
	}

	startWebhook() {
		return this.startProcess('webhook');
	}

	startWorker(concurrency = 10) {
		return this.startProcess('worker', [`--concurrency=${concurrency}`]);
	}

	/** Stops one webhook or worker process (SIGTERM, then SIGKILL) and forgets it. */
	async stopProcess(n8n) {
		await n8n.server.stop(20000);
		this.webhooks = this.webhooks.filter((p) => p !== n8n);
		this.workers = this.workers.filter((p) => p !== n8n);
	}

	/** Every n8n process started, main first. */
	processes() {
		return [this.main, ...this.webhooks, ...this.workers].filter((p) => p && p.server);
	}

	/** Executions each worker logged as started, by execution id: Map(executionId → worker name). */
	executionsByWorker() {
		const byId = new Map();
		for (const worker of this.workers)
			for (const id of worker.counter.ids) byId.set(id, worker.name);
		return byId;
	}

	/** Stops everything this stack started, by PID, last started first; never throws. */
	async stop() {
		const errors = [];
		const attempt = async (what, fn) => {
			try {
				await fn();
			} catch (error) {
				errors.push(`${what}: ${error.message}`);
			}
		};
		await Promise.all(
			[...this.workers, ...this.webhooks].map((p) => attempt(p.name, () => p.server.stop(20000))),
		);
		if (this.main) await attempt('main', () => this.main.stop());
		if (this.redis) await attempt('redis', () => this.redis.stop());
		if (this.postgres) await attempt('postgres', () => this.postgres.stop());
		this.webhooks = [];
		this.workers = [];
		return errors;
	}

	/** PIDs of every process started (for the report). */
	pids() {
		return {
			postgres: this.postgres && this.postgres.pid,
			redis: this.redis && this.redis.pid,
			...Object.fromEntries(this.processes().map((p) => [p.name || p.role, p.server.child.pid])),
		};
	}

	/** The tail of every process's output, for a failure report. */
	outputs(lines = 30) {
		return this.processes()
			.map(
				(p) =>
					`--- ${p.name || p.role} ---\n${p.server.output().split('\n').slice(-lines).join('\n')}`,
			)
			.join('\n');
	}
}

/** Counts the "Worker started execution <id>" lines a process prints (its whole output, not only the kept tail). */
function countStarts(proc) {
	const counter = { ids: new Set() };
	let rest = '';
	const onData = (chunk) => {
		const lines = (rest + chunk.toString('utf8')).split('\n');
		rest = lines.pop();
		for (const line of lines) {
			const m = /Worker started execution (\S+)/.exec(line);
			if (m) counter.ids.add(m[1]);
		}
	};
	proc.child.stdout.on('data', onData);
	proc.child.stderr.on('data', onData);
	return counter;
}

/** Whether the shared user folder already has the package (so that each process loads it from there). */
function packageInstalled(userFolder) {
	return fs.existsSync(
		path.join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-mavibot', 'package.json'),
	);
}

module.exports = { QueueStack, packageInstalled };
