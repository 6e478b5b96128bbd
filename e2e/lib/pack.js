'use strict';
// Packs the package the way it is published (`npm pack`) and installs the tarball the way n8n installs a community
// package (Settings → Community Nodes): into <user folder>/.n8n/nodes/node_modules/n8n-nodes-mavibot (node types
// `n8n-nodes-mavibot.<node>`).

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO, run } = require('./util');

const PACKAGE_NAME = require(path.join(REPO, 'package.json')).name;

/**
 * Builds (unless told to use the repository's dist/) and packs. Returns { tarball, ms, files }.
 * - build 'private' (the default): `scripts/build-private.sh <tmp>` (the same steps as `npm run build`) and pack
 *   that folder, so the dist/ of a checkout other people work in is left alone;
 * - build 'repo': pack the repository as it is (dist/ built by `npm run build`).
 * No environment variable changes the choice: CI packs what a user's run packs.
 */
async function packPackage({ build = 'private', workDir } = {}) {
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

// n8n 1.123 and 2.41 install a community package (CommunityPackagesService.downloadPackage) with these npm flags, in
// the package's own folder, after removing its devDependencies, peerDependencies and optionalDependencies.
const N8N_NPM_INSTALL_ARGS = [
	'install',
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

/**
 * Installs the tarball the way n8n's community-package installer does, with the tarball standing in for the
 * registry: in <userFolder>/.n8n/nodes, `npm pack <tarball>` (n8n: `npm pack <name>@<version>`), the tarball
 * extracted into node_modules/<name>, the dev, peer and optional dependencies removed from its package.json, `npm
 * install` with n8n's flags in that folder, and the version recorded in .n8n/nodes/package.json. `env` is the
 * environment n8n would run npm in (its PATH decides which node runs npm).
 */
async function installTarball(tarball, userFolder, { env = process.env } = {}) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	const ledger = path.join(nodesDir, 'package.json');
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	if (!fs.existsSync(ledger))
		fs.writeFileSync(
			ledger,
			`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`,
		);
	const npm = async (args, cwd) => {
		const result = await run('npm', args, { cwd, env, timeoutMs: 120000 });
		if (result.code !== 0)
			throw new Error(
				`npm ${args.join(' ')} in ${cwd} failed (code ${result.code}):\n${result.stderr}`,
			);
		return result.stdout;
	};
	const packed = (await npm(['pack', path.resolve(tarball), '--quiet'], nodesDir)).trim();
	try {
		const extracted = await run('tar', ['-xzf', packed, '-C', target, '--strip-components=1'], {
			cwd: nodesDir,
			timeoutMs: 60000,
		});
		if (extracted.code !== 0) throw new Error(`tar failed: ${extracted.stderr}`);
		const manifestFile = path.join(target, 'package.json');
		const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
		for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies'])
			delete manifest[field];
		fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2), 'utf8');
		await npm(N8N_NPM_INSTALL_ARGS, target);
		const installed = JSON.parse(fs.readFileSync(ledger, 'utf8'));
		installed.dependencies = { ...installed.dependencies, [PACKAGE_NAME]: manifest.version };
		fs.writeFileSync(ledger, JSON.stringify(installed, null, 2), 'utf8');
	} finally {
		fs.rmSync(path.join(nodesDir, packed), { force: true });
	}
	return target;
}

module.exports = { PACKAGE_NAME, packPackage, installTarball };
