'use strict';
// Per-item cost inside n8n: Image URL → Generate over many items against a minimal node that sets one
// field, both run by n8n's real engine (test/engine) in the same process, in interleaved rounds.
// Needs the built node in dist/.
const path = require('path');

require('./typescript-hook');
const { NodeConnectionTypes } = require('n8n-workflow');
const { createEngine } = require('../engine/harness');

const ROOT = path.join(__dirname, '../..');
const { ImageKit } = require(path.join(ROOT, 'dist/nodes/ImageKit/ImageKit.node.js'));
const { ImageKitApi } = require(path.join(ROOT, 'dist/credentials/ImageKitApi.credentials.js'));
const { median, loadAverage } = require('./measure');

const ITEMS = 10000;
const ROUNDS = 9;
// Issue 10: at most this many times the minimal node's time, in the same engine and run.
const RATIO_TARGET = 3;

/** The smallest useful node: reads its one parameter per item and sets it as a field. */
class OneField {
	description = {
		displayName: 'One Field',
		name: 'oneField',
		group: ['transform'],
		version: 1,
		description: 'Sets one field',
		defaults: { name: 'One Field' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'URL', name: 'url', type: 'string', default: '' }],
	};

	async execute() {
		return [
			this.getInputData().map((_item, itemIndex) => ({
				json: { url: this.getNodeParameter('url', itemIndex) },
				pairedItem: { item: itemIndex },
			})),
		];
	}
}

const GENERATE = {
	resource: 'imageUrl',
	operation: 'generate',
	source: 'path',
	path: '/shoes/red.jpg',
	steps: {
		step: [{ parameters: { width: 300, height: 300 } }, { parameters: { rotation: '90' } }],
	},
	options: { signed: true },
};

// Each case: our node and the minimal node with the same kind of value, fixed or from the item.
const CASES = [
	{
		name: 'Image URL → Generate (signed, 2 steps), fixed fields',
		ours: GENERATE,
		minimal: { url: 'https://ik.imagekit.io/bench/shoes/red.jpg' },
		hasTarget: true,
	},
	{
		name: 'Image URL → Generate, Path from each item ({{ $json.path }})',
		ours: { ...GENERATE, path: '={{ $json.path }}' },
		minimal: { url: '={{ $json.path }}' },
		hasTarget: false,
	},
];

const itemsPerSecond = (ms) => Math.round(ITEMS / (ms / 1000)).toLocaleString('en');

exports.title = `Per-item cost: Image URL → Generate over ${ITEMS.toLocaleString('en')} items vs a minimal one-field node, same engine, same run (${ROUNDS} interleaved rounds)`;

exports.run = async () => {
	const engine = await createEngine({
		nodeTypes: { 'bench.imageKit': new ImageKit(), 'bench.oneField': new OneField() },
		credentialTypes: [new ImageKitApi()],
		credentials: {
			imageKitApi: {
				privateKey: 'private_bench0123456789=',
				publicKey: 'public_bench',
				urlEndpoint: 'https://ik.imagekit.io/bench',
			},
		},
	});
	const inputItems = Array.from({ length: ITEMS }, (_item, index) => ({
		json: { path: `/shoes/${index}.jpg` },
	}));
	const timed = async (type, parameters) => {
		const started = process.hrtime.bigint();
		const result = await engine.runNode(type, parameters, { inputItems });
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		if (result.error) throw result.error;
		if (result.items.length !== ITEMS) throw new Error(`${type} gave ${result.items.length} items`);
		return ms;
	};
	const times = CASES.map(() => ({ ours: [], minimal: [] }));
	try {
		// A warm-up run each, then rounds that alternate, so machine noise falls on all alike.
		for (const entry of CASES) {
			await timed('bench.imageKit', entry.ours);
			await timed('bench.oneField', entry.minimal);
		}
		for (let round = 0; round < ROUNDS; round++) {
			for (const [index, entry] of CASES.entries()) {
				times[index].ours.push(await timed('bench.imageKit', entry.ours));
				times[index].minimal.push(await timed('bench.oneField', entry.minimal));
			}
		}
	} finally {
		await engine.close();
	}
	const load = loadAverage(true);
	return CASES.flatMap((entry, index) => {
		const { ours, minimal } = times[index];
		const ratios = ours.map((ms, round) => ms / minimal[round]);
		const ratio = median(ratios);
		const met = ratio <= RATIO_TARGET;
		return [
			{
				case: entry.name,
				'median ms': median(ours).toFixed(0),
				'items/s': itemsPerSecond(median(ours)),
				ratio: `${ratio.toFixed(2)}× (rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
				target: entry.hasTarget ? `≤ ${RATIO_TARGET}× the minimal node` : 'reported',
				verdict: entry.hasTarget ? (met ? 'met' : 'missed') : '-',
				'load avg': load,
				pass: entry.hasTarget ? (met ? 'yes' : 'NO') : '-',
			},
			{
				case: '  minimal one-field node, same kind of value',
				'median ms': median(minimal).toFixed(0),
				'items/s': itemsPerSecond(median(minimal)),
				ratio: '1×',
				target: '-',
				verdict: '-',
				'load avg': load,
				pass: '-',
			},
		];
	});
};
