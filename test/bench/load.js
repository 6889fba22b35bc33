'use strict';
// The cost of loading the package, which n8n pays at start-up in the main process and in every
// worker: cold require of each node file plus building its description, in fresh processes with
// n8n-workflow already loaded; and the size of what `npm pack` ships.
const { execFileSync } = require('child_process');
const path = require('path');
const { median } = require('./measure');

const ROOT = path.join(__dirname, '../..');
const ROUNDS = 15;
const MS_TARGET = 25;
const MODULES_TARGET = 20;
// ImageKit's own node, for comparison, when it is installed (npm i --no-save @imagekit/n8n-nodes-imagekit).
const OFFICIAL_NODE = '@imagekit/n8n-nodes-imagekit/dist/nodes/Imagekit/Imagekit.node.js';

function probe(file) {
	const output = execFileSync(process.execPath, [path.join(__dirname, 'loadProbe.js'), file], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	return JSON.parse(output.trim());
}

function officialNodeFile() {
	try {
		return require.resolve(OFFICIAL_NODE, { paths: [ROOT] });
	} catch {
		return undefined;
	}
}

function packedFiles() {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}),
	);
	return packed;
}

exports.title = `Package load: median of ${ROUNDS} fresh processes per node (interleaved), n8n-workflow preloaded`;

exports.run = async () => {
	const { n8n } = require(path.join(ROOT, 'package.json'));
	const files = [...n8n.nodes, ...n8n.credentials];
	const official = officialNodeFile();
	if (official) files.push(official);
	const samples = new Map(files.map((file) => [file, []]));
	// Rounds go through every file in turn, so machine noise falls on all of them alike.
	for (let round = 0; round < ROUNDS; round++) {
		for (const file of files) samples.get(file).push(probe(file));
	}
	const rows = files.map((file) => {
		const runs = samples.get(file);
		const ms = median(runs.map((run) => run.ms));
		const { modules } = runs[0];
		const ours = file !== official;
		return {
			case: ours ? file : `ImageKit's own node (${path.basename(file)})`,
			'median ms': ms.toFixed(1),
			modules,
			target: ours ? `≤ ${MS_TARGET} ms, ≤ ${MODULES_TARGET} modules` : '-',
			pass: ours ? (ms <= MS_TARGET && modules <= MODULES_TARGET ? 'yes' : 'NO') : '-',
		};
	});
	if (!official) {
		rows.push({
			case: "ImageKit's own node",
			'median ms': 'n/a',
			modules: 'n/a',
			target: `not installed (npm i --no-save ${OFFICIAL_NODE.split('/dist')[0]})`,
			pass: '-',
		});
	}
	const packed = packedFiles();
	rows.push({
		case: `npm pack: ${packed.entryCount} files`,
		'median ms': '',
		modules: '',
		target: `${(packed.size / 1024).toFixed(0)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked`,
		pass: '-',
	});
	return rows;
};
