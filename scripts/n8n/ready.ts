// Waiting for a starting n8n: ready, exited, or too slow (with its last lines in the error).
import { N8nDevError } from './errors';
import type { N8nProcess } from './n8n-process';
import { request } from './rest';

const READY_LINE = /Editor is now accessible via/;

/** Resolves when n8n prints its ready line (or, with that line filtered out, its API answers). */
export function waitUntilReady({
	server,
	url,
	startedAt,
	timeoutMs,
	logFile,
}: {
	server: N8nProcess;
	url: string;
	startedAt: number;
	timeoutMs: number;
	logFile: string | null;
}): Promise<void> {
	// Startup errors carry n8n's last lines in the message itself, so test runners show them.
	const lastLines = () =>
		server.printedAnything()
			? `Its last lines:\n${server.logTail(40).replace(/^/gm, '  | ')}`
			: 'It printed nothing.';
	const logHint = `Read its output${logFile ? ` in ${logFile}` : ''}; fix the cause (a port in use? a broken build of the package?) and start again.`;
	return new Promise((resolve, reject) => {
		let settled = false;
		const finish = (err?: Error) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			clearInterval(poll);
			if (err) reject(err);
			else resolve();
		};
		server.onLine((line) => {
			if (READY_LINE.test(line)) finish();
		});
		const timer = setTimeout(
			() =>
				finish(
					new N8nDevError(
						`n8n did not become ready within ${Math.round(timeoutMs / 1000)}s. ${lastLines()}`,
						logHint,
					),
				),
			timeoutMs,
		);
		// Fallback when the ready line is filtered out (N8N_LOG_LEVEL=warn): healthz plus settings.
		const poll = setInterval(async () => {
			try {
				const h = await request(url, 'GET', '/healthz/readiness', { timeoutMs: 2000 });
				if (h.status !== 200) return;
				const s = await request(url, 'GET', '/rest/settings', { timeoutMs: 2000 });
				if (s.status === 200 && Date.now() - startedAt > 5000) finish();
			} catch {
				// not up yet
			}
		}, 3000);
		void server.exited.then(({ code, signal }) =>
			finish(
				new N8nDevError(
					`n8n exited during startup (${signal || `exit code ${code}`}). ${lastLines()}`,
					logHint,
				),
			),
		);
	});
}
