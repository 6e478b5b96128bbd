/**
 * Checks of the node description as n8n loads it: every operation is reachable and described, names follow n8n's
 * conventions, and the README's operations table matches the node and the transport's action table.
 */
const fs = require('node:fs');
const path = require('node:path');
const { loadPackage } = require('./harness/n8n');

let description;
let resources;
let packageDir;
beforeAll(async () => {
	const pkg = await loadPackage();
	description = pkg.nodeTypes.getByNameAndVersion('n8n-nodes-mavibot.mavibot', 1).description;
	packageDir = pkg.packageDir;
	({ resources } = require(path.join(packageDir, 'dist/nodes/Mavibot/actions/resources')));
});

const operationProperty = (resource) =>
	description.properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);

test('the node is usable as an AI tool and every operation is in the router table', () => {
	expect(description.usableAsTool).toBe(true);
	const resourceProperty = description.properties.find((p) => p.name === 'resource');
	expect(resourceProperty.options.map((o) => o.value).sort()).toEqual(
		Object.keys(resources).sort(),
	);
	for (const [resource, operations] of Object.entries(resources)) {
		const property = operationProperty(resource);
		expect(property).toBeDefined();
		expect(property.options.map((o) => o.value).sort()).toEqual(Object.keys(operations).sort());
	}
});

// registry.test.js applies n8n's lint rules (casing, sorting…) to the built dropdowns; here: nothing is missing.
test('every operation has an action and a description', () => {
	for (const resource of Object.keys(resources)) {
		for (const option of operationProperty(resource).options) {
			expect(option.action).toMatch(/^[A-Z]/);
			expect(option.description).toEqual(expect.any(String));
		}
	}
});

test('every field of every operation has a description or is self-explanatory', () => {
	const undocumented = description.properties
		.filter((p) => !['resource', 'operation', 'notice'].includes(p.name) && p.type !== 'notice')
		.filter((p) => !p.description && !['collection', 'fixedCollection'].includes(p.type))
		.map(
			(p) => `${p.displayOptions?.show?.resource}/${p.displayOptions?.show?.operation}: ${p.name}`,
		);
	expect(undocumented).toEqual([]);
});

test("the README's operations table lists every operation once, with its action and the permission it needs", () => {
	const { MAVIBOT_ACTIONS, PERMISSION_LABELS } = require(
		path.join(packageDir, 'dist/nodes/Mavibot/transport/actions'),
	);
	const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
	const rows = [...readme.matchAll(/^\| ([^|]+) \| ([^|]+) \| `([a-z_]+)` \| ([^|]+) \|$/gm)].map(
		(m) => ({
			resource: m[1].trim(),
			operation: m[2].trim(),
			action: m[3],
			permission: m[4].trim(),
		}),
	);
	const resourceNames = Object.fromEntries(
		description.properties.find((p) => p.name === 'resource').options.map((o) => [o.name, o.value]),
	);
	// Operations that make no API request (File → Download) have "—" for the action and "none" for the permission.
	const withoutApi = [...readme.matchAll(/^\| ([^|]+) \| ([^|]+) \| — \| none \|$/gm)].map((m) => ({
		resource: m[1].trim(),
		operation: m[2].trim(),
	}));
	for (const row of withoutApi) {
		expect(operationProperty(resourceNames[row.resource]).options.map((o) => o.name)).toContain(
			row.operation,
		);
	}
	const listed = [...new Set(rows.map((row) => row.action))];
	expect(new Set(rows.map((row) => `${row.resource} → ${row.operation}`)).size).toBe(rows.length);
	for (const row of rows) {
		const resource = resourceNames[row.resource];
		expect(resource).toBeDefined();
		expect(operationProperty(resource).options.map((o) => o.name)).toContain(row.operation);
		const expected = PERMISSION_LABELS[MAVIBOT_ACTIONS[row.action].permission].replace(
			/^Permission to /,
			'',
		);
		expect(`${row.action}: ${row.permission}`).toBe(`${row.action}: ${expected}`);
	}
	// Every operation of the node appears in the table.
	const operationCount = Object.values(resources).reduce(
		(sum, ops) => sum + Object.keys(ops).length,
		0,
	);
	expect(rows.length + withoutApi.length).toBe(operationCount);
	// …and every action of the API (1–42 of the reference) has its operation.
	expect(listed.sort()).toEqual(Object.keys(MAVIBOT_ACTIONS).sort());
});
