/**
 * What the editor shows a user of the package: the canvas subtitle of the Mavibot node (evaluated as the editor does,
 * with n8n's expression engine), the search terms of the node panel (codex aliases), and labels short enough for the
 * parameter panel.
 */
const fs = require('node:fs');
const path = require('node:path');
const { Workflow } = require('n8n-workflow');

const { loadPackage } = require('./harness/n8n');

const MAVIBOT = 'n8n-nodes-mavibot.mavibot';
const ROOT = path.resolve(__dirname, '..');

async function mavibotType() {
	const pkg = await loadPackage();
	return { pkg, nodeType: pkg.nodeTypes.getByNameAndVersion(MAVIBOT, 1) };
}

/** Every resource/operation pair of the node with its Operation option. */
function operations(description) {
	return description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			property.displayOptions.show.resource.flatMap((resource) =>
				property.options.map((option) => ({ resource, option })),
			),
		);
}

test("the canvas subtitle is the operation's action, for every operation", async () => {
	const { pkg, nodeType } = await mavibotType();
	const pairs = operations(nodeType.description);
	expect(pairs.length).toBeGreaterThanOrEqual(43);
	for (const { resource, option } of pairs) {
		const node = {
			id: 'n',
			name: 'Mavibot',
			type: MAVIBOT,
			typeVersion: 1,
			position: [0, 0],
			parameters: { resource, operation: option.value },
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: pkg.nodeTypes,
		});
		const subtitle = workflow.expression.getSimpleParameterValue(
			node,
			nodeType.description.subtitle,
			'internal',
			{},
		);
		expect(subtitle).toBe(option.action);
	}
});

test('the node panel finds the action node by what users type (codex aliases)', () => {
	const codex = JSON.parse(
		fs.readFileSync(path.join(ROOT, 'nodes', 'Mavibot', 'Mavibot.node.json'), 'utf8'),
	);
	const aliases = codex.alias.map((alias) => alias.toLowerCase());
	// n8n's panel matches a search as a subsequence of the display name or an alias (workflows.store, sublimeSearch).
	const finds = (text) =>
		['mavibot', ...aliases].some((candidate) => isSubsequence(text.toLowerCase(), candidate));
	for (const text of ['mavibot send', 'send message', 'whatsapp', 'broadcast', 'callback'])
		expect([text, finds(text)]).toEqual([text, true]);
});

test('labels fit the parameter panel (at most 24 characters)', async () => {
	const { nodeType } = await mavibotType();
	const long = [];
	const visit = (properties) => {
		for (const property of properties) {
			if (property.type !== 'notice' && property.displayName.length > 24)
				long.push(property.displayName);
			if (Array.isArray(property.options))
				visit(property.options.filter((option) => option.displayName));
			for (const value of property.values ?? []) visit([value]);
		}
	};
	visit(nodeType.description.properties);
	expect([...new Set(long)]).toEqual([]);
});

function isSubsequence(pattern, text) {
	let at = 0;
	for (const char of text) if (char === pattern[at]) at++;
	return at === pattern.length;
}
