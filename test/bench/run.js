'use strict';
// Entry of `npm run bench` (which builds first): runs each benchmark module that exists, in order, and
// prints its rows. A module exports `title` and `async run()` returning rows of { column: text }; a
// `pass` column of 'NO', or a module that throws, fails the run.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { loadAverage } = require('./measure');

const BENCH_MODULES = [
	'load.js',
	'url.js',
	'perItem.js',
	'uploadMemory.js',
	'clientUploadMemory.js',
	'listMemory.js',
];

function printTable(rows) {
	const columns = Object.keys(rows[0]);
	const widths = columns.map((column) =>
		Math.max(column.length, ...rows.map((row) => String(row[column]).length)),
	);
	const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ');
	console.log(line(columns));
	console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
	for (const row of rows) console.log(line(columns.map((column) => row[column])));
}

async function main() {
	const load = loadAverage(true);
	console.log(
		`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0].model}), load average ${load}`,
	);
	let failed = false;
	for (const file of BENCH_MODULES) {
		const modulePath = path.join(__dirname, file);
		if (!fs.existsSync(modulePath)) continue;
		const { title, run } = require(modulePath);
		console.log(`\n${title || file}`);
		try {
			const rows = await run();
			if (rows.length > 0) printTable(rows);
			if (rows.some((row) => row.pass === 'NO')) failed = true;
		} catch (error) {
			// One broken benchmark should not hide the others' results.
			console.log(`${file} failed: ${error.message}`);
			failed = true;
		}
	}
	if (failed) {
		console.log('\nAt least one target was missed or a benchmark failed.');
		process.exitCode = 1;
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
