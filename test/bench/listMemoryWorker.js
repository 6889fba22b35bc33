'use strict';
// One measurement in a fresh process: File → Get Many with Return All over `count` files, through
// n8n's engine, against the emulator in a process of its own (listEmulator.js). Prints one JSON
// line: peak RSS and heap growth during the run, the heap the output items keep once the run is
// over, the heap the same files take parsed once from JSON, and their size as JSON.
require('./typescript-hook');
require('reflect-metadata');
const { spawn } = require('child_process');
const path = require('path');
const readline = require('readline');

const count = Number(process.argv[2]);

async function startEmulator() {
	const child = spawn(process.execPath, [path.join(__dirname, 'listEmulator.js'), String(count)], {
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const [line] = await readline
		.createInterface({ input: child.stdout })
		[Symbol.asyncIterator]()
		.next()
		.then(({ value }) => [value]);
	if (!line) throw new Error('the emulator process did not start');
	return { ...JSON.parse(line), stop: () => child.stdin.end() };
}

async function main() {
	const { NODE_TYPE, PRIVATE_KEY } = require('../node/fixture.ts');
	const { ImageKit } = require('../../nodes/ImageKit/ImageKit.node.ts');
	const { ImageKitApi } = require('../../credentials/ImageKitApi.credentials.ts');
	const { assertTestCaTrusted, createEngine, useProxy } = require('../engine/harness.ts');
	assertTestCaTrusted();
	const emulator = await startEmulator();
	const restoreProxy = useProxy(emulator.proxyUrl);
	const engine = await createEngine({
		nodeTypes: { [NODE_TYPE]: new ImageKit() },
		credentialTypes: [new ImageKitApi()],
		credentials: { imageKitApi: { privateKey: PRIVATE_KEY, urlEndpoint: emulator.urlEndpoint } },
	});
	try {
		// A first small run loads what any run needs, so the baseline has it.
		await engine.runNode(NODE_TYPE, { resource: 'file', operation: 'getAll', limit: 1 });
		global.gc();
		const baseline = process.memoryUsage();
		let peakRss = baseline.rss;
		let peakHeap = baseline.heapUsed;
		const sample = () => {
			const usage = process.memoryUsage();
			peakRss = Math.max(peakRss, usage.rss);
			peakHeap = Math.max(peakHeap, usage.heapUsed);
		};
		const sampler = setInterval(sample, 2);
		const started = process.hrtime.bigint();
		const result = await engine.runNode(NODE_TYPE, {
			resource: 'file',
			operation: 'getAll',
			returnAll: true,
		});
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		clearInterval(sampler);
		sample();
		if (result.error) throw result.error;
		if (result.items.length !== count)
			throw new Error(`${result.items.length} items, not ${count}`);
		global.gc();
		const outputHeap = process.memoryUsage().heapUsed - baseline.heapUsed;
		// The yardstick: the same files parsed once from JSON, as plain objects, with nothing else.
		const json = JSON.stringify(result.items.map((item) => item.json));
		global.gc();
		const beforeParse = process.memoryUsage().heapUsed;
		const parsedOnce = JSON.parse(json);
		global.gc();
		const onceHeap = process.memoryUsage().heapUsed - beforeParse;
		if (parsedOnce.length !== count) throw new Error('the yardstick lost files');
		console.log(
			JSON.stringify({
				rssGrowth: peakRss - baseline.rss,
				heapGrowth: peakHeap - baseline.heapUsed,
				outputHeap,
				onceHeap,
				outputJson: Buffer.byteLength(json),
				seconds,
			}),
		);
	} finally {
		await engine.close();
		restoreProxy();
		emulator.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
