// Waiting for a starting n8n: ready, exited, or too slow (with its last lines in the error).
import { N8nDevError } from './errors';
import type { N8nProcess } from './n8n-process';
import { request } from './rest';

const READY_LINE = /Editor is now accessible via/;

/** n8n says it is up: its ready line, or, with that line filtered out (N8N_LOG_LEVEL=warn), /healthz/readiness. */
async function readinessAnswers(url: string): Promise<boolean> {
	try {
		return (await request(url, 'GET', '/healthz/readiness', { timeoutMs: 2000 })).status === 200;
	} catch {
		return false;
	}
}

/**
 * The editor's login answers: GET /rest/login, the session check of the sign-in page, answers JSON
 * (401 without a session). While n8n starts it answers its "starting up" page, then a 404 page, for
 * tens of seconds after /healthz already says ok. A GET, as POST /rest/login is rate-limited.
 */
async function loginAnswers(url: string): Promise<boolean> {
	try {
		const res = await request(url, 'GET', '/rest/login', { timeoutMs: 2000 });
		return res.status < 500 && res.json !== undefined;
	} catch {
		return false;
	}
}

/** Resolves when n8n says it is ready and the editor's login answers. */
export function waitUntilReady({
	server,
	url,
	timeoutMs,
	logFile,
}: {
	server: N8nProcess;
	url: string;
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
		let saysReady = false;
		const finish = (err?: Error) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			clearInterval(poll);
			if (err) reject(err);
			else resolve();
		};
		const check = async () => {
			saysReady ||= await readinessAnswers(url);
			if (saysReady && (await loginAnswers(url))) finish();
		};
		server.onLine((line) => {
			if (!READY_LINE.test(line)) return;
			saysReady = true;
			void check();
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
		const poll = setInterval(check, 1000);
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
