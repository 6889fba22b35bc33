// The queue-mode e2e run (issue 11), apart from the single-process runs: `npm run test:e2e:queue`.
// n8n 2.40.x with its own PostgreSQL and Redis (Debian packages postgresql and redis-server).
/** @type {import('jest').Config} */
module.exports = {
	...require('./jest.config.js'),
	testMatch: ['**/*.queue.ts'],
	globalSetup: '<rootDir>/test/e2e/queue-global-setup.js',
	testTimeout: 600000,
};
