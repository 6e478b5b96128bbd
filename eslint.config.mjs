// The rule sets `n8n-node lint` applies in strict mode (see @n8n/node-cli's eslint config), rebuilt here because
// @n8n/node-cli cannot be installed on Node 20. Tests, scripts and the sandbox are JavaScript outside nodes/ and
// credentials/, so n8n's cloud rules (written for node code) do not apply to them.
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { globalIgnores } from 'eslint/config';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const communityNodesRecommended = n8nCommunityNodesPlugin.configs.recommended;

export default tseslint.config(
	globalIgnores(['dist', 'node_modules', '.e2e', '.demo', '.bench', 'coverage', 'e2e/n8n-v1', 'e2e/n8n-v2', 'e2e/node24', 'e2e/browser/node_modules']),
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended, communityNodesRecommended],
		rules: {
			'prefer-spread': 'off',
			'no-console': 'error',
		},
	},
	{
		plugins: { 'n8n-nodes-base': n8nNodesBase },
	},
	{
		files: ['package.json'],
		extends: [communityNodesRecommended],
		rules: { ...n8nNodesBase.configs.community.rules },
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
	},
	{
		files: ['./credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['./nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{
		files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
		extends: [js.configs.recommended],
		languageOptions: {
			sourceType: 'commonjs',
			globals: {
				require: 'readonly', module: 'writable', exports: 'writable', process: 'readonly', console: 'readonly',
				__dirname: 'readonly', __filename: 'readonly', Buffer: 'readonly', setTimeout: 'readonly',
				clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly',
				URL: 'readonly', URLSearchParams: 'readonly', fetch: 'readonly', AbortController: 'readonly',
				describe: 'readonly', test: 'readonly', it: 'readonly', expect: 'readonly', beforeAll: 'readonly',
				afterAll: 'readonly', beforeEach: 'readonly', afterEach: 'readonly', jest: 'readonly',
				TextEncoder: 'readonly', performance: 'readonly', structuredClone: 'readonly',
			},
		},
	},
	{
		files: ['**/*.mjs'],
		languageOptions: { sourceType: 'module' },
	},
);
