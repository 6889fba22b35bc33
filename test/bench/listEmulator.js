'use strict';
// The emulator for the list benchmark, in a process of its own so that its work (filtering and
// sorting all files for each page) does not count in the measured process. Seeds `count` files,
// prints { proxyUrl, urlEndpoint } as one JSON line, and stops when its stdin closes.
require('./typescript-hook');

const count = Number(process.argv[2]);

async function main() {
	const { ImageKitEmulator } = require('../emulator/index.ts');
	const { PRIVATE_KEY } = require('../node/fixture.ts');
	const emulator = new ImageKitEmulator({ privateKey: PRIVATE_KEY, openApi: false });
	for (let index = 0; index < count; index++) {
		emulator.seedFile({ name: `file-${index}.png`, folder: `/bench/${index % 100}/` });
	}
	await emulator.start();
	console.log(JSON.stringify({ proxyUrl: emulator.proxyUrl, urlEndpoint: emulator.urlEndpoint }));
	process.stdin.resume();
	process.stdin.on('end', () => void emulator.stop());
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
