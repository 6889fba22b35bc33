'use strict';

// Installs (or verifies) the n8n the e2e tests run before any test starts, with progress on stdout,
// so the tests themselves only start servers. A failure stops the run with the script's own message.
const { ensureN8n } = require('../../scripts/n8n');

module.exports = async function globalSetup() {
	const log = (line) => process.stdout.write(`[e2e n8n] ${line}\n`);
	try {
		const install = await ensureN8n(process.env.N8N_VERSION, { log });
		log(`n8n ${install.version} on Node ${install.nodeVersion}`);
	} catch (e) {
		if (e.hint) e.message = `${e.message}\n→ ${e.hint}${e.details ? `\n${e.details}` : ''}`;
		throw e;
	}
};
