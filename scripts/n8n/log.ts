// Progress lines of `npm start` and the installer: "[n8n  1m05s] …", timed from the script's start.

export type LogFn = (line: string) => void;

const startedAt = Date.now();

/** "45s", "2m05s". */
export function formatDuration(ms: number): string {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

export function elapsed(since = startedAt): string {
	return formatDuration(Date.now() - since);
}

export function defaultLog(line: string): void {
	process.stdout.write(`[n8n ${elapsed().padStart(6)}] ${line}\n`);
}

export const silentLog: LogFn = () => {};
