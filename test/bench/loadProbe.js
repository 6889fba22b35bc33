'use strict';
// One fresh process: n8n-workflow is loaded first (n8n has it loaded before any community node),
// then the node file is required and its description built, as n8n's loader does. Prints JSON.
const path = require('path');

require('n8n-workflow');
const file = path.resolve(process.argv[2]);
const before = new Set(Object.keys(require.cache));
const start = process.hrtime.bigint();
const exported = require(file);
const NodeClass = exported[path.basename(file).split('.')[0]];
JSON.stringify(new NodeClass().description);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const modules = Object.keys(require.cache).filter((name) => !before.has(name)).length;
process.stdout.write(JSON.stringify({ ms, modules }) + '\n');
