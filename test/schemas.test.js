/**
 * Output schemas (nodes/<Node>/__schema__/v<version>/…): n8n's editor shows them in the Schema view before a node has
 * run, and expressions and AI tools learn an operation's output from them. Every operation of the node has a schema,
 * and the real output of every case in test/schemas/cases.js (run through n8n's engine against the sandbox) must
 * conform to it, strictly: a field the schema does not declare fails, as does a required field that is missing. So a
 * renamed, removed or added output field fails here until the schema says the same.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const { loadPackage } = require('./harness/n8n');
const { useSandbox } = require('./harness/sandbox');
const { validate } = require('./harness/jsonSchema');
const { TRIGGER_CASES, allCases, schemaFile } = require('./schemas/cases');
const { runCase, runTriggerCase } = require('./schemas/outputs');

const ROOT = path.resolve(__dirname, '..');
const SOURCE_DIR = path.join(ROOT, 'nodes', 'Mavibot', '__schema__', 'v1.0.0');
const DIST_DIR = path.join(ROOT, 'dist', 'nodes', 'Mavibot', '__schema__', 'v1.0.0');
const TRIGGER_DIR = path.join(ROOT, 'nodes', 'MavibotTrigger', '__schema__', 'v1.0.0');
const TRIGGER_DIST_DIR = path.join(ROOT, 'dist', 'nodes', 'MavibotTrigger', '__schema__', 'v1.0.0');

const env = useSandbox();
const cases = allCases();
const readSchema = (file, dir = SOURCE_DIR) =>
	JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));

function filesUnder(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { recursive: true })
		.filter((file) => file.endsWith('.json'))
		.map((file) => file.split(path.sep).join('/'))
		.sort();
}

/** resource/operation of every operation the node offers, from its description as n8n loads it. */
async function nodeOperations() {
	const pkg = await loadPackage();
	const { properties } = pkg.nodeTypes.getByNameAndVersion(
		'n8n-nodes-mavibot.mavibot',
		1,
	).description;
	return properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			property.displayOptions.show.resource.flatMap((resource) =>
				property.options.map(({ value }) => `${resource}/${value}`),
			),
		)
		.sort();
}

describe('output schemas of the Mavibot node', () => {
	test('every operation has cases and a schema; every schema file belongs to a case', async () => {
		const operations = await nodeOperations();
		expect(operations.length).toBeGreaterThanOrEqual(43);
		const withCases = new Set(cases.map(({ resource, operation }) => `${resource}/${operation}`));
		expect(
			operations
				.filter((operation) => !withCases.has(operation))
				.map(
					(operation) =>
						`test/schemas/cases.js: add a case for ${operation}; then \`npm run build && node test/schemas/write.js\` writes its schema`,
				),
		).toEqual([]);
		expect([...withCases].sort()).toEqual(operations);
		expect(filesUnder(SOURCE_DIR)).toEqual([...new Set(cases.map(schemaFile))].sort());
	});

	test.each(cases.map((testCase, index) => [schemaFile(testCase), index, testCase]))(
		'%s describes the output of case %i',
		async (file, _index, testCase) => {
			const schema = readSchema(file);
			const items = await runCase(env, testCase);
			expect(items.length).toBeGreaterThan(0);
			const problems = items.flatMap((item, index) => validate(schema, item, `item ${index}`));
			expect(problems).toEqual([]);
		},
	);

	test('the validator is strict: a renamed field, a wrong type and a missing required field are reported', () => {
		const schema = readSchema('clientSearch/findByPhone.json');
		expect(validate(schema, { found: true, client_id: 1002, phone: '79991234567' })).toEqual([]);
		expect(validate(schema, { found: true, clientId: 1002, phone: '79991234567' })).toEqual([
			'$.client_id: is missing (required)',
			'$.clientId: is not declared in the schema',
		]);
		expect(validate(schema, { found: 'yes', client_id: null, phone: '7' })).toEqual([
			'$.found: is string, the schema says boolean',
		]);
	});
});

describe('output schemas of the Mavibot Trigger', () => {
	test('both event sources have a schema, and every schema file belongs to a case', () => {
		expect(filesUnder(TRIGGER_DIR)).toEqual(['output.blockRequests.json', 'output.json']);
		expect([...new Set(TRIGGER_CASES.map(({ file }) => file))].sort()).toEqual(
			filesUnder(TRIGGER_DIR),
		);
	});

	test.each(TRIGGER_CASES.map((testCase, index) => [testCase.file, index, testCase]))(
		'%s describes the output of trigger case %i',
		async (file, index, testCase) => {
			const items = await runTriggerCase(env.sandbox, testCase, index);
			expect(items.length).toBeGreaterThan(0);
			const schema = readSchema(file, TRIGGER_DIR);
			expect(items.flatMap((item, at) => validate(schema, item, `item ${at}`))).toEqual([]);
		},
	);
});

test('the build copies the schemas into dist/ and the package ships them', () => {
	const pairs = [
		[SOURCE_DIR, DIST_DIR, 'dist/nodes/Mavibot/__schema__/v1.0.0'],
		[TRIGGER_DIR, TRIGGER_DIST_DIR, 'dist/nodes/MavibotTrigger/__schema__/v1.0.0'],
	];
	const expected = [];
	for (const [source, dist, packed] of pairs) {
		const files = filesUnder(source);
		expect(filesUnder(dist)).toEqual(files);
		for (const file of files) {
			expect(fs.readFileSync(path.join(dist, file), 'utf8')).toBe(
				fs.readFileSync(path.join(source, file), 'utf8'),
			);
		}
		expected.push(...files.map((file) => `${packed}/${file}`));
	}
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: ROOT,
			encoding: 'utf8',
		}),
	);
	const shipped = pack.files
		.map((file) => file.path)
		.filter((file) => file.includes('/__schema__/'));
	expect(shipped.sort()).toEqual(expected.sort());
});
