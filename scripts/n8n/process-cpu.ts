// CPU time of a process and everything below it (Linux /proc), so a long compile can show it is working.
import * as fs from 'node:fs';

// USER_HZ, the unit of the times in /proc/<pid>/stat: 100 on Linux (x86 and arm alike).
const TICKS_PER_SECOND = 100;

/** Seconds of CPU used so far by `pid` and its descendants (finished ones included); null without /proc. */
export function treeCpuSeconds(pid: number): number | null {
	if (process.platform !== 'linux') return null;
	let entries: string[];
	try {
		entries = fs.readdirSync('/proc');
	} catch {
		return null;
	}
	const children = new Map<number, number[]>();
	const ticks = new Map<number, number>();
	for (const entry of entries) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // exited meanwhile
		}
		// "pid (comm) state ppid …": comm may hold spaces, so count the fields after its last ")".
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ppid = Number(fields[1]);
		// utime, stime, and the cutime, cstime of reaped children (fields 14-17 of the line).
		const used = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
		ticks.set(Number(entry), used);
		children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
	}
	if (!ticks.has(pid)) return null;
	let total = 0;
	const queue = [pid];
	while (queue.length) {
		const p = queue.pop() as number;
		total += ticks.get(p) ?? 0;
		queue.push(...(children.get(p) ?? []));
	}
	return total / TICKS_PER_SECOND;
}
