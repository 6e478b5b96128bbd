'use strict';
/**
 * Bundles each node and credential that package.json's "n8n" section lists into one file (n8n-workflow stays
 * external: n8n provides it). Usage: `node scripts/bundle.js [packageDir]` (default: this repository; the bundles go
 * to <packageDir>/dist). n8n then loads one file per node instead of about a hundred small modules, which
 * keeps the package's cold load time and its tarball small. tsc has already type-checked and emitted dist/; the
 * bundles replace the entry files there.
 */
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const target = path.resolve(process.argv[2] ?? root);
const { n8n } = require(path.join(root, 'package.json'));

const entries = [...n8n.nodes, ...n8n.credentials].map((built) => ({
	in: path.join(root, built.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
	out: path.join(target, built.replace(/\.js$/, '')),
}));

esbuild
	.build({
		entryPoints: entries,
		outdir: target,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		external: ['n8n-workflow'],
		keepNames: true,
		legalComments: 'none',
		logLevel: 'warning',
	})
	.catch(() => process.exit(1));
