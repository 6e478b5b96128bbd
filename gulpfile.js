// Copies what tsc does not emit into dist/: icons, codex files (<Node>.node.json) and output schemas.
// scripts/build-private.sh builds into another folder with the same copy: `gulp build:assets --dist <folder>/dist`.
const fs = require('node:fs');
const path = require('node:path');
const { src, dest, parallel, series } = require('gulp');

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

/** The trigger's schemas are written once, for version 1.0.0: its versions differ in where the token lives only. */
const TRIGGER_SCHEMAS = path.join(DIST, 'nodes', 'MavibotTrigger', '__schema__');
const TRIGGER_SCHEMA_SOURCE = 'v1.0.0';

/**
 * Where n8n looks for a trigger version's schemas: `__schema__/v<version>/output.json` (its output-schema lookup, which
 * falls back to another version only within n8n 2.x) and `__schema__/v<version>.json` (the editor's /schemas route
 * for a node without resource and operation, n8n 1.x and 2.x alike, which does not fall back). So each version of the
 * trigger gets a copy at both places (the message events schema at the second, the default source).
 */
function triggerSchemasPerVersion(done) {
	const { MavibotTrigger } = require(
		path.resolve(DIST, 'nodes', 'MavibotTrigger', 'MavibotTrigger.node.js'),
	);
	const versions = [new MavibotTrigger().description.version].flat();
	const source = path.join(TRIGGER_SCHEMAS, TRIGGER_SCHEMA_SOURCE);
	for (const version of versions) {
		const folder = `v${String(version).split('.').concat(['0', '0']).slice(0, 3).join('.')}`;
		if (folder !== TRIGGER_SCHEMA_SOURCE)
			fs.cpSync(source, path.join(TRIGGER_SCHEMAS, folder), { recursive: true });
		fs.copyFileSync(path.join(source, 'output.json'), path.join(TRIGGER_SCHEMAS, `${folder}.json`));
	}
	done();
}

exports['build:assets'] = parallel(
	copyIcons,
	series(copyCodexAndSchemas, triggerSchemasPerVersion),
);
