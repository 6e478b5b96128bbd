/**
 * Credentials stand alone, as in n8n's node template: a credential file imports nothing from nodes/ (nodes may import
 * from credentials/, never the other way round), and its bundle needs nothing but n8n-workflow (so no node code and
 * no `crypto` travel with a credential).
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const PACKAGE_DIR = process.env.MAVIBOT_PACKAGE_DIR ?? ROOT;
const CREDENTIALS_DIR = path.join(ROOT, 'credentials');
const NODES_DIR = path.join(ROOT, 'nodes');
const { n8n } = require(path.join(ROOT, 'package.json'));

const credentialSources = fs
	.readdirSync(CREDENTIALS_DIR)
	.filter((file) => file.endsWith('.credentials.ts'))
	.map((file) => path.join(CREDENTIALS_DIR, file));

/** The module specifiers a TypeScript file imports (import … from, export … from, import(), require()). */
function importedSpecifiers(file) {
	const source = fs.readFileSync(file, 'utf8');
	const pattern =
		/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
	return [...source.matchAll(pattern)].map((match) => match[1]);
}

test('both credentials are checked', () => {
	expect(credentialSources.map((file) => path.basename(file)).sort()).toEqual([
		'MavibotApi.credentials.ts',
		'MavibotTriggerApi.credentials.ts',
	]);
});

test.each(credentialSources.map((file) => [path.basename(file), file]))(
	'%s imports nothing from nodes/',
	(_name, file) => {
		const fromNodes = importedSpecifiers(file).filter((specifier) => {
			if (!specifier.startsWith('.')) return false;
			const target = path.resolve(path.dirname(file), specifier);
			return target === NODES_DIR || target.startsWith(NODES_DIR + path.sep);
		});
		expect(fromNodes).toEqual([]); // move what both need into the credential file; nodes import it from there
	},
);

test.each(n8n.credentials)(
	'the bundle %s holds no node code and requires only n8n-workflow',
	(built) => {
		const bundle = fs.readFileSync(path.join(PACKAGE_DIR, built), 'utf8');
		// esbuild heads each bundled module with a comment naming its source file.
		const bundledModules = [...bundle.matchAll(/^\/\/ (\S+\.ts)$/gm)].map((match) => match[1]);
		expect(bundledModules.filter((file) => !file.startsWith('credentials/'))).toEqual([]);
		const required = [...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map(
			(match) => match[1],
		);
		expect(required.filter((name) => name !== 'n8n-workflow')).toEqual([]);
	},
);
