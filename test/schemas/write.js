#!/usr/bin/env node
/**
 * Writes a first version of the output schemas of the Mavibot node from the real outputs of the cases in cases.js:
 *
 *   npm run build && node test/schemas/write.js [--force]
 *
 * Only missing files are written unless --force is given. The written files are a starting point: read them, and keep
 * them in git; test/schemas.test.js then checks every case's output against them.
 */
const fs = require('node:fs');
const path = require('node:path');
const prettier = require('prettier');

const { startSandbox } = require('../harness/sandbox');
const { shutdownN8n } = require('../harness/n8n');
const { infer } = require('../harness/jsonSchema');
const { MAPS, TRIGGER_CASES, allCases, schemaFile } = require('./cases');
const { runCase, runTriggerCase } = require('./outputs');

const NODES_DIR = path.resolve(__dirname, '..', '..', 'nodes');
const SCHEMA_DIRS = {
	mavibot: path.join(NODES_DIR, 'Mavibot', '__schema__', 'v1.0.0'),
	trigger: path.join(NODES_DIR, 'MavibotTrigger', '__schema__', 'v1.0.0'),
};

/** Replaces the inferred schema at each map path by an open object. */
function openMaps(schema, paths) {
	for (const mapPath of paths) {
		const names = mapPath.split('.').slice(1);
		let parent = null;
		let node = schema;
		for (const name of names) [parent, node] = [node, node.properties[name]];
		const open = { type: node.type, additionalProperties: true };
		if (parent) parent.properties[names.at(-1)] = open;
		else {
			delete node.properties;
			delete node.required;
			Object.assign(node, open);
		}
	}
	return schema;
}

async function main() {
	const force = process.argv.includes('--force');
	const env = await startSandbox();
	const samples = new Map(); // "<node>:<file>" → output items
	const add = (key, items) => samples.set(key, [...(samples.get(key) ?? []), ...items]);
	try {
		for (const testCase of allCases())
			add(`mavibot:${schemaFile(testCase)}`, await runCase(env, testCase));
		for (const [index, testCase] of TRIGGER_CASES.entries()) {
			add(`trigger:${testCase.file}`, await runTriggerCase(env.sandbox, testCase, index));
		}
	} finally {
		await env.stop();
		await shutdownN8n();
	}
	for (const [key, items] of samples) {
		const [node, file] = key.split(':');
		const target = path.join(SCHEMA_DIRS[node], file);
		if (fs.existsSync(target) && !force) continue;
		const mapsKey = node === 'trigger' ? `trigger/${file}` : file;
		const schema = openMaps(infer(items), MAPS[mapsKey.replace(/\.json$/, '')] ?? []);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		// Formatted as the rest of the tree (.prettierrc.js), so that lint:all's Prettier check passes as written.
		const options = await prettier.resolveConfig(target);
		fs.writeFileSync(
			target,
			await prettier.format(JSON.stringify(schema), { ...options, filepath: target }),
		);
		console.log(`wrote ${path.relative(process.cwd(), target)}`);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
