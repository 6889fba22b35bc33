'use strict';
// What the bench modules share: medians, MiB figures, the load average, and measuring in a fresh
// Node process that prints its result as JSON on its last line.
const { execFileSync } = require('child_process');
const os = require('os');
const path = require('path');

const MiB = 1024 * 1024;

function median(values) {
	const sorted = [...values].sort((x, y) => x - y);
	return sorted[Math.floor(sorted.length / 2)];
}

const mib = (bytes) => `${(bytes / MiB).toFixed(1)} MiB`;

/** The 1-minute load average, or all three with `all`. */
const loadAverage = (all = false) =>
	(all ? os.loadavg() : os.loadavg().slice(0, 1)).map((value) => value.toFixed(2)).join(' ');

/**
 * Runs `script` (in this folder) in a fresh Node with `--expose-gc` and returns the JSON it prints
 * last. `trustTestCa` lets it reach the emulator through n8n's HTTP stack.
 */
function measureInWorker(script, args, { trustTestCa = false } = {}) {
	const output = execFileSync(
		process.execPath,
		['--expose-gc', '--max-old-space-size=4096', path.join(__dirname, script), ...args],
		{
			env: trustTestCa
				? { ...process.env, NODE_EXTRA_CA_CERTS: path.join(__dirname, '../emulator/tls/ca.pem') }
				: process.env,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	return JSON.parse(output.trim().split('\n').pop());
}

module.exports = { MiB, median, mib, loadAverage, measureInWorker };
