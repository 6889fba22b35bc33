// Lint as n8n's community-package scanner does: its cloud-eligible rule set (allowed imports and
// globals included) plus eslint-plugin-n8n-nodes-base's nodes, credentials and community rules.
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tsParser from '@typescript-eslint/parser';
import tseslint from 'typescript-eslint';

// Rules that n8n's own CLI and scanner switch off for community packages (NOTES.md §8).
const offInScanner = {
	'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
	'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
	'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
	'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
	'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
};

export default [
	{
		ignores: [
			'node_modules/**',
			'test/emulator/tls/**',
			'.cache/**',
			'artifacts/**',
			'eslint.config.mjs',
			'jest.config.js',
			'gulpfile.js',
			// A Code node's body (top-level await and return), for the README and the Code-node e2e.
			'examples/code-node-client.js',
		],
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		plugins: { '@typescript-eslint': tseslint.plugin },
		rules: {
			...tseslint.configs.recommended.reduce(
				(rules, config) => ({ ...rules, ...config.rules }),
				{},
			),
			'no-console': 'error',
			// Operations share one signature; those that need no client name it `_client`.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
	// The developer tooling (npm start, the e2e runner) and the tests: TypeScript's recommended rules;
	// they run on Node, outside n8n, so the community package's import and global rules do not apply.
	{
		files: ['scripts/**/*.ts', 'test/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		plugins: { '@typescript-eslint': tseslint.plugin },
		rules: {
			...tseslint.configs.recommended.reduce(
				(rules, config) => ({ ...rules, ...config.rules }),
				{},
			),
			// `let server;` read by a signal handler set up before the server starts.
			'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
			// Left out of a copy on purpose: `const { secret: _secret, ...shown } = value`.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
			// The e2e tests load the built package itself, as n8n does.
			'@typescript-eslint/no-require-imports': ['error', { allow: ['/dist/'] }],
		},
	},
	{
		...communityNodes.configs.recommended,
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tsParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.credentials.rules, ...offInScanner },
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.nodes.rules, ...offInScanner },
	},
	// The compiled package, which n8n's scanner lints too: the same import and global restrictions.
	{
		files: ['dist/**/*.js', 'index.js'],
		plugins: communityNodes.configs.recommended.plugins,
		rules: {
			'@n8n/community-nodes/no-restricted-imports': 'error',
			'@n8n/community-nodes/no-restricted-globals': 'error',
		},
	},
];
