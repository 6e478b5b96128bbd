/**
 * The trigger's event sources are complete: each folder in nodes/MavibotTrigger/sources/ is one source, named by its
 * "Trigger On" value, and registered in the table of sources/index.ts (CONTRIBUTING, "Changing the trigger"). A
 * missing step fails with a message that says what to add and where.
 */
const fs = require('node:fs');
const path = require('node:path');

const PACKAGE_DIR = process.env.MAVIBOT_PACKAGE_DIR ?? path.resolve(__dirname, '..');
const TRIGGER_DIR = path.join(PACKAGE_DIR, 'dist/nodes/MavibotTrigger');
const SOURCES_DIR = path.join(TRIGGER_DIR, 'sources');
const { MavibotTrigger } = require(path.join(TRIGGER_DIR, 'MavibotTrigger.node.js'));

const sourceFolders = fs
	.readdirSync(SOURCES_DIR, { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name);

/** The EventSource a source folder's index exports (the export with an `option` and a `handle`). */
function eventSourceOf(folder) {
	const module = require(path.join(SOURCES_DIR, folder));
	return Object.values(module).find(
		(value) =>
			value && typeof value === 'object' && value.option && typeof value.handle === 'function',
	);
}

const triggerOnValues = () =>
	new MavibotTrigger().description.properties
		.find((property) => property.name === 'source')
		.options.map((option) => option.value);

test('there are source folders, each exporting its EventSource from index.ts', () => {
	expect(sourceFolders.sort()).toEqual(expect.arrayContaining(['blockRequests', 'messageEvents']));
	for (const folder of sourceFolders) {
		expect([folder, eventSourceOf(folder) !== undefined]).toEqual([folder, true]);
	}
});

test('each source folder is named by its "Trigger On" value and is registered in the sources table', () => {
	const registered = triggerOnValues();
	const problems = [];
	for (const folder of sourceFolders) {
		const value = eventSourceOf(folder).option.value;
		if (value !== folder) {
			problems.push(`sources/${folder}: its option value is '${value}'; name the folder after it`);
		}
		if (!registered.includes(value)) {
			problems.push(
				`sources/${folder} is not registered: import it in sources/index.ts and add it to EVENT_SOURCES`,
			);
		}
	}
	expect(problems).toEqual([]);
	expect(registered.sort()).toEqual([...sourceFolders].sort());
});
