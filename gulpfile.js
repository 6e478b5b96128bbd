// Copies what tsc does not emit into dist/: icons, codex files (<Node>.node.json) and output schemas.
// scripts/build-private.sh builds into another folder with the same copy: `gulp build:assets --dist <folder>/dist`.
const { src, dest, parallel } = require('gulp');

const flag = process.argv.indexOf('--dist');
const DIST = flag > 0 ? process.argv[flag + 1] : 'dist';

function copyIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
		allowEmpty: true,
	}).pipe(dest(DIST));
}

function copyCodexAndSchemas() {
	return src(['nodes/**/*.node.json', 'nodes/**/__schema__/**/*.json'], {
		base: '.',
		allowEmpty: true,
	}).pipe(dest(DIST));
}

exports['build:assets'] = parallel(copyIcons, copyCodexAndSchemas);
