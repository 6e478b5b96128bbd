'use strict';
// Packs the package the way it is published (`npm pack`) and installs the tarball where n8n loads community
// packages: <user folder>/.n8n/nodes/node_modules/n8n-nodes-mavibot (node types `n8n-nodes-mavibot.<node>`).

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO, run } = require('./util');

const PACKAGE_NAME = require(path.join(REPO, 'package.json')).name;

/**
 * Builds (unless told to use the repository's dist/) and packs. Returns { tarball, ms, files }.
 * - build 'repo': pack the repository as it is (dist/ built by `npm run build`, as in CI);
 * - build 'private' (default outside CI): `scripts/build-private.sh <tmp>` and pack that folder, so the shared
 *   dist/ of a checkout other people work in is left alone.
 */
async function packPackage({ build = process.env.CI ? 'repo' : 'private', workDir } = {}) {
	const started = Date.now();
	const dir = workDir || fs.mkdtempSync(path.join(os.tmpdir(), 'mavibot-pack-'));
	fs.mkdirSync(dir, { recursive: true });
	let source = REPO;
	if (build === 'private') {
		source = path.join(dir, 'build');
		const built = await run('bash', [path.join(REPO, 'scripts', 'build-private.sh'), source], {
			timeoutMs: 300000,
		});
		if (built.code !== 0)
			throw new Error(
				`Private build failed (code ${built.code}):\n${built.stdout}\n${built.stderr}`,
			);
		for (const file of ['README.md', 'LICENSE']) {
			if (fs.existsSync(path.join(REPO, file)))
				fs.copyFileSync(path.join(REPO, file), path.join(source, file));
		}
	} else if (!fs.existsSync(path.join(REPO, 'dist', 'nodes'))) {
		throw new Error('dist/ is missing: run `npm run build` first (or pack with build: "private")');
	}
	const packed = await run(
		'npm',
		['pack', source, '--pack-destination', dir, '--json', '--ignore-scripts'],
		{
			timeoutMs: 120000,
		},
	);
	if (packed.code !== 0)
		throw new Error(`npm pack failed (code ${packed.code}):\n${packed.stderr}`);
	const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')))[0];
	return {
		tarball: path.join(dir, info.filename),
		files: info.files.map((f) => f.path),
		ms: Date.now() - started,
		workDir: dir,
		sourceDir: source,
	};
}

/**
 * Extracts the tarball into <userFolder>/.n8n/nodes/node_modules/<name> and records it in .n8n/nodes/package.json,
 * the way n8n's community-package installer leaves it. The package has no runtime dependencies; n8n-workflow (its
 * peer) is n8n's own.
 */
async function installTarball(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	const extracted = await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], {
		timeoutMs: 60000,
	});
	if (extracted.code !== 0) throw new Error(`tar failed: ${extracted.stderr}`);
	const version = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8')).version;
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: version } }, null, 2)}\n`,
	);
	return target;
}

module.exports = { PACKAGE_NAME, packPackage, installTarball };
