// Small file-system helpers: atomic writes, disk space, sizes.
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { N8nDevError } from './errors';

export const GIB = 1024 ** 3;

export function isDir(p: string): boolean {
	try {
		return fs.statSync(p).isDirectory();
	} catch {
		return false;
	}
}

export function writeFileAtomic(file: string, content: string): void {
	const tmp = `${file}.${process.pid}.tmp`;
	fs.writeFileSync(tmp, content);
	fs.renameSync(tmp, file);
}

function freeBytes(p: string): { bytes: number; dir: string } {
	let dir = path.resolve(p);
	while (!fs.existsSync(dir)) dir = path.dirname(dir);
	const st = fs.statfsSync(dir);
	return { bytes: st.bavail * st.bsize, dir };
}

export function formatBytes(n: number): string {
	return n >= GIB ? `${(n / GIB).toFixed(1)} GiB` : `${Math.round(n / 1024 ** 2)} MiB`;
}

export function duBytes(p: string): number {
	// Space used on disk (blocks, so thousands of small files count fully); fall back to summing sizes.
	try {
		const out = childProcess.execFileSync('du', ['-sk', p], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		return Number(out.split(/\s/)[0]) * 1024;
	} catch {
		let total = 0;
		const walk = (d: string) => {
			for (const e of fs.readdirSync(d, { withFileTypes: true })) {
				const f = path.join(d, e.name);
				if (e.isDirectory()) walk(f);
				else if (e.isFile()) total += fs.statSync(f).size;
			}
		};
		if (isDir(p)) walk(p);
		return total;
	}
}

/** Throws with what to do when the disk of `dir` has less than `needed` bytes free; else returns the free bytes. */
export function assertFreeSpace(dir: string, needed: number, what: string): number {
	const { bytes, dir: on } = freeBytes(dir);
	if (bytes < needed) {
		throw new N8nDevError(
			`Not enough disk space to install ${what}: ${formatBytes(bytes)} free on the disk of ${on}, about ${formatBytes(needed)} needed.`,
			`Free up space (npm's cache, \`npm cache clean --force\`, is often large), or set N8N_IMAGEKIT_CACHE to a folder on a disk with ${formatBytes(needed)} free, then run this again.`,
		);
	}
	return bytes;
}

/** Whether a .js file under `dir` (outside node_modules, at most maxFiles read) contains `needle`. */
export function fileContains(dir: string, needle: string, { maxFiles = 4000 } = {}): boolean {
	let seen = 0;
	const walk = (d: string): boolean => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			if (seen > maxFiles) return false;
			const f = path.join(d, e.name);
			if (e.isDirectory() && e.name !== 'node_modules') {
				if (walk(f)) return true;
			} else if (e.isFile() && e.name.endsWith('.js')) {
				seen++;
				if (fs.readFileSync(f, 'utf8').includes(needle)) return true;
			}
		}
		return false;
	};
	return isDir(dir) && walk(dir);
}
