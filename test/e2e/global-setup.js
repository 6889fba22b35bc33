'use strict';

// Installs (or verifies) every n8n the e2e tests run before any test starts, with progress on stdout,
// so the tests themselves only start servers. A failure stops the run with the script's own message.
const { ensureN8n } = require('../../scripts/n8n');
const { E2E_VERSIONS } = require('./versions');

module.exports = async function globalSetup() {
	const log = (line) => process.stdout.write(`[e2e n8n] ${line}\n`);
	try {
		for (const version of E2E_VERSIONS) {
			const install = await ensureN8n(version, { log });
			log(`n8n ${install.version} on Node ${install.nodeVersion}`);
		}
	} catch (e) {
		if (e.hint) e.message = `${e.message}\n→ ${e.hint}${e.details ? `\n${e.details}` : ''}`;
		throw e;
	}
};
