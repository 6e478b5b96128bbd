'use strict';
// Small helpers shared by the end-to-end tier and the demo: free ports, child processes, HTTP with JSON, waiting.

const { spawn } = require('node:child_process');
const net = require('node:net');

const REPO = require('node:path').resolve(__dirname, '..', '..');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port that is free on 127.0.0.1 right now. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Whether something already listens on 127.0.0.1:port. */
function portInUse(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/**
 * Runs a command to completion and collects its output. Rejects only when it cannot start; the exit code is in the
 * result. `timeoutMs` kills it (SIGKILL after SIGTERM). `spawnOptions` go to spawn (e.g. uid/gid, cwd).
 */
function run(
	command,
	args,
	{ cwd = REPO, env = process.env, timeoutMs = 120000, input, spawnOptions = {} } = {},
) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(command, args, {
			cwd,
			env,
			...spawnOptions,
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		const out = [];
		const err = [];
		let timedOut = false;
		child.stdout.on('data', (c) => out.push(c));
		child.stderr.on('data', (c) => err.push(c));
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGTERM');
			setTimeout(() => child.kill('SIGKILL'), 5000).unref();
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({
				code,
				signal,
				timedOut,
				ms: Date.now() - started,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
			});
		});
		child.stdin.end(input);
	});
}

/**
 * Starts a long-running child whose output is kept (last `keep` characters) and can be waited on.
 * Returns { child, output(), waitFor(regex, ms), stop(ms) }.
 */
function startProcess(
	command,
	args,
	{
		cwd = REPO,
		env = process.env,
		keep = 200000,
		echo = false,
		name = command,
		spawnOptions = {},
	} = {},
) {
	const child = spawn(command, args, {
		cwd,
		env,
		...spawnOptions,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let text = '';
	const waiters = new Set();
	let exited = null;
	const onData = (chunk) => {
		const s = chunk.toString('utf8');
		if (echo) process.stdout.write(s);
		text = (text + s).slice(-keep);
		for (const w of waiters) w.check();
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const exitPromise = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			for (const w of waiters) w.check();
			resolve(exited);
		});
		child.on('error', (error) => {
			exited = { code: null, signal: null, error };
			for (const w of waiters) w.check();
			resolve(exited);
		});
	});

	function waitFor(regex, timeoutMs = 60000) {
		return new Promise((resolve, reject) => {
			const waiter = {
				check() {
					const m = regex.exec(text);
					if (m) {
						done();
						resolve(m);
					} else if (exited) {
						done();
						reject(
							new Error(
								`${name} exited (${exited.error ? exited.error.message : `code ${exited.code}, signal ${exited.signal}`}) before printing ${regex}\n${tail(text)}`,
							),
						);
					}
				},
			};
			const timer = setTimeout(() => {
				done();
				reject(new Error(`${name} did not print ${regex} within ${timeoutMs} ms\n${tail(text)}`));
			}, timeoutMs);
			function done() {
				clearTimeout(timer);
				waiters.delete(waiter);
			}
			waiters.add(waiter);
			waiter.check();
		});
	}

	/** SIGTERM, then SIGKILL after `graceMs`. Resolves with the exit status. */
	async function stop(graceMs = 15000) {
		if (!exited) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => {
				if (!exited) child.kill('SIGKILL');
			}, graceMs);
			await exitPromise;
			clearTimeout(timer);
		}
		return exited;
	}

	return {
		child,
		output: () => text,
		waitFor,
		stop,
		exited: exitPromise,
		isRunning: () => !exited,
	};
}

function tail(text, lines = 40) {
	return text.split('\n').slice(-lines).join('\n');
}

/**
 * fetch with a JSON body and a parsed answer: { status, headers, body, text }. Never throws on HTTP errors;
 * `timeoutMs` aborts.
 */
async function http(method, url, { body, headers = {}, timeoutMs = 30000, form } = {}) {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), timeoutMs);
	try {
		const init = { method, headers: { ...headers }, signal: controller.signal, redirect: 'manual' };
		if (form !== undefined) {
			init.body = new URLSearchParams(form).toString();
			init.headers['content-type'] = 'application/x-www-form-urlencoded';
		} else if (body !== undefined) {
			init.body = typeof body === 'string' ? body : JSON.stringify(body);
			init.headers['content-type'] = init.headers['content-type'] || 'application/json';
		}
		const res = await fetch(url, init);
		const text = await res.text();
		let parsed = text;
		try {
			parsed = text ? JSON.parse(text) : '';
		} catch {
			// not JSON: keep the text
		}
		return { status: res.status, headers: res.headers, body: parsed, text };
	} finally {
		clearTimeout(timer);
	}
}

/** Calls `fn` until it returns a truthy value (which is returned) or `timeoutMs` passes (then throws). */
async function waitUntil(fn, { timeoutMs = 30000, intervalMs = 250, what = 'condition' } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last;
	for (;;) {
		try {
			const value = await fn();
			if (value) return value;
		} catch (error) {
			last = error;
		}
		if (Date.now() > deadline) {
			throw new Error(
				`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`,
			);
		}
		await sleep(intervalMs);
	}
}

module.exports = { REPO, sleep, freePort, portInUse, run, startProcess, http, waitUntil, tail };
