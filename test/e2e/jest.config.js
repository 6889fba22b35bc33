// End-to-end tests against a real n8n (scripts/n8n/), separate from `npm test`: run `npm run test:e2e`.
// N8N_VERSION picks the n8n (default 2.40.x on Node 24; N8N_VERSION=1 for 1.123.x). The first run
// installs n8n into .cache/n8n, which takes several minutes; later runs reuse it.
/** @type {import('jest').Config} */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	globalSetup: '<rootDir>/test/e2e/global-setup.js',
	testTimeout: 300000,
	maxWorkers: 1,
};
