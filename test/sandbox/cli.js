#!/usr/bin/env node
'use strict';
// node test/sandbox/cli.js --port 18765 [--seed demo] [--latency 0] [--rate-limit 20] [--clients 50000]
//                          [--bad-key-status 401]

const { createSandbox } = require('./server');
const { KEYS } = require('./state');

function parseArgs(argv) {
	const args = {};
	for (let i = 0; i < argv.length; i++) {
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!m) throw new Error(`Unexpected argument ${argv[i]}`);
		args[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
		if (args[m[1]] === undefined) throw new Error(`--${m[1]} needs a value`);
	}
	return args;
}

function number(value, name) {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`);
	return n;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const rateLimit = number(args['rate-limit'], 'rate-limit');
	const sandbox = createSandbox({
		seed: args.seed || 'default',
		latencyMs: number(args.latency, 'latency') || 0,
		rateLimit: rateLimit ? { perSecond: rateLimit } : undefined,
		clients: number(args.clients, 'clients') || 0,
		badKeyHttpStatus: number(args['bad-key-status'], 'bad-key-status'),
	});
	const { url } = await sandbox.start(number(args.port, 'port') || 0);
	console.log(`Mavibot sandbox listening on ${url} (keys: ${Object.values(KEYS).join(', ')})`);
	let stopping = false;
	const shutdown = () => {
		if (stopping) return;
		stopping = true;
		sandbox.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((err) => {
	console.error(`Mavibot sandbox: ${err.message}`);
	process.exit(1);
});
