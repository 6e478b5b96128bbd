'use strict';
// Debian's PostgreSQL and Redis for n8n's queue mode, each started by this run on 127.0.0.1 in a temporary folder
// and stopped by its PID. `bash e2e/install.sh queue` installs them (apt-get) when they are missing.
//
// PostgreSQL refuses to run as root: when this runs as root (CI), initdb and postgres run as the `postgres` user
// (Node's spawn with uid/gid), on a cluster in a folder that user owns.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { freePort, run, startProcess } = require('./util');

const DB_USER = 'n8n';
const DB_NAME = 'n8n';

/** The folder of Debian's PostgreSQL server binaries (newest version), or undefined. */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
	versions.sort((a, b) => Number(b) - Number(a));
	const dir = versions
		.map((v) => path.join(root, v, 'bin'))
		.find((d) => fs.existsSync(path.join(d, 'initdb')));
	return dir;
}

function redisBin() {
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((f) => fs.existsSync(f));
}

/** What is missing to run queue mode here ('' when nothing). */
function servicesMissing() {
	const missing = [];
	if (!postgresBinDir()) missing.push('postgresql');
	if (!redisBin()) missing.push('redis-server');
	return missing.length
		? `${missing.join(' and ')} not installed: run bash e2e/install.sh queue`
		: '';
}

/** uid/gid to run PostgreSQL with: the `postgres` user when we are root, ourselves otherwise. */
function postgresIdentity() {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
	const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
	return { uid, gid };
}

/**
 * A fresh PostgreSQL cluster in a temp folder, listening on 127.0.0.1 only (no Unix socket), trust authentication,
 * with a database `n8n` owned by the superuser `n8n`. Durability is off: the cluster lives for one run.
 * Resolves { host, port, user, database, pid, stop() }.
 */
async function startPostgres() {
	const bin = postgresBinDir();
	if (!bin) throw new Error(servicesMissing());
	const identity = postgresIdentity();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mavibot-e2e-pg-'));
	const data = path.join(dir, 'data');
	if (identity.uid !== undefined) fs.chownSync(dir, identity.uid, identity.gid);
	const asPostgres = { ...identity, cwd: dir };
	const initdb = await run(
		path.join(bin, 'initdb'),
		['-D', data, '-U', DB_USER, '--auth=trust', '-E', 'UTF8', '--no-sync'],
		{
			spawnOptions: asPostgres,
			timeoutMs: 120000,
		},
	);
	if (initdb.code !== 0)
		throw new Error(`initdb failed (${initdb.code}):\n${initdb.stdout}${initdb.stderr}`);
	const port = await freePort();
	const settings = {
		listen_addresses: '127.0.0.1',
		unix_socket_directories: '',
		fsync: 'off',
		synchronous_commit: 'off',
		full_page_writes: 'off',
		max_connections: '200',
	};
	const args = [
		'-D',
		data,
		'-p',
		String(port),
		...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
	];
	const proc = startProcess(path.join(bin, 'postgres'), args, {
		name: 'postgres',
		spawnOptions: asPostgres,
	});
	await proc.waitFor(/database system is ready to accept connections/, 60000);
	const created = await run(
		path.join(bin, 'createdb'),
		['-h', '127.0.0.1', '-p', String(port), '-U', DB_USER, DB_NAME],
		{ timeoutMs: 30000 },
	);
	if (created.code !== 0) throw new Error(`createdb failed: ${created.stderr}`);
	return {
		host: '127.0.0.1',
		port,
		user: DB_USER,
		database: DB_NAME,
		pid: proc.child.pid,
		process: proc,
		/** Runs SQL with psql; resolves the rows as arrays of strings (tab-separated fields). */
		async query(sql) {
			const result = await run(
				path.join(bin, 'psql'),
				[
					'-h',
					'127.0.0.1',
					'-p',
					String(port),
					'-U',
					DB_USER,
					'-d',
					DB_NAME,
					'-AtF',
					'\t',
					'-v',
					'ON_ERROR_STOP=1',
					'-c',
					sql,
				],
				{ timeoutMs: 60000 },
			);
			if (result.code !== 0) throw new Error(`psql failed: ${result.stderr}`);
			return result.stdout
				.split('\n')
				.filter(Boolean)
				.map((line) => line.split('\t'));
		},
		async stop() {
			// SIGINT is PostgreSQL's "fast" shutdown: it ends the sessions left over instead of waiting for them.
			if (proc.isRunning()) proc.child.kill('SIGINT');
			await proc.stop(15000);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** A Redis server on 127.0.0.1 with persistence off. Resolves { host, port, pid, stop() }. */
async function startRedis() {
	const bin = redisBin();
	if (!bin) throw new Error(servicesMissing());
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mavibot-e2e-redis-'));
	const port = await freePort();
	const args = [
		'--bind',
		'127.0.0.1',
		'--port',
		String(port),
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dir,
		'--daemonize',
		'no',
	];
	const proc = startProcess(bin, args, { name: 'redis-server' });
	await proc.waitFor(/Ready to accept connections/, 30000);
	return {
		host: '127.0.0.1',
		port,
		pid: proc.child.pid,
		process: proc,
		async stop() {
			await proc.stop(10000);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

module.exports = { startPostgres, startRedis, servicesMissing };
