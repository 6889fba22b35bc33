// One installer per cache entry: a second process (npm start next to an e2e run) waits for the first.
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { LogFn } from './log';

const heldLocks = new Set<string>();

export function releaseLocksSync(): void {
	for (const lock of heldLocks) fs.rmSync(lock, { recursive: true, force: true });
	heldLocks.clear();
}

process.on('exit', releaseLocksSync);

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `fn` holding the lock `<target>.lock`; a lock whose process is gone is taken over. */
export async function withLock<T>(target: string, log: LogFn, fn: () => Promise<T>): Promise<T> {
	const lock = `${target}.lock`;
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			heldLocks.add(lock);
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			let pid = NaN;
			try {
				pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {
				// The other process is between mkdir and writing its pid; give it a moment.
			}
			if (Number.isInteger(pid) && pid !== process.pid && !pidAlive(pid)) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!announced) {
				log(`another process (pid ${pid}) is installing into ${target}; waiting for it…`);
				announced = true;
			}
			await sleep(2000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
		heldLocks.delete(lock);
	}
}
