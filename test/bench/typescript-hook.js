'use strict';
// Lets the benchmarks reuse the TypeScript test harness and emulator: transpiles .ts on require.
const fs = require('fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
		},
		fileName: filename,
	});
	module._compile(outputText, filename);
};

// Resolve `X.node` to `X.node.ts` before the codex file `X.node.json` beside it.
for (const extension of ['.json', '.node']) {
	const loader = require.extensions[extension];
	delete require.extensions[extension];
	require.extensions[extension] = loader;
}
