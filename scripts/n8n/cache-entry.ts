// An entry of the cache (an n8n or a Node install) counts only once its completion marker is written.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { writeFileAtomic } from './files';
import type { LogFn } from './log';
import { readJson } from './paths';

const MARKER = '.n8n-imagekit-install.json';
const MARKER_FORMAT = 1;

/** What every completion marker holds; each kind of entry adds its own fields. */
export interface Marker {
	format: number;
	complete: true;
	installedAt: string;
	installSeconds: number;
}

export function readMarker<T extends Marker = Marker>(dir: string): T | null {
	try {
		const m = readJson<T>(path.join(dir, MARKER));
		return m && m.format === MARKER_FORMAT && m.complete === true ? m : null;
	} catch {
		return null;
	}
}

export function writeMarker<T extends Marker>(
	dir: string,
	fields: Omit<T, 'format' | 'complete'>,
): void {
	writeFileAtomic(
		path.join(dir, MARKER),
		`${JSON.stringify({ format: MARKER_FORMAT, complete: true, ...fields }, null, '\t')}\n`,
	);
}

export function removeMarker(dir: string): void {
	fs.rmSync(path.join(dir, MARKER), { force: true });
}

/** Removes what an unfinished install left in `dir`, then creates it empty. */
export function startFresh(dir: string, what: string, log: LogFn): void {
	if (fs.existsSync(dir)) {
		log(
			`${dir} holds an unfinished install of ${what} (no completion marker): removing it and starting over`,
		);
		fs.rmSync(dir, { recursive: true, force: true });
	}
	fs.mkdirSync(dir, { recursive: true });
}
