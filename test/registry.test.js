/**
 * The operation registry is complete: what CONTRIBUTING's "Adding an action" asks for is checked here, and a missing
 * step fails with a message that says what to add and where. (A missing transport entry or `option` fails to compile
 * instead.)
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
// MAVIBOT_PACKAGE_DIR: a package built elsewhere (scripts/build-private.sh), as in test/harness/n8n.js.
const PACKAGE_DIR = process.env.MAVIBOT_PACKAGE_DIR ?? ROOT;
const ACTIONS_DIR = path.join(PACKAGE_DIR, 'dist/nodes/Mavibot/actions');
const { resources, resourceOptions } = require(path.join(ACTIONS_DIR, 'resources'));
const { MAVIBOT_ACTIONS, PERMISSION_LABELS } = require(
	path.join(PACKAGE_DIR, 'dist/nodes/Mavibot/transport/actions'),
);

const operationFiles = () =>
	fs
		.readdirSync(ACTIONS_DIR, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.flatMap((dir) =>
			fs
				.readdirSync(path.join(ACTIONS_DIR, dir.name))
				.filter((file) => file.endsWith('.operation.js'))
				.map((file) => ({ resource: dir.name, file: file.replace(/\.js$/, '') })),
		);

const operationOptions = (resource) =>
	require(path.join(ACTIONS_DIR, resource)).description.find(
		(property) => property.name === 'operation',
	).options;

test('every operation file is registered in its resource', () => {
	const missing = operationFiles()
		.filter(({ resource, file }) => {
			const module = require(path.join(ACTIONS_DIR, resource, file));
			return !Object.values(resources[resource] ?? {}).includes(module);
		})
		.map(
			({ resource, file }) =>
				`actions/${resource}/${file}.ts is not registered: import it in actions/${resource}/index.ts and add it to the list given to defineResource()`,
		);
	expect(missing).toEqual([]);
});

/**
 * The Operation dropdowns are built from the operation files (actions/defineResource.ts), so n8n's lint never sees
 * them: lint what is built, as source, with the rules of eslint-plugin-n8n-nodes-base that `n8n-node lint` runs on
 * nodes (sentence-case `action`, Title Case `name`, options sorted by name, no duplicate name or value, an `action`
 * on every option, a default among the options…).
 */
test("the built Operation dropdowns pass n8n's lint rules", () => {
	const { Linter } = require('eslint');
	const n8nNodesBase = require('eslint-plugin-n8n-nodes-base');
	const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
	const asSource = (value, indent = '') => {
		const inner = `${indent}\t`;
		if (Array.isArray(value))
			return `[\n${value.map((v) => inner + asSource(v, inner)).join(',\n')}\n${indent}]`;
		if (value && typeof value === 'object') {
			const entries = Object.entries(value).map(
				([k, v]) => `${inner}${key(k)}: ${asSource(v, inner)}`,
			);
			return `{\n${entries.join(',\n')}\n${indent}}`;
		}
		return JSON.stringify(value);
	};
	const problems = [];
	for (const resource of Object.keys(resources)) {
		const property = require(path.join(ACTIONS_DIR, resource)).description.find(
			(p) => p.name === 'operation',
		);
		const code = `export const operation = ${asSource(property)};\n`;
		const messages = new Linter({ configType: 'flat' }).verify(
			code,
			[{ plugins: { 'n8n-nodes-base': n8nNodesBase }, rules: n8nNodesBase.configs.nodes.rules }],
			`nodes/Mavibot/actions/${resource}/index.js`,
		);
		for (const { ruleId, message, line } of messages) {
			problems.push(
				`actions/${resource}: ${ruleId}: ${message} (at: ${code.split('\n')[line - 1].trim()}); fix the \`option\` of the operation file, or the default in actions/${resource}/index.ts`,
			);
		}
		// The rule asks for sorted options only from five on; defineResource sorts them always.
		const names = property.options.map((option) => option.name);
		if (names.join('|') !== [...names].sort((a, b) => a.localeCompare(b)).join('|'))
			problems.push(`actions/${resource}: options not sorted by name: ${names.join(' | ')}`);
	}
	expect(problems).toEqual([]);
});

test('every operation has its row in the README operations table', () => {
	const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const rows = new Set(
		[...readme.matchAll(/^\| ([^|]+) \| ([^|]+) \| (?:`[a-z_]+`|—) \| [^|]+ \|$/gm)].map(
			(m) => `${m[1].trim()} | ${m[2].trim()}`,
		),
	);
	const missing = [];
	for (const { name: resourceName, value: resource } of resourceOptions) {
		for (const option of operationOptions(resource)) {
			if (rows.has(`${resourceName} | ${option.name}`)) continue;
			// The API action is the action-table name the operation's source mentions.
			const source = fs.readFileSync(
				path.join(ROOT, 'nodes/Mavibot/actions', resource, `${option.value}.operation.ts`),
				'utf8',
			);
			const action = Object.keys(MAVIBOT_ACTIONS).find((name) => source.includes(`'${name}'`));
			// An operation that sends no API request (File → Download) gets "—" and "none".
			const permission = action
				? PERMISSION_LABELS[MAVIBOT_ACTIONS[action].permission].replace(/^Permission to /, '')
				: 'none';
			missing.push(
				`README.md, Operations table: add | ${resourceName} | ${option.name} | ${action ? `\`${action}\`` : '—'} | ${permission} |`,
			);
		}
	}
	expect(missing).toEqual([]);
});

/** The action tests: test/actions.<resource>.test.js, or actions.<resource>.<operation>.test.js for a big one. */
test('every operation has its test, under describe("<Resource> → <Operation>")', () => {
	const missing = [];
	for (const { name: resourceName, value: resource } of resourceOptions) {
		for (const option of operationOptions(resource)) {
			const title = `${resourceName} → ${option.name}`;
			const files = [`actions.${resource}.test.js`, `actions.${resource}.${option.value}.test.js`];
			const found = files.some((file) => {
				const test = path.join(ROOT, 'test', file);
				if (!fs.existsSync(test)) return false;
				const source = fs.readFileSync(test, 'utf8');
				return [`describe('${title}'`, `describe('${title} (`].some((start) =>
					source.includes(start),
				);
			});
			if (!found) {
				missing.push(
					`test/${files[0]}: add describe('${title}', …) with tests that run the operation against the sandbox (exact request, output items)`,
				);
			}
		}
	}
	expect(missing).toEqual([]);
});

test('the sandbox answers every action of the transport table', () => {
	const { ACTIONS } = require(path.join(ROOT, 'test/sandbox/handlers'));
	const missing = Object.keys(MAVIBOT_ACTIONS)
		.filter((action) => !ACTIONS[action])
		.map(
			(action) =>
				`test/sandbox/handlers/<group>.js: add ${action}: { method, permission, handle(ctx) } (the sandbox answers 404 without it)`,
		);
	const unknown = Object.keys(ACTIONS)
		.filter((action) => !MAVIBOT_ACTIONS[action])
		.map(
			(action) => `test/sandbox/handlers: ${action} is not in nodes/Mavibot/transport/actions.ts`,
		);
	expect([...missing, ...unknown]).toEqual([]);
});
