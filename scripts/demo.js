#!/usr/bin/env node
'use strict';
// One-command demo: a real n8n with this package, the example workflows and a demo login, against the local
// Mavibot sandbox (or your real Mavibot account).
//
//   npm run demo                                  # n8n 2.41.1 (Node 24 from npm) on http://127.0.0.1:5678
//   npm run demo -- --n8n v1                      # n8n 1.123.81 on this machine's Node 20 (smaller install)
//   npm run demo -- --port 5679 --sandbox-port 18766 --keep
//   MAVIBOT_API_KEY=… MAVIBOT_BASE_URL=https://<your host> npm run demo   # your account instead of the sandbox
//   npm run demo -- --check [--n8n v1]            # what CI runs: start the demo, prove it works, stop it (below)
//
// What it does: installs what is missing (npm ci for the package, e2e/install.sh for n8n), builds the package and
// packs it, starts the sandbox with the demo seed on 127.0.0.1:18765 (and the scripted model of the AI examples, chat
// and transcription, on the next port), installs the tarball into a fresh n8n user folder (.demo/n8n-<version>) the
// way n8n installs a community package, imports the "Mavibot account" credential and examples/*.json (in sandbox
// mode with "Allow Private Addresses" on where a trigger downloads attachments: the sandbox's files are on
// 127.0.0.1), publishes the webhook and trigger examples (sandbox mode only), starts n8n, creates the owner login and
// prints the editor URL, the login and ready-to-paste curl commands. Ctrl-C stops everything.
//
// --check runs that same demo as a child in a process group of its own, on free ports and in a temporary user
// folder, waits for "demo is running", then checks n8n's /healthz, the credential test through n8n's REST API and
// the first printed curl command (run as printed; the sandbox must receive the workflow's reply), stops the demo the
// way Ctrl-C does (SIGINT to its whole process group) and checks that none of its processes and ports is left.
// Exits 1 on any failure.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const REPO = path.resolve(__dirname, '..');
const { portInUse, freePort } = require('../e2e/lib/util');
const { checkDemo } = require('./demo-check');
const { startSandbox } = require('../e2e/lib/sandbox');
const { packPackage, installTarball } = require('../e2e/lib/pack');
const { N8n, VERSIONS } = require('../e2e/lib/n8n');
const { CREDENTIALS } = require('../e2e/cases/credentials');
const agentModel = require('../e2e/cases/agent');
const { forTheSandbox } = require('../e2e/cases/examples');

const DEMO_DIR = path.join(REPO, '.demo');
const LOGIN = {
	email: 'demo@example.com',
	password: 'Mavibot-Demo-2025',
	firstName: 'Demo',
	lastName: 'User',
};

const USAGE =
	'Usage: npm run demo -- [--n8n v2|v1] [--port 5678] [--sandbox-port 18765] [--model-port <sandbox port + 1>]\n' +
	'                       [--folder .demo/n8n-<version>] [--keep] [--check]';

function parseArgs(argv) {
	const args = { n8n: 'v2', keep: false, check: false };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=');
		const value = () => (inline !== undefined ? inline : argv[++i]);
		if (flag === '--n8n') args.n8n = value();
		else if (flag === '--port') args.port = Number(value());
		else if (flag === '--sandbox-port') args.sandboxPort = Number(value());
		else if (flag === '--model-port') args.modelPort = Number(value());
		else if (flag === '--folder') args.folder = path.resolve(value());
		else if (flag === '--keep') args.keep = true;
		else if (flag === '--check') args.check = true;
		else if (flag === '--help' || flag === '-h') {
			console.log(USAGE);
			process.exit(0);
		} else throw new Error(`Unknown option ${argv[i]} (see --help)`);
	}
	if (!VERSIONS[args.n8n]) throw new Error(`--n8n must be v1 or v2, not "${args.n8n}"`);
	if (args.check && (args.port || args.sandboxPort || args.modelPort || args.folder || args.keep))
		throw new Error('--check picks free ports and a temporary folder itself: give it only --n8n');
	args.port = args.port || 5678;
	args.sandboxPort = args.sandboxPort || 18765;
	args.modelPort = args.modelPort || args.sandboxPort + 1;
	args.folder = args.folder || path.join(DEMO_DIR, `n8n-${args.n8n}`);
	return args;
}

/** A path as the demo prints it: relative inside the repository. */
function shown(file) {
	return file.startsWith(REPO + path.sep) ? path.relative(REPO, file) : file;
}

function step(text) {
	console.log(`\n▸ ${text}`);
}

/** Runs a command with its output shown; exits the demo when it fails. */
function mustRun(command, args, options = {}) {
	const result = spawnSync(command, args, { cwd: REPO, stdio: 'inherit', ...options });
	if (result.status !== 0) {
		console.error(`\n✖ ${command} ${args.join(' ')} failed (exit ${result.status})`);
		process.exit(1);
	}
}

function realAccount() {
	const apiKey = (process.env.MAVIBOT_API_KEY || '').trim();
	const baseUrl = (process.env.MAVIBOT_BASE_URL || '').trim().replace(/\/+$/, '');
	if (!apiKey && !baseUrl) return undefined;
	if (!apiKey || !/^https?:\/\//.test(baseUrl)) {
		console.error(
			'✖ Set both MAVIBOT_API_KEY and MAVIBOT_BASE_URL (e.g. https://chatter.mavibot.ai) to use your account.',
		);
		process.exit(1);
	}
	return { apiKey, baseUrl };
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.check) {
		if (realAccount())
			throw new Error(
				'--check runs against the sandbox: unset MAVIBOT_API_KEY and MAVIBOT_BASE_URL',
			);
		process.exit(await checkDemo({ n8n: args.n8n, script: __filename }));
	}
	const real = realAccount();
	const spec = VERSIONS[args.n8n];
	const started = Date.now();

	for (const [port, what] of [
		[args.port, 'n8n (--port)'],
		...(real
			? []
			: [
					[args.sandboxPort, 'the sandbox (--sandbox-port)'],
					[args.modelPort, 'the scripted chat model (--model-port)'],
				]),
	]) {
		if (await portInUse(port)) {
			console.error(
				`✖ Port ${port} on 127.0.0.1 is taken: stop what uses it, or choose another port for ${what}.`,
			);
			process.exit(1);
		}
	}

	if (!fs.existsSync(path.join(REPO, 'node_modules', 'typescript'))) {
		step(
			"Installing the package's dependencies (npm ci; .npmrc keeps dependencies' install scripts off)",
		);
		mustRun('npm', ['ci']);
	}

	step(
		`Installing ${spec.label} if missing (bash e2e/install.sh ${args.n8n}; the first time takes several minutes)`,
	);
	mustRun('bash', [path.join(REPO, 'e2e', 'install.sh'), args.n8n]);

	const userFolder = args.folder;
	const fresh = !args.keep || !fs.existsSync(path.join(userFolder, '.n8n', 'database.sqlite'));
	if (fresh) fs.rmSync(userFolder, { recursive: true, force: true });
	const packDir = path.join(userFolder, 'pack');
	step(`Building and packing the package (npm pack into ${shown(packDir)})`);
	fs.rmSync(packDir, { recursive: true, force: true });
	const packed = await packPackage({ build: 'private', workDir: packDir });
	// Only the tarball is kept: a built copy of the sources inside the repository would be linted by `npm run lint`.
	fs.rmSync(packed.sourceDir, { recursive: true, force: true });
	console.log(`  ${shown(packed.tarball)} (${packed.files.length} files)`);

	const stops = [];
	let stopping = false;
	const stopAll = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping…');
		for (const stop of stops.reverse()) {
			try {
				await stop();
			} catch {
				// keep stopping the rest
			}
		}
		console.log('Stopped.');
		process.exit(code);
	};
	process.on('SIGINT', () => stopAll(0));
	process.on('SIGTERM', () => stopAll(0));

	let apiBaseUrl;
	let apiKey;
	let sandbox;
	if (real) {
		step(`Using your Mavibot account at ${real.baseUrl} (no sandbox)`);
		({ baseUrl: apiBaseUrl, apiKey } = real);
	} else {
		step(`Starting the Mavibot sandbox with the demo seed on 127.0.0.1:${args.sandboxPort}`);
		sandbox = await startSandbox({ port: args.sandboxPort, seed: 'demo' });
		stops.push(() => sandbox.stop());
		apiBaseUrl = sandbox.url;
		apiKey = CREDENTIALS.sandbox.data.apiKey;
		// No model is reachable from here: the AI examples talk to the end-to-end tier's scripted model.
		step(
			`Starting the scripted model (chat, transcription) for the AI examples on 127.0.0.1:${args.modelPort}`,
		);
		await agentModel.start({}, { port: args.modelPort });
		stops.push(() => agentModel.stop());
	}

	const n8n = new N8n({
		version: args.n8n,
		userFolder,
		port: args.port,
		brokerPort: await freePort(),
		encryptionKey: 'mavibot-demo-encryption-key',
	});

	step(
		`Installing the tarball into ${shown(userFolder)}/.n8n/nodes/node_modules (as Settings → Community Nodes does: npm pack, extract, npm install)`,
	);
	await installTarball(packed.tarball, userFolder, { env: n8n.env() });

	const examples = fs
		.readdirSync(path.join(REPO, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => JSON.parse(fs.readFileSync(path.join(REPO, 'examples', f), 'utf8')));
	// The Mavibot Trigger's token: generated for each fresh demo (the example ships none), kept next to the database.
	const tokenFile = path.join(userFolder, 'trigger-token');
	if (fresh) {
		step(
			'Importing the "Mavibot account" and "Mavibot Trigger account" credentials and the example workflows',
		);
		const credential = CREDENTIALS.sandbox;
		const triggerCredential = CREDENTIALS.trigger;
		const token = crypto.randomBytes(24).toString('hex');
		fs.mkdirSync(userFolder, { recursive: true });
		fs.writeFileSync(tokenFile, `${token}\n`);
		await n8n.importCredentials([
			{
				id: credential.id,
				name: credential.name,
				type: 'mavibotApi',
				data: { apiKey, baseUrl: apiBaseUrl },
			},
			{
				id: triggerCredential.id,
				name: triggerCredential.name,
				type: triggerCredential.type,
				data: { token },
			},
			...agentModel.credentials(),
		]);
		// Against the sandbox, whose attachment files are on 127.0.0.1, downloading triggers allow private addresses.
		await n8n.importWorkflows(real ? examples : examples.map(forTheSandbox));
		if (!real) {
			// The examples that start from a webhook or the Mavibot Trigger, so that the curls below work. The weekly
			// broadcast stays inactive (open it and click "Execute workflow" to send it once).
			const live = examples.filter((w) =>
				w.nodes.some((n) => /webhook$|mavibotTrigger$/.test(n.type)),
			);
			step(`Publishing ${live.map((w) => `"${w.name}"`).join(', ')}`);
			for (const w of live) await n8n.activate(w.id);
		}
	}

	step(
		`Starting ${spec.label} on http://127.0.0.1:${args.port} (log: ${shown(userFolder)}/n8n.log)`,
	);
	const logFile = fs.createWriteStream(path.join(userFolder, 'n8n.log'), { flags: 'a' });
	const server = n8n.start({ timeoutMs: 180000 });
	stops.push(() => n8n.stop());
	await server;
	logFile.write(n8n.output());
	n8n.server.child.stdout.pipe(logFile);
	n8n.server.child.stderr.pipe(logFile);
	n8n.server.exited.then((status) => {
		if (!stopping) {
			console.error(
				`\n✖ n8n stopped unexpectedly (${JSON.stringify(status)}); see ${path.join(userFolder, 'n8n.log')}`,
			);
			stopAll(1);
		}
	});

	if (fresh) {
		await n8n.setupOwner(LOGIN);
	}

	const lead = examples.find((w) => w.id === 'MavibotExLead001');
	const lines = [
		'',
		'━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━',
		` Mavibot demo is running (${spec.label}, ready in ${Math.round((Date.now() - started) / 1000)} s)`,
		'',
		` n8n editor   ${n8n.baseUrl}`,
		` login        ${LOGIN.email}  /  ${LOGIN.password}${fresh ? '' : '   (kept from an earlier run)'}`,
		real
			? ` Mavibot API  your account at ${apiBaseUrl} (credential "Mavibot account")`
			: ` Mavibot API  sandbox ${apiBaseUrl} (key ${apiKey}); what it received: ${apiBaseUrl}/_sandbox/requests`,
		'',
		' Example workflows: Workflows → "Mavibot: …"; open one and click "Execute workflow".',
	];
	if (!real) {
		const messageEvents = [
			[
				'MavibotExReply01',
				'a message event',
				{ client_id: 1002, message: 'Hi! What is the price of the pro plan?' },
			],
			[
				'MavibotExAgent01',
				'a message event',
				{
					client_id: 1005,
					message: 'Hello! I ordered with the phone 79991234567. When does it arrive?',
				},
			],
			[
				'MavibotExVoice01',
				"a voice message (the sandbox's voice note)",
				{ client_id: 1002, message: '', attachments: [`${apiBaseUrl}/files/voice.ogg`] },
			],
		];
		for (const [id, what, event] of messageEvents) {
			const workflow = examples.find((w) => w.id === id);
			const trigger =
				workflow && workflow.nodes.find((n) => n.type === 'n8n-nodes-mavibot.mavibotTrigger');
			if (!trigger) continue;
			const token = trigger.credentials
				? fs.readFileSync(tokenFile, 'utf8').trim()
				: trigger.parameters.token;
			const target = `${n8n.baseUrl}/webhook/${trigger.webhookId}/mavibot?token=${token}`;
			lines.push(
				'',
				` Make the sandbox fire ${what} at "${workflow.name}":`,
				`   curl -s -X POST ${apiBaseUrl}/_sandbox/webhook -H 'content-type: application/json' -d '${JSON.stringify({ url: target, event })}'`,
			);
		}
	}
	if (!real && lead) {
		const hook = lead.nodes.find((n) => n.type === 'n8n-nodes-base.webhook');
		const body = JSON.stringify({
			name: 'Maria Lebedeva',
			phone: '+7 916 555-12-34',
			email: 'maria@example.com',
			product: 'Pro plan',
			budget: 32000,
		});
		lines.push(
			'',
			` Send a website lead to "${lead.name}":`,
			`   curl -s -X POST ${n8n.baseUrl}/webhook/${hook.parameters.path} -H 'content-type: application/json' -d '${body}'`,
		);
	}
	lines.push(
		'',
		' Then look at Executions in the editor. Ctrl-C stops everything.',
		'━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━',
	);
	console.log(lines.join('\n'));
}

main().catch((error) => {
	console.error(`\n✖ ${error.stack || error.message}`);
	process.exit(1);
});
