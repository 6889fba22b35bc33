'use strict';
// One measurement in a fresh process: peak RSS growth over a workflow that makes a binary of the
// given size and uploads it with the ImageKit node, in the given binary mode. Prints one JSON line.
require('./typescript-hook');
require('reflect-metadata');

const [binaryMode, sizeArgument] = process.argv.slice(2);
const size = Number(sizeArgument);

async function main() {
	const { startNodeFixture, NODE_TYPE } = require('../node/fixture.ts');
	const { BINARY_SOURCE_TYPE, binarySourceSha256 } = require('../engine/harness.ts');
	const fixture = await startNodeFixture(binaryMode);
	try {
		const source = {
			name: 'Source',
			type: BINARY_SOURCE_TYPE,
			parameters: {
				sizeBytes: size,
				seed: 'bench',
				fileName: 'bench.bin',
				mimeType: 'application/octet-stream',
			},
		};
		global.gc();
		const baseline = process.memoryUsage().rss;
		let peak = baseline;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
		const started = process.hrtime.bigint();
		const result = await fixture.runWorkflow([
			source,
			{ name: 'Upload', type: NODE_TYPE, parameters: { resource: 'file', operation: 'upload' } },
		]);
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage().rss);
		if (result.error) throw result.error;
		const received = fixture.emulator.requests.at(-1).form.file;
		if (received.sha256 !== binarySourceSha256('bench', size))
			throw new Error('the uploaded bytes differ');
		console.log(JSON.stringify({ growth: peak - baseline, seconds }));
	} finally {
		await fixture.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
