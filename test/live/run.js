'use strict';
// Entry of `npm run test:live`: the main operations, run through the ImageKit node in n8n's engine,
// against the real ImageKit API (IMAGEKIT_PRIVATE_KEY, IMAGEKIT_PUBLIC_KEY, IMAGEKIT_URL_ENDPOINT)
// or, with IMAGEKIT_LIVE_TARGET=emulator, against the test emulator, as CI does so it cannot rot.
// See the README, "Before a release: the live check".
const { spawnSync } = require('child_process');
const path = require('path');

const KEYS = ['IMAGEKIT_PRIVATE_KEY', 'IMAGEKIT_PUBLIC_KEY', 'IMAGEKIT_URL_ENDPOINT'];
const TEST_CA = path.join(__dirname, '..', 'emulator', 'tls', 'ca.pem');

const target = process.env.IMAGEKIT_LIVE_TARGET || 'imagekit';
if (target !== 'imagekit' && target !== 'emulator') {
	console.error(
		`IMAGEKIT_LIVE_TARGET must be "imagekit" (the default) or "emulator", not "${target}".`,
	);
	process.exit(2);
}
if (target === 'imagekit' && KEYS.some((name) => !process.env[name])) {
	console.log(
		`test:live skipped: set ${KEYS.join(', ')} to run it against ImageKit (or IMAGEKIT_LIVE_TARGET=emulator).`,
	);
	process.exit(0);
}

const env = { ...process.env, N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false' };
// The test CA is trusted only to reach the emulator; a run against ImageKit never trusts it.
if (target === 'emulator') env.NODE_EXTRA_CA_CERTS = TEST_CA;
else if (env.NODE_EXTRA_CA_CERTS && path.resolve(env.NODE_EXTRA_CA_CERTS) === TEST_CA)
	delete env.NODE_EXTRA_CA_CERTS;

// Node reads NODE_EXTRA_CA_CERTS only at start-up, hence a process of its own.
const child = spawnSync(process.execPath, [path.join(__dirname, 'main.js'), target], {
	stdio: 'inherit',
	env,
});
process.exit(child.status ?? 1);
