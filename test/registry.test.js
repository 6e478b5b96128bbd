/**
 * The operation registry is complete: what CONTRIBUTING's "Adding an action" asks for is checked here, and a missing
 * step fails with a message that says what to add and where. (A missing transport entry fails to compile instead.)
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
				`actions/${resource}/${file}.ts is not registered: import it in actions/${resource}/index.ts and add it to \`operations\` under its operation value`,
		);
	expect(missing).toEqual([]);
});

test("every registered operation has an option in its resource's Operation list, and the other way round", () => {
	const problems = [];
	for (const resource of Object.keys(resources)) {
		const values = operationOptions(resource).map((option) => option.value);
		for (const operation of Object.keys(resources[resource])) {
			if (!values.includes(operation)) {
				problems.push(
					`actions/${resource}/index.ts: add an option { name, value: '${operation}', action, description } to the Operation property (options sorted by name)`,
				);
			}
		}
		for (const value of values) {
			if (!resources[resource][value]) {
				problems.push(
					`actions/${resource}/index.ts: the option '${value}' has no entry in \`operations\``,
				);
			}
		}
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
