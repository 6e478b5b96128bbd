'use strict';
// `npm run demo -- --check [--n8n v1]`: the demo as a user runs it, proven from the outside. The demo runs as a child
// in a process group of its own (as a terminal's foreground job is), on free ports and in a temporary user folder.
// Once it prints "demo is running": n8n's /healthz, the credential test through n8n's REST API (the editor's Test
// button), and the first curl command it printed, run as printed, whose workflow must reply through the sandbox.
// Then SIGINT to the whole process group (what Ctrl-C does), and no process of the group, no descendant and no port
// it listened on may be left. Linux only (reads /proc). Resolves the exit code: 0 when everything passed.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const {
	REPO,
	freePort,
	portInUse,
	startProcess,
	http,
	waitUntil,
	sleep,
} = require('../e2e/lib/util');
const { N8n, VERSIONS } = require('../e2e/lib/n8n');
const { CREDENTIALS } = require('../e2e/cases/credentials');
const { wire } = require('../e2e/cases/execute');

// The example the check fires a message event at (its curl is the first one the demo prints) and what it must send.
const REPLY_EXAMPLE = JSON.parse(
	fs.readFileSync(path.join(REPO, 'examples', 'incoming-message-reply.json'), 'utf8'),
);
const READY_TIMEOUT_MS = 45 * 60 * 1000; // the first run installs n8n (several minutes; more on a busy machine)
const STOP_TIMEOUT_MS = 60 * 1000;

/** Distinct free ports on 127.0.0.1. */
async function freePorts(count) {
	const ports = new Set();
	while (ports.size < count) ports.add(await freePort());
	return [...ports];
}

/** Every process on this machine: pid → { ppid, pgid, command }. */
function processes() {
	const all = new Map();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so read after the last ")".
			const [, ppid, pgid] = stat
				.slice(stat.lastIndexOf(')') + 2)
				.split(' ')
				.map(Number);
			const command = fs
				.readFileSync(`/proc/${entry}/cmdline`, 'utf8')
				.split('\0')
				.join(' ')
				.trim();
			all.set(Number(entry), { ppid, pgid, command });
		} catch {
			// the process ended while being read
		}
	}
	return all;
}

/** The processes of the demo: its process group and every descendant of its first process. */
function demoProcesses(rootPid) {
	const all = processes();
	const found = new Map();
	for (const [pid, info] of all) if (info.pgid === rootPid) found.set(pid, info);
	let grew = true;
	while (grew) {
		grew = false;
		for (const [pid, info] of all) {
			if (!found.has(pid) && (found.has(info.ppid) || pid === rootPid)) {
				found.set(pid, info);
				grew = true;
			}
		}
	}
	return found;
}

/** The TCP ports these processes listen on (/proc/net/tcp{,6}, matched by socket inode). */
function listeningPorts(pids) {
	const inodes = new Set();
	for (const pid of pids) {
		let fds = [];
		try {
			fds = fs.readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue;
		}
		for (const fd of fds) {
			try {
				const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
				if (m) inodes.add(m[1]);
			} catch {
				// closed meanwhile
			}
		}
	}
	const ports = new Set();
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let lines = [];
		try {
			lines = fs.readFileSync(table, 'utf8').trim().split('\n').slice(1);
		} catch {
			continue;
		}
		for (const line of lines) {
			const cols = line.trim().split(/\s+/);
			// cols: sl local_address rem_address st … inode (10th); st 0A is LISTEN
			if (cols[3] === '0A' && inodes.has(cols[9])) ports.add(parseInt(cols[1].split(':')[1], 16));
		}
	}
	return [...ports].sort((a, b) => a - b);
}

/** What the demo printed once ready: editor URL, login, sandbox URL and key, and its curl commands in order. */
function readBanner(text) {
	const banner = text.slice(text.lastIndexOf('Mavibot demo is running'));
	const grab = (regex, what) => {
		const m = regex.exec(banner);
		if (!m) throw new Error(`the demo printed no ${what}:\n${banner}`);
		return m;
	};
	const [, editor] = grab(/n8n editor\s+(http:\/\/\S+)/, 'editor URL');
	const [, email, password] = grab(/login\s+(\S+)\s+\/\s+(\S+)/, 'login');
	const [, sandboxUrl, apiKey] = grab(/sandbox (http:\/\/\S+) \(key (\S+)\)/, 'sandbox URL');
	const lines = banner.split('\n');
	const curls = [];
	lines.forEach((line, i) => {
		if (/^\s+curl /.test(line))
			curls.push({ command: line.trim(), about: (lines[i - 1] || '').trim() });
	});
	return { editor, login: { email, password }, sandboxUrl, apiKey, curls };
}

async function checkDemo({ n8n: version, script }) {
	const spec = VERSIONS[version];
	const started = Date.now();
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), `mavibot-demo-check-${version}-`));
	const [port, sandboxPort, modelPort] = await freePorts(3);
	const args = [
		script,
		'--n8n',
		version,
		'--port',
		String(port),
		'--sandbox-port',
		String(sandboxPort),
		'--model-port',
		String(modelPort),
		'--folder',
		folder,
	];
	console.log(
		`▸ demo check (${spec.label}): node ${path.relative(REPO, script)} ${args.slice(1).join(' ')}, in a process group of its own`,
	);
	const demo = startProcess(process.execPath, args, {
		name: 'the demo',
		echo: true,
		spawnOptions: { detached: true }, // a new process group, led by the demo (as a shell's job)
	});
	const pgid = demo.child.pid;
	const interrupt = () => {
		try {
			process.kill(-pgid, 'SIGINT');
		} catch {
			// the group is gone
		}
	};
	// Ctrl-C on the check itself: the demo's group is not in the terminal's, so pass it on.
	process.on('SIGINT', interrupt);
	process.on('SIGTERM', interrupt);

	const results = [];
	const check = async (name, fn) => {
		try {
			const detail = await fn();
			results.push({ name, ok: true });
			console.log(`✓ ${name}${detail ? ` (${detail})` : ''}`);
			return true;
		} catch (error) {
			results.push({ name, ok: false });
			console.log(`✖ ${name}: ${error.message}`);
			return false;
		}
	};
	const assert = (condition, message) => {
		if (!condition) throw new Error(message);
	};

	let banner;
	const ready = await check('the demo prints "demo is running"', async () => {
		await demo.waitFor(
			/Mavibot demo is running[\s\S]*Ctrl-C stops everything\.\n━+/,
			READY_TIMEOUT_MS,
		);
		banner = readBanner(demo.output());
		return `${Math.round((Date.now() - started) / 1000)} s`;
	});

	if (ready) {
		await check(`GET ${banner.editor}/healthz answers 200`, async () => {
			const res = await http('GET', `${banner.editor}/healthz`, { timeoutMs: 10000 });
			assert(res.status === 200, `status ${res.status}: ${res.text.slice(0, 200)}`);
			return res.text.trim();
		});

		const sandboxRequests = async () =>
			(await http('GET', `${banner.sandboxUrl}/_sandbox/requests`, { timeoutMs: 10000 })).body;
		const n8n = new N8n({ version, userFolder: folder, port, brokerPort: 0 });
		const signedIn = await check('the printed login signs in (REST API)', async () => {
			await n8n.login(banner.login);
		});

		if (signedIn)
			await check('credential test through the REST API passes against the sandbox', async () => {
				const before = (await sandboxRequests()).length;
				const credential = CREDENTIALS.sandbox;
				const result = await n8n.testCredential({
					id: credential.id,
					name: credential.name,
					type: credential.type,
					data: { apiKey: banner.apiKey, baseUrl: banner.sandboxUrl },
				});
				assert(result.status === 'OK', JSON.stringify(result));
				const calls = wire((await sandboxRequests()).slice(before), 'connected_channels');
				assert(
					calls.length === 1 && calls[0].key === banner.apiKey,
					`the sandbox got ${calls.length} connected_channels requests with the key`,
				);
				return 'the sandbox got GET connected_channels';
			});

		const fire = banner.curls.find((c) => c.about.includes(`"${REPLY_EXAMPLE.name}"`));
		await check(`the printed curl for "${REPLY_EXAMPLE.name}" gets a reply`, async () => {
			assert(fire, `no curl printed for it (curls: ${JSON.stringify(banner.curls)})`);
			assert(fire === banner.curls[0], 'it is not the first curl the demo prints');
			const before = (await sandboxRequests()).length;
			const curl = spawnSync('bash', ['-c', fire.command], { encoding: 'utf8', timeout: 60000 });
			assert(curl.status === 0, `curl exited ${curl.status}: ${curl.stderr}`);
			const answer = JSON.parse(curl.stdout);
			assert(
				answer.result && answer.result.status === 200 && answer.result.body.status === 'ok',
				`n8n answered the message event with ${JSON.stringify(answer.result)}`,
			);
			const clientId = answer.event.client.id;
			const reply = await waitUntil(
				async () => {
					const sent = wire((await sandboxRequests()).slice(before), 'message');
					return sent.find((r) => r.body && r.body.client_id === clientId);
				},
				{ timeoutMs: 30000, what: `the workflow's reply to client ${clientId} at the sandbox` },
			);
			assert(reply.outcome === 'ok', `the sandbox refused the reply: ${JSON.stringify(reply)}`);
			if (signedIn) {
				const [execution] = await n8n.waitForExecutions(REPLY_EXAMPLE.id, 1);
				assert(execution.status === 'success', `execution ${execution.id}: ${execution.status}`);
			}
			return `sandbox received "${reply.body.message}" for client ${clientId}`;
		});
	}

	// ---- stop it the way Ctrl-C does, and look for what is left ----
	const running = demoProcesses(pgid);
	const ports = [...new Set([port, sandboxPort, modelPort, ...listeningPorts(running.keys())])];
	await check(
		`SIGINT to the demo's process group stops it (${running.size} processes, ports ${ports.join(', ')})`,
		async () => {
			interrupt();
			const exit = await Promise.race([demo.exited, sleep(STOP_TIMEOUT_MS).then(() => undefined)]);
			assert(exit, `still running ${STOP_TIMEOUT_MS / 1000} s after SIGINT`);
			if (ready)
				assert(
					exit.code === 0 && /\nStopped\.\n/.test(demo.output()),
					`it ended with ${JSON.stringify(exit)} without printing "Stopped."`,
				);
			return `exit code ${exit.code}`;
		},
	);
	await check('no process of the demo is left', async () => {
		let left = new Map();
		await waitUntil(
			() => {
				left = demoProcesses(pgid);
				for (const pid of running.keys()) {
					const info = processes().get(pid);
					if (info && info.command === running.get(pid).command) left.set(pid, info);
				}
				return left.size === 0;
			},
			{ timeoutMs: 15000, intervalMs: 300, what: 'the processes to end' },
		).catch(() => {
			for (const pid of left.keys()) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					// gone
				}
			}
			throw new Error(
				`left running (now killed): ${[...left].map(([pid, i]) => `${pid} ${i.command.slice(0, 120)}`).join('; ')}`,
			);
		});
	});
	await check('no port of the demo is left', async () => {
		const taken = [];
		for (const p of ports) if (await portInUse(p)) taken.push(p);
		assert(taken.length === 0, `still listening: ${taken.join(', ')}`);
	});

	const failed = results.filter((r) => !r.ok).length;
	const seconds = Math.round((Date.now() - started) / 1000);
	if (failed) {
		console.log(
			`✖ demo check (${spec.label}): ${failed} of ${results.length} failed in ${seconds} s; the demo's folder is kept: ${folder} (n8n.log)`,
		);
		return 1;
	}
	fs.rmSync(folder, { recursive: true, force: true });
	console.log(`✓ demo check (${spec.label}): ${results.length} passed in ${seconds} s`);
	return 0;
}

module.exports = { checkDemo };
