'use strict';
// Started by run.js with the target as argument; loads the TypeScript check and runs it.
require('../bench/typescript-hook');
require('reflect-metadata');

const { runLiveCheck } = require('./live.ts');

// n8n's engine may keep handles open after closing, so the process ends explicitly.
runLiveCheck(process.argv[2]).then(
	(passed) => process.exit(passed ? 0 : 1),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
