// One `n8n start` process: its output split into lines (kept, logged, passed on) and a clean stop.
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';

import type { N8nInstall } from './install';

export interface N8nExit {
	code: number | null;
	signal: NodeJS.Signals | null;
}

export interface N8nProcess {
	pid: number;
	/** Resolves when n8n exits (its task runners are killed then too). */
	exited: Promise<N8nExit>;
	hasExited(): boolean;
	/** Calls `listener` with each line n8n prints from now on. */
	onLine(listener: (line: string) => void): void;
	/** The last n lines n8n printed. */
	logTail(n?: number): string;
	/** Whether n8n printed anything yet. */
	printedAnything(): boolean;
	/** SIGTERM to n8n's process group, SIGKILL after timeoutMs; resolves when it has exited. */
	terminate(timeoutMs: number): Promise<N8nExit>;
}

/**
 * Starts `n8n start` (or another long-running command: `worker`, `webhook`) in its own process
 * group; every line also goes to logFile unless it is null.
 */
export function spawnN8nServer({
	install,
	userFolder,
	env,
	port,
	logFile,
	command = ['start'],
}: {
	install: N8nInstall;
	userFolder: string;
	env: Record<string, string>;
	port: number;
	logFile: string | null;
	command?: string[];
}): N8nProcess {
	const logFd = logFile ? fs.openSync(logFile, 'a') : null;
	if (logFd !== null)
		fs.writeSync(
			logFd,
			`\n==== ${new Date().toISOString()} n8n ${command.join(' ')} ${install.version} on Node ${install.nodeVersion}, port ${port}\n`,
		);

	const child = childProcess.spawn(install.nodeBin, [install.n8nBin, ...command], {
		cwd: userFolder,
		env,
		detached: true, // own process group, so stop() also ends n8n's task runners
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const tail: string[] = [];
	const listeners: ((line: string) => void)[] = [];
	let exited: N8nExit | null = null;
	function killGroup(signal: NodeJS.Signals) {
		try {
			process.kill(-(child.pid as number), signal);
		} catch {
			// already gone
		}
	}
	const exitPromise = new Promise<N8nExit>((resolve) => {
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			killGroup('SIGKILL'); // leftover task runners
			if (logFd !== null) {
				fs.writeSync(logFd, `==== exit ${signal || code}\n`);
				fs.closeSync(logFd);
			}
			resolve(exited);
		});
	});
	const killOnExit = () => killGroup('SIGKILL');
	process.on('exit', killOnExit);
	void exitPromise.then(() => process.removeListener('exit', killOnExit));

	const lineHandler = (line: string) => {
		tail.push(line);
		if (tail.length > 200) tail.shift();
		if (logFd !== null && exited === null) fs.writeSync(logFd, `${line}\n`);
		for (const listener of listeners) listener(line);
	};
	for (const stream of [child.stdout, child.stderr]) {
		let buf = '';
		stream.setEncoding('utf8').on('data', (chunk: string) => {
			buf += chunk;
			const lines = buf.split(/\r?\n/);
			buf = lines.pop() as string;
			lines.forEach(lineHandler);
		});
	}

	return {
		pid: child.pid as number,
		exited: exitPromise,
		hasExited: () => exited !== null,
		onLine: (listener) => listeners.push(listener),
		logTail: (n = 60) => tail.slice(-n).join('\n'),
		printedAnything: () => tail.length > 0,
		async terminate(timeoutMs) {
			let timer: NodeJS.Timeout | undefined;
			if (!exited) {
				killGroup('SIGTERM');
				timer = setTimeout(() => killGroup('SIGKILL'), timeoutMs);
			}
			const result = await exitPromise;
			clearTimeout(timer);
			return result;
		},
	};
}
