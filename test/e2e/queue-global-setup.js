'use strict';

// Before the queue-mode run: PostgreSQL and Redis are installed (else the apt-get line), and n8n 2.40.x.
const { ensureN8n } = require('../../scripts/n8n');
const { assertServicesInstalled } = require('../../scripts/n8n/services');

module.exports = async function globalSetup() {
	const log = (line) => process.stdout.write(`[e2e queue] ${line}\n`);
	try {
		assertServicesInstalled();
		const install = await ensureN8n('2.40', { log });
		log(`n8n ${install.version} on Node ${install.nodeVersion}`);
	} catch (e) {
		if (e.hint) e.message = `${e.message}\n→ ${e.hint}${e.details ? `\n${e.details}` : ''}`;
		throw e;
	}
};
