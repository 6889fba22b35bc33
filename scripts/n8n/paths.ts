// Where things are: this repository, the machine-wide cache of n8n installs, package.json files.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The parts of a package.json these scripts read. */
export interface PackageJson {
	name: string;
	version: string;
	files?: string[];
	engines?: { node?: string };
	n8n?: { nodes?: string[]; credentials?: string[] };
}

/** The nearest folder with a package.json: the same from scripts/n8n/ and from its build in .cache/scripts/n8n/. */
function findRepoRoot(from: string): string {
	for (let dir = from; ; dir = path.dirname(dir)) {
		if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
		if (path.dirname(dir) === dir) throw new Error(`No package.json in ${from} or above it.`);
	}
}

export const REPO_ROOT = findRepoRoot(__dirname);

// Machine-wide by default, so every checkout (and CI's fresh clone) reuses one install.
export function cacheDir(): string {
	const userCache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.resolve(
		process.env.N8N_IMAGEKIT_CACHE || path.join(userCache, 'n8n-nodes-imagekit', 'n8n'),
	);
}

export function readJson<T = unknown>(file: string): T {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export function packageInfo(packageDir = REPO_ROOT): PackageJson {
	return readJson<PackageJson>(path.join(packageDir, 'package.json'));
}

/** The folder of package `name` as Node would resolve it from `startDir`, or null. */
export function packageDirFrom(startDir: string, name: string): string | null {
	for (let d = startDir; ; d = path.dirname(d)) {
		const candidate = path.join(d, 'node_modules', name);
		if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
		if (path.dirname(d) === d) return null;
	}
}
