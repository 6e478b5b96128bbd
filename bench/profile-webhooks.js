'use strict';
/**
 * Where n8n 2.x spends its CPU on message events: the Mavibot Trigger → Send workflow, n8n's Webhook node with one
 * expression (the floor) → Send and the static Webhook node → Send (bench/scale.js), each in its own `n8n start`
 * under V8's CPU profiler (`node --cpu-prof`), the same events posted 16 at a time. Prints, for each, the CPU time
 * under the functions that matter here (expression engine, webhook handling, the trigger's own steps) per event, and
 * the functions with the most CPU of their own. Not part of `npm run bench`; run by hand:
 *   node bench/profile-webhooks.js [--events 200] [--sides trigger,floor,webhook] [--top 25] [--tarball other.tgz] [--keep]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { N8n } = require('../e2e/lib/n8n');
const { packPackage } = require('../e2e/lib/pack');
const { startSandbox } = require('../e2e/lib/sandbox');
const { freePort, startProcess } = require('../e2e/lib/util');
const scale = require('./scale');

const args = process.argv.slice(2);
const EVENTS = Number(args[args.indexOf('--events') + 1] || 200) || 200;
const TARBALL = args.includes('--tarball') ? args[args.indexOf('--tarball') + 1] : undefined;
const KEEP = args.includes('--keep');
const SIDES = (
	args.includes('--sides') ? args[args.indexOf('--sides') + 1] : 'trigger,floor,webhook'
)
	.split(',')
	.filter(Boolean);
const TOP = Number(args.includes('--top') ? args[args.indexOf('--top') + 1] : 25);

/** Functions whose inclusive CPU time is reported (matched on the V8 function name). */
const WATCH = [
	['expression isolate acquired for a webhook request', /^acquireIsolate$/],
	['expression isolate released', /^releaseIsolate$/],
	['new isolate created (pool replenish / cold start)', /^(createBridge|initialize)$/],
	[
		'webhook description fields evaluated',
		/^evaluate(Simple|Complex)WebhookDescriptionExpression$/,
	],
	['expression evaluated in the engine', /^renderExpression$/],
	['whole webhook request (LiveWebhooks.executeWebhook)', /^executeWebhook$/],
	['workflow execution (WorkflowExecute.processRunExecutionData)', /^processRunExecutionData$/],
	["the start node's webhook() (each side's node code)", /^webhook$/],
	['credential read + decryption (CredentialsHelper.getDecrypted)', /^getDecrypted$/],
	['trigger: token check (refuseUnverified)', /^refuseUnverified$/],
	['trigger: event building (toMessageEvent)', /^toMessageEvent$/],
	['trigger: repeat memory (seenBefore)', /^seenBefore$/],
	['execution saved (create + update)', /^(createNewExecution|updateExistingExecution)$/],
];

/** Whether a sample's stack is inside the handling of an event (its webhook request or its execution). */
const EVENT_WORK = /^(executeWebhook|processRunExecutionData)$/;

/**
 * CPU of the profile, per watched function (inclusive) and per function (own time). Only the samples between the
 * first and the last one spent on an event count, so that n8n's start-up, which the profile also holds, does not.
 */
function analyse(file) {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
	const stack = (id) => {
		const names = [];
		for (let cur = id; cur !== undefined; cur = parent.get(cur))
			names.push(byId.get(cur).callFrame.functionName);
		return names;
	};
	const { samples, timeDeltas } = profile;
	let first = -1;
	let last = -1;
	samples.forEach((id, i) => {
		if (stack(id).some((name) => EVENT_WORK.test(name))) {
			if (first < 0) first = i;
			last = i;
		}
	});
	const totals = Object.fromEntries(WATCH.map(([label]) => [label, 0]));
	const ownTime = new Map();
	let busy = 0;
	let windowMs = 0;
	for (let i = Math.max(first, 0); i <= last; i++) {
		const ms = (timeDeltas[i + 1] ?? 0) / 1000; // the time until the next sample
		windowMs += ms;
		const node = byId.get(samples[i]);
		if (node.callFrame.functionName === '(idle)') continue;
		busy += ms;
		const { functionName, url, lineNumber } = node.callFrame;
		const where = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '')}:${lineNumber + 1}`;
		ownTime.set(where, (ownTime.get(where) || 0) + ms);
		// Inclusive: credit every watched function on the stack once.
		const names = stack(samples[i]);
		for (const [label, re] of WATCH) if (names.some((name) => re.test(name))) totals[label] += ms;
	}
	const top = [...ownTime].sort((a, b) => b[1] - a[1]).slice(0, TOP);
	return { busy, windowMs, totals, top };
}

async function profileOne(which, tarball, sandbox) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `mavibot-profile-${which}-`));
	const profDir = path.join(userFolder, 'profile');
	const n8n = new N8n({
		version: 'v2',
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
	});
	await scale.prepareSingle(n8n, tarball, sandbox.url);
	const proc = startProcess(
		n8n.nodeBin,
		['--cpu-prof', `--cpu-prof-dir=${profDir}`, n8n.n8nBin, 'start'],
		{ env: n8n.env(), cwd: userFolder, name: 'n8n (profiled)' },
	);
	try {
		await proc.waitFor(/Editor is now accessible/, 240000);
		const url = await scale.eventUrl(n8n, which);
		const ms = await scale.timeUntilSent(sandbox, EVENTS, () =>
			scale.postAll(url, scale.events(EVENTS, 1 + SIDES.indexOf(which))),
		);
		await proc.stop(60000);
		const file = fs
			.readdirSync(profDir)
			.filter((f) => f.endsWith('.cpuprofile'))
			.map((f) => path.join(profDir, f))[0];
		if (!file) throw new Error('no .cpuprofile written');
		return { which, ms, ...analyse(file), file };
	} finally {
		await proc.stop(60000);
		if (!KEEP) fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

async function main() {
	// --tarball: profile another build of the package (e.g. the one before a change) instead of this checkout.
	const packed = TARBALL ? { tarball: path.resolve(TARBALL) } : await packPackage({});
	const sandbox = await startSandbox();
	try {
		const results = [];
		for (const which of SIDES) results.push(await profileOne(which, packed.tarball, sandbox));
		console.log(`\nCPU of the main n8n process per event (${EVENTS} events, 16 at a time), ms:`);
		console.log(`| | ${results.map((r) => r.which).join(' | ')} |`);
		console.log(`|---|${results.map(() => '---').join('|')}|`);
		console.log(
			`| wall time until every send | ${results.map((r) => (r.ms / 1000).toFixed(2) + ' s').join(' | ')} |`,
		);
		console.log(
			`| span from the first to the last event's work | ${results.map((r) => (r.windowMs / 1000).toFixed(2) + ' s').join(' | ')} |`,
		);
		console.log(
			`| busy (not idle) in that span | ${results.map((r) => (r.busy / EVENTS).toFixed(2)).join(' | ')} |`,
		);
		for (const [label] of WATCH)
			console.log(
				`| ${label} | ${results.map((r) => (r.totals[label] / EVENTS).toFixed(2)).join(' | ')} |`,
			);
		for (const r of results) {
			console.log(`\nOwn CPU per event, top ${TOP} (${r.which}), ms:`);
			for (const [where, ms] of r.top) console.log(`  ${(ms / EVENTS).toFixed(2)}  ${where}`);
		}
		if (KEEP) for (const r of results) console.log(`profile (${r.which}): ${r.file}`);
	} finally {
		await sandbox.stop();
		if (packed.workDir) fs.rmSync(packed.workDir, { recursive: true, force: true });
	}
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}

module.exports = { analyse };
