import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

import * as ts from 'typescript';

// `npm run n8n` runs what scripts/tsconfig.json emits into .cache/scripts; a setting inherited from
// the root tsconfig (which only type-checks, the build being esbuild's) must not stop that emit.
it('scripts/tsconfig.json emits the n8n scripts into .cache/scripts', () => {
	const configPath = path.resolve(__dirname, '../../scripts/tsconfig.json');
	const parsed = ts.getParsedCommandLineOfConfigFile(
		configPath,
		{},
		{
			...ts.sys,
			onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
				throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
			},
		},
	);
	expect(parsed?.options.noEmit).not.toBe(true);
	expect(parsed?.options.outDir).toBe(path.resolve(__dirname, '../../.cache/scripts'));
	expect(parsed?.fileNames).toContain(path.resolve(__dirname, '../../scripts/n8n/cli.ts'));
});

// Each module of the dev tooling stays one concern a reviewer can read at once (issue 13).
it('keeps every scripts/n8n module under 300 lines', () => {
	const dir = path.resolve(__dirname, '../../scripts/n8n');
	const long = readdirSync(dir)
		.filter((file) => file.endsWith('.ts'))
		.map((file) => [file, readFileSync(path.join(dir, file), 'utf8').split('\n').length - 1])
		.filter(([, lines]) => (lines as number) > 300);
	expect(long).toEqual([]);
});
