'use strict';
// Client upload memory outside n8n: peak RSS growth while the package's index.js client (default
// fetch requester) uploads a file stream, next to ImageKit's v7 Node SDK `files.upload` on the same
// file, at two file sizes to show whether memory grows with the file. Each measurement is a fresh
// process; rounds interleave the cases so load changes hit them alike; the median is reported.
const fs = require('fs');
const os = require('os');
const path = require('path');

const { MiB, median, mib, loadAverage: load, measureInWorker } = require('./measure');

const SIZES = [64 * MiB, 256 * MiB];
const ROUNDS = 3;
const TARGET = 64 * MiB;
/** "Flat": the larger file may cost at most this much more than the smaller one. */
const FLAT_MARGIN = 16 * MiB;

function writeFile(directory, size) {
	const filePath = path.join(directory, `upload-${size / MiB}MiB.bin`);
	const chunk = Buffer.alloc(MiB);
	const fd = fs.openSync(filePath, 'w');
	try {
		for (let written = 0; written < size; written += MiB) {
			chunk.fill(written / MiB);
			fs.writeSync(fd, chunk);
		}
	} finally {
		fs.closeSync(fd);
	}
	return filePath;
}

function measure(which, filePath) {
	return measureInWorker('clientUploadMemoryWorker.js', [which, filePath]);
}

exports.title =
	'Client upload memory outside n8n: peak RSS growth while uploading a file stream (index.js client vs ImageKit v7 SDK files.upload)';

exports.run = async () => {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'imagekit-bench-'));
	try {
		const files = SIZES.map((size) => writeFile(directory, size));
		const cases = [];
		for (const [index, size] of SIZES.entries()) {
			for (const which of ['client', 'v7'])
				cases.push({ which, size, filePath: files[index], runs: [] });
		}
		const loads = [load()];
		for (let round = 0; round < ROUNDS; round++) {
			for (const entry of cases) entry.runs.push(measure(entry.which, entry.filePath));
			loads.push(load());
		}
		const growth = (which, size) =>
			median(
				cases
					.find((entry) => entry.which === which && entry.size === size)
					.runs.map((run) => run.growth),
			);
		const [small, large] = SIZES;
		const flat = growth('client', large) - growth('client', small);
		const rows = cases.map((entry) => {
			const ownGrowth = median(entry.runs.map((run) => run.growth));
			const isLargeClient = entry.which === 'client' && entry.size === large;
			return {
				case: `${entry.which === 'client' ? 'client (index.js, fetch)' : 'v7 SDK files.upload'}, ${entry.size / MiB} MiB`,
				'peak RSS growth (median)': mib(ownGrowth),
				rounds: entry.runs.map((run) => (run.growth / MiB).toFixed(0)).join(' / '),
				time: `${median(entry.runs.map((run) => run.seconds)).toFixed(1)} s`,
				'client / v7':
					entry.which === 'client' ? `${(ownGrowth / growth('v7', entry.size)).toFixed(3)}×` : '-',
				target: isLargeClient ? `< ${mib(TARGET)}` : '-',
				pass: isLargeClient ? (ownGrowth < TARGET ? 'yes' : 'NO') : '-',
			};
		});
		rows.push({
			case: `client: ${large / MiB} MiB minus ${small / MiB} MiB (flat in file size)`,
			'peak RSS growth (median)': mib(flat),
			rounds: '-',
			time: '-',
			'client / v7': '-',
			target: `< ${mib(FLAT_MARGIN)}`,
			pass: flat < FLAT_MARGIN ? 'yes' : 'NO',
		});
		rows.push({
			case: `load average (1 min) before and after each of ${ROUNDS} interleaved rounds`,
			'peak RSS growth (median)': loads.join(' '),
			rounds: '-',
			time: '-',
			'client / v7': '-',
			target: '-',
			pass: '-',
		});
		return rows;
	} finally {
		fs.rmSync(directory, { recursive: true, force: true });
	}
};
