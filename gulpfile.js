// Copies what tsc does not emit into dist/: icons, codex files (<Node>.node.json) and output schemas.
const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
		allowEmpty: true,
	}).pipe(dest('dist'));
}

function copyCodexAndSchemas() {
	return src(['nodes/**/*.node.json', 'nodes/**/__schema__/**/*.json'], {
		base: '.',
		allowEmpty: true,
	}).pipe(dest('dist'));
}

exports['build:assets'] = parallel(copyIcons, copyCodexAndSchemas);
