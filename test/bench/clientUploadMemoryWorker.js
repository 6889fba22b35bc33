'use strict';
// One measurement in a fresh process: peak RSS growth while a client outside n8n uploads a file
// from a file stream to the emulator, which runs in the same process and keeps no bytes. `client`
// is the package's index.js with its default fetch requester; `v7` is ImageKit's Node SDK.
// Prints one JSON line.
require('./typescript-hook');
const fs = require('fs');

const [which, filePath] = process.argv.slice(2);
const PRIVATE_KEY = 'private_bench_key';

/** Sends the file with the given client, resolving with the size ImageKit stored. */
function uploader(baseUrl) {
	if (which === 'client') {
		const { ImageKit } = require('../../index.js');
		const client = new ImageKit({ privateKey: PRIVATE_KEY, uploadBaseUrl: baseUrl });
		return async () => {
			const fileSize = fs.statSync(filePath).size;
			const file = fs.createReadStream(filePath);
			return (await client.upload({ file, fileSize, fileName: 'bench.bin' })).size;
		};
	}
	const ImageKitV7 = require('@imagekit/nodejs').default;
	const client = new ImageKitV7({ privateKey: PRIVATE_KEY, baseURL: baseUrl });
	return async () => {
		const file = fs.createReadStream(filePath);
		return (await client.files.upload({ file, fileName: 'bench.bin' })).size;
	};
}

async function main() {
	const { ImageKitEmulator } = require('../emulator/index.ts');
	const emulator = new ImageKitEmulator({ privateKey: PRIVATE_KEY, openApi: false });
	await emulator.start();
	try {
		const upload = uploader(emulator.baseUrl);
		global.gc();
		const baseline = process.memoryUsage().rss;
		let peak = baseline;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
		const started = process.hrtime.bigint();
		const storedSize = await upload();
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage().rss);
		if (storedSize !== fs.statSync(filePath).size) throw new Error('the uploaded size differs');
		console.log(JSON.stringify({ growth: peak - baseline, seconds }));
	} finally {
		await emulator.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
