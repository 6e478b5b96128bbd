#!/usr/bin/env node
'use strict';
// `npm run scan`: n8n's community-package scanner (@n8n/scan-community-package) on this package before it is
// published. Its CLI only scans a version on npm; here its own analysis runs on what that CLI would fetch:
//   - the tarball (`npm pack`, unpacked): the scanner lints its **/*.js and package.json;
//   - the source: package.json and {nodes,credentials}/**/*.{js,ts,json} of this checkout (the CLI downloads the
//     GitHub commit named in the npm provenance; CI scans a clean clone of that commit).
// The scanner passes a package with warnings; this script fails on any error or warning.
// Not checked here: npm provenance (a published version gets it from .github/workflows/publish.yml).

const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');
const { packPackage } = require('../e2e/lib/pack');
const { REPO, run } = require('../e2e/lib/util');

const SCANNER = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
const scannerRequire = createRequire(SCANNER); // the ESLint and fast-glob the scanner itself uses
const TARBALL_PATTERNS = ['**/*.js', 'package.json']; // the scanner's own choice for the published tarball

/** The scanner's verdict, and every finding (its verdict only counts errors; warnings are dropped there). */
async function scanFolder(scanner, label, dir, patterns) {
	const verdict = await scanner.analyzePackage(dir, patterns);
	const { ESLint } = scannerRequire('eslint');
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scanner.buildScanConfig(),
	});
	const files = scannerRequire('fast-glob').sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const results = await eslint.lintFiles(files);
	const count = (key) => results.reduce((sum, r) => sum + r[key], 0);
	const errors = count('errorCount');
	const warnings = count('warningCount');
	console.log(
		`${label}: ${files.length} files, ${errors} errors, ${warnings} warnings (scanner verdict: ${verdict.passed ? 'passed' : `failed, ${verdict.message}`})`,
	);
	if (errors || warnings) console.log((await eslint.loadFormatter('stylish')).format(results));
	return { passed: verdict.passed && !errors && !warnings, errors, warnings };
}

async function main() {
	const scanner = await import(SCANNER);
	const packed = await packPackage();
	const unpacked = path.join(packed.workDir, 'package');
	fs.mkdirSync(unpacked, { recursive: true });
	const untar = await run('tar', ['-xzf', packed.tarball, '-C', unpacked, '--strip-components=1']);
	if (untar.code !== 0) throw new Error(`tar failed: ${untar.stderr}`);

	const { name, version } = require(path.join(unpacked, 'package.json'));
	const found = [
		await scanFolder(
			scanner,
			`tarball ${path.basename(packed.tarball)}`,
			unpacked,
			TARBALL_PATTERNS,
		),
		await scanFolder(scanner, 'source', REPO, scanner.SOURCE_FILE_PATTERNS),
	];
	fs.rmSync(packed.workDir, { recursive: true, force: true });
	const errors = found.reduce((sum, f) => sum + f.errors, 0);
	const warnings = found.reduce((sum, f) => sum + f.warnings, 0);
	const passed = found.every((f) => f.passed);
	console.log(
		`${passed ? '✅' : '❌'} scan ${name}@${version}: ${errors} errors, ${warnings} warnings; ` +
			`@n8n/scan-community-package analysis ${passed ? 'passed' : 'failed'} (provenance is not checked before publishing)`,
	);
	process.exit(passed ? 0 : 1);
}

main().catch((error) => {
	console.error(`❌ scan could not run: ${error.message}`);
	process.exit(1);
});
