#!/usr/bin/env node
'use strict';
// The end-to-end tier: the packed package installed into a real n8n, against the Mavibot sandbox.
//
//   node e2e/run.js [v1|v2|queue|all] [--browser] [--keep] [--verbose] [--build=repo|private]
//
// For each n8n version (install first: bash e2e/install.sh all, or let `npm run demo -- --check` install n8n):
//   1. a fresh N8N_USER_FOLDER with the `npm pack` tarball installed the way n8n installs a community package
//      (lib/pack.js) into .n8n/nodes/node_modules/n8n-nodes-mavibot;
//   2. import the credentials and workflows (examples/*.json and the cases in e2e/cases/), `n8n execute --id` each
//      headless case and check the run data and the requests the sandbox recorded; the AI Agent cases (cases/agent.js)
//      run the Mavibot node as an agent's tool against a scripted model (lib/modelServer.js);
//   3. activate the trigger workflows, `n8n start`, fire message events from the sandbox and bot-block requests at
//      them, check the HTTP answers, the executions (REST API) and the requests; test the credential through the REST
//      API with a good and a wrong key.
//   4. `queue` (also part of `all`): n8n 2.41.1 in queue mode on PostgreSQL + Redis (e2e/cases/queue.js).
//   5. with --browser, on the last version run: the browser check of e2e/browser/check.js against the same server
//      (Debian's Chromium + playwright-core: node panel, Mavibot node, screenshots in docs/).
// Prints one line per check and `N passed, N failed`; exits 1 when a check failed.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort, REPO, tail } = require('./lib/util');
const { startSandbox } = require('./lib/sandbox');
const { packPackage, installTarball } = require('./lib/pack');
const { N8n, VERSIONS } = require('./lib/n8n');
const { Report } = require('./lib/report');
const { availableFeatures } = require('./lib/features');
const { credentialImport } = require('./cases/credentials');
const executeCases = require('./cases/execute').cases;
const serverSuite = require('./cases/server');
const { loadExamples } = require('./cases/examples');
const agentSuite = require('./cases/agent');
const browserCheck = require('./browser/check');
const { runQueue } = require('./cases/queue');
const binaryAttachmentSuite = require('./cases/binaryAttachment');

function parseArgs(argv) {
	const args = {
		versions: [],
		keep: false,
		verbose: false,
		build: undefined,
		browser: false,
		queue: false,
	};
	for (const arg of argv) {
		if (arg === 'all') {
			args.versions.push('v1', 'v2');
			args.queue = true;
		} else if (arg === 'queue') args.queue = true;
		else if (VERSIONS[arg]) args.versions.push(arg);
		else if (arg === '--keep') args.keep = true;
		else if (arg === '--verbose') args.verbose = true;
		else if (arg === '--browser') args.browser = true;
		else if (arg.startsWith('--build=')) args.build = arg.slice('--build='.length);
		else
			throw new Error(
				`Unknown argument "${arg}". Usage: node e2e/run.js [v1|v2|queue|all] [--browser] [--keep] [--verbose] [--build=repo|private]`,
			);
	}
	if (!args.versions.length && !args.queue) args.versions.push('v1', 'v2');
	args.versions = [...new Set(args.versions)];
	return args;
}

function missing(features, needs = []) {
	return needs.filter((n) => !features.has(n));
}

async function runVersion(version, { packed, features, report, args, browser }) {
	const spec = VERSIONS[version];
	report.section(`${spec.label}`);
	const prefix = `[${version}] `;
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `mavibot-e2e-${version}-`));
	const [port, brokerPort] = [await freePort(), await freePort()];
	const n8n = new N8n({ version, userFolder, port, brokerPort });
	if (!n8n.installed()) {
		await report.check(`${prefix}${spec.label} is installed`, () => {
			throw new Error(`not installed: run bash e2e/install.sh ${version}`);
		});
		return;
	}
	const sandbox = await startSandbox();
	await agentSuite.start();
	const t0 = Date.now();
	const ctx = { n8n, sandbox, report, prefix, features, version, examples: loadExamples() };
	try {
		await report.check(
			`${prefix}package installed from the npm pack tarball into .n8n/nodes/node_modules`,
			async (assert) => {
				const dir = await installTarball(packed.tarball, userFolder, { env: n8n.env() });
				assert.ok(fs.existsSync(path.join(dir, 'dist', 'nodes', 'Mavibot', 'Mavibot.node.js')));
				assert.ok(
					!fs.existsSync(path.join(dir, 'node_modules')),
					'no bundled node_modules (zero runtime dependencies)',
				);
			},
		);

		// Cases whose workflow holds the sandbox's address (File → Download's links) build it now.
		for (const c of executeCases) if (c.prepare) c.prepare(ctx);
		const imported = await report.check(`${prefix}import credentials and workflows`, async () => {
			await n8n.importCredentials([...credentialImport(sandbox.url), ...agentSuite.credentials()]);
			const workflows = [
				...ctx.examples.map((e) => e.workflow),
				...ctx.examples.filter((e) => e.cliWorkflow !== e.workflow).map((e) => e.cliWorkflow),
				...executeCases.map((c) => c.workflow),
				...serverSuite.workflows(ctx),
				...agentSuite.workflows(),
				...binaryAttachmentSuite.workflows(ctx),
			];
			await n8n.importWorkflows(workflows);
			return true;
		});
		if (!imported) return;

		await report.check(`${prefix}every example in examples/ is checked by this tier`, (assert) => {
			const unchecked = ctx.examples.filter((e) => !e.checked).map((e) => e.file);
			assert.deepEqual(unchecked, [], 'add checks for them in e2e/cases/examples.js');
		});

		// ---- headless: n8n execute --id ----
		const headless = [...executeCases, ...ctx.examples.flatMap((e) => e.executeCases)];
		for (const c of headless) {
			const lacking = missing(features, c.needs);
			if (lacking.length) {
				report.skip(`${prefix}${c.name}`, `the package has no ${lacking.join(', ')} yet`);
				continue;
			}
			await report.check(`${prefix}execute: ${c.name}`, async (assert) => {
				await sandbox.reset();
				if (c.setup) await c.setup({ sandbox });
				const run = await n8n.execute(c.workflow.id);
				run.runData = run.data && run.data.data && run.data.data.resultData.runData;
				const requests = await sandbox.requests();
				if (args.verbose)
					console.log(JSON.stringify({ requests, output: run.runData }, null, 1).slice(0, 20000));
				try {
					await c.verify({ run, requests, assert, sandbox });
				} catch (error) {
					if (run.code !== 0 || !run.data)
						error.message += `\n--- n8n output ---\n${(run.stdout + run.stderr).slice(-3000)}`;
					throw error;
				}
			});
		}

		await binaryAttachmentSuite.headless(ctx);

		// ---- headless: AI Agent with Mavibot tools and a scripted model ----
		await agentSuite.run({ ...ctx, args });

		// ---- n8n start: triggers, webhooks, REST ----
		const failedBefore = report.failed;
		await binaryAttachmentSuite.activate(ctx);
		const { owner } = await serverSuite.run(ctx);
		if (n8n.server && n8n.server.isRunning()) await binaryAttachmentSuite.live(ctx);
		if (browser) {
			report.section(`browser check against ${spec.label}`);
			const chromium = await browserCheck.ready(report);
			if (chromium && owner) {
				const freeText = features.has('message.sendAndWait') ? { sandbox } : undefined;
				await browserCheck.browserChecks({ n8n, report, owner, chromium, freeText });
			} else if (!owner) report.skip('[browser] browser check', 'no owner login');
		}
		if (report.failed > failedBefore && n8n.output()) {
			console.log(
				`   --- last lines of n8n start ---\n${tail(n8n.output(), 60).replace(/^/gm, '   | ')}`,
			);
		}
	} finally {
		await n8n.stop();
		await sandbox.stop();
		await agentSuite.stop();
		console.log(
			`   (${spec.label}: ${Math.round((Date.now() - t0) / 1000)} s${n8n.startMs ? `, n8n start ${n8n.startMs} ms` : ''})`,
		);
		if (args.keep) console.log(`   user folder kept: ${userFolder}`);
		else fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const report = new Report();
	const started = Date.now();
	report.section('package');
	const packed = await report.check('npm pack the package', async (assert) => {
		const result = await packPackage({ build: args.build });
		assert.ok(result.files.includes('package.json'));
		assert.ok(
			result.files.some((f) => f.startsWith('dist/nodes/Mavibot/')),
			'tarball holds dist/nodes/Mavibot',
		);
		const main = require(path.join(REPO, 'package.json')).main;
		const extra = result.files.filter(
			(f) => !f.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE', main].includes(f),
		);
		assert.deepEqual(extra, [], 'only dist/, package.json, README, LICENSE and the main file');
		console.log(
			`   ${path.basename(result.tarball)}: ${result.files.length} files, ${Math.round(result.ms / 1000)} s`,
		);
		return result;
	});
	if (packed) {
		const features = availableFeatures(packed.sourceDir);
		console.log(
			`   operations: ${[...features].filter((f) => f.includes('.')).length}; trigger: ${features.has('trigger') ? 'yes' : 'not yet'}`,
		);
		for (const version of args.versions) {
			const browser = args.browser && version === args.versions[args.versions.length - 1];
			try {
				await runVersion(version, { packed, features, report, args, browser });
			} catch (error) {
				await report.check(`[${version}] run without crashing`, () => {
					throw error;
				});
			}
		}
		if (args.queue) {
			const sandbox = await startSandbox();
			try {
				await runQueue({ packed, features, report, args, sandbox, examples: loadExamples() });
			} finally {
				await sandbox.stop();
			}
		}
		if (!args.keep) fs.rmSync(packed.workDir, { recursive: true, force: true });
	}
	console.log(`\nend-to-end tier: ${Math.round((Date.now() - started) / 1000)} s`);
	report.summary();
	process.exitCode = report.failed ? 1 : 0;
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		console.log('0 passed, 1 failed');
		process.exit(1);
	});
}
