// The native modules n8n needs (sqlite3 for its database, isolated-vm for expressions): found, checked, built.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { N8nDevError } from './errors';
import { writeFileAtomic } from './files';
import { elapsed, type LogFn } from './log';
import type { NodeRange, NodeRuntime } from './node-runtime';
import { runNpm, runQuiet } from './npm';
import { readJson, type PackageJson } from './paths';

const NATIVE_MODULES = ['sqlite3', 'isolated-vm'];
const NATIVE_CHECKS: Record<string, string> = {
	sqlite3: `const s = require(dir); const db = new s.Database(':memory:'); db.get('select 1 as x', (e, r) => { if (e || r.x !== 1) { console.error(e); process.exit(1); } db.close(); });`,
	'isolated-vm': `const ivm = require(dir); const i = new ivm.Isolate({ memoryLimit: 16 }); if (i.compileScriptSync('6*7').runSync(i.createContextSync()) !== 42) process.exit(1); i.dispose();`,
};

export interface NativeModule {
	name: string;
	dir: string;
}

/** Native modules in a node_modules tree, wherever npm placed them. */
export function findNativeModules(root: string): NativeModule[] {
	const found: NativeModule[] = [];
	const walk = (nm: string, depth: number) => {
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(nm, { withFileTypes: true });
		} catch {
			return;
		}
		for (const e of entries) {
			if (!e.isDirectory() && !e.isSymbolicLink()) continue;
			if (e.name.startsWith('@')) {
				walk(path.join(nm, e.name), depth);
				continue;
			}
			const dir = path.join(nm, e.name);
			if (NATIVE_MODULES.includes(e.name) && fs.existsSync(path.join(dir, 'package.json')))
				found.push({ name: e.name, dir });
			if (depth < 8) walk(path.join(dir, 'node_modules'), depth + 1);
		}
	};
	walk(path.join(root, 'node_modules'), 0);
	return found;
}

/** Adds the Node ranges of the native modules to `ranges` (n8n 1.123.81: isolated-vm 6 needs Node >= 22). */
export function addNativeRanges(ranges: NodeRange[], natives: NativeModule[]): void {
	for (const n of natives) {
		const range = (readJson<PackageJson>(path.join(n.dir, 'package.json')).engines || {}).node;
		const what = `${n.name} ${readJson<PackageJson>(path.join(n.dir, 'package.json')).version}`;
		if (range && !ranges.some((r) => r.what === what)) ranges.push({ what, range });
	}
}

/** Loads the module on `node` in a child process and checks that it works. */
export function nativeModuleLoads(node: NodeRuntime, n: NativeModule, cwd: string) {
	return runQuiet(
		node.nodeBin,
		['-e', `const dir = ${JSON.stringify(n.dir)}; ${NATIVE_CHECKS[n.name]}`],
		{ cwd },
	);
}

/** Builds the named modules from source for `node`, with its headers. */
export async function buildNativeModules({
	node,
	names,
	dir,
	log,
	logFile,
}: {
	node: NodeRuntime;
	names: string[];
	dir: string;
	log: LogFn;
	logFile: string;
}): Promise<void> {
	const s = Date.now();
	// From source: prebuild-install (sqlite3's install script) would try to download binaries from
	// GitHub. It reads its settings through rc (its rc.js), which also looks for a .prebuild-installrc
	// in the folders above the package. npm_config_build_from_source works too, but npm 11 warns that
	// it is an unknown config that "will stop working", and an rc variable with prebuild-install's
	// name never reaches it: the shell that runs install scripts drops names with a "-".
	writeFileAtomic(path.join(dir, '.prebuild-installrc'), 'buildFromSource=true\n');
	const gypEnv: Record<string, string> = { JOBS: String(Math.max(1, os.cpus().length)) };
	if (node.nodeDir) gypEnv.npm_config_nodedir = node.nodeDir;
	await runNpm({
		nodeBin: node.nodeBin,
		args: ['rebuild', ...names, '--ignore-scripts=false', '--foreground-scripts', '--prefix', dir],
		cwd: dir,
		env: gypEnv,
		log,
		logFile,
		label: 'build',
	});
	log(`✓ native modules built (${elapsed(s)})`);
}

/** Throws naming the first native module that does not load on `node`; logs each that does. */
export function assertNativeModulesLoad(
	node: NodeRuntime,
	natives: NativeModule[],
	dir: string,
	log: LogFn,
	logFile: string,
): void {
	for (const n of natives) {
		const r = nativeModuleLoads(node, n, dir);
		if (r.code !== 0) {
			throw new N8nDevError(
				`The native module ${n.name} (${path.relative(dir, n.dir)}) does not load on Node ${node.version}.`,
				`Read ${logFile}; delete ${dir} and run this again.`,
				r.out,
			);
		}
		log(`  ${path.relative(dir, n.dir)} loads on Node ${node.version}`);
	}
}
