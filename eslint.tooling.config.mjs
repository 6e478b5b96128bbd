// Lint for the JavaScript around the package: tests, sandbox, e2e, benchmarks, scripts (`npm run lint:tooling`).
// The package itself (nodes/, credentials/, package.json) is linted by `npm run lint` = `n8n-node lint`, whose strict
// mode requires eslint.config.mjs to be n8n's stock file; so these rules live in a config of their own.
import js from '@eslint/js';
import { globalIgnores } from 'eslint/config';

const nodeGlobals = Object.fromEntries(
	[
		'require',
		'module',
		'exports',
		'process',
		'console',
		'__dirname',
		'__filename',
		'Buffer',
		'setTimeout',
		'clearTimeout',
		'setInterval',
		'clearInterval',
		'setImmediate',
		'URL',
		'URLSearchParams',
		'fetch',
		'AbortController',
		'TextEncoder',
		'performance',
		'structuredClone',
	].map((name) => [name, 'readonly']),
);
const jestGlobals = Object.fromEntries(
	[
		'describe',
		'test',
		'it',
		'expect',
		'beforeAll',
		'afterAll',
		'beforeEach',
		'afterEach',
		'jest',
	].map((name) => [name, 'readonly']),
);

export default [
	globalIgnores(['dist', '.e2e', '.demo', '.bench', 'coverage', 'e2e/*/node_modules']),
	{
		files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
		...js.configs.recommended,
		languageOptions: {
			sourceType: 'commonjs',
			globals: { ...nodeGlobals, ...jestGlobals, module: 'writable', exports: 'writable' },
		},
	},
	{
		files: ['**/*.mjs'],
		languageOptions: { sourceType: 'module' },
	},
];
