// n8n CLI commands (import:workflow, execute, …) on a user folder, for the e2e tests.
import * as childProcess from 'node:child_process';

import { buildN8nEnv } from './env';
import { N8nDevError } from './errors';
import { ensureN8n, type N8nInstall } from './install';
import { linkPackage } from './link';
import { silentLog } from './log';
import { freePort } from './ports';

/** Runs an n8n CLI command against a user folder, with the package linked; resolves with its output. */
export async function runN8nCommand({
	version,
	install,
	userFolder,
	args,
	env = {},
	linkPackage: link = true,
	timeoutMs = 300000,
}: {
	version?: string;
	install?: N8nInstall;
	userFolder: string;
	args: string[];
	env?: Record<string, string>;
	linkPackage?: boolean;
	timeoutMs?: number;
}): Promise<{ code: number | null; stdout: string; stderr: string }> {
	const n8n = install || (await ensureN8n(version, { log: silentLog }));
	if (!userFolder)
		throw new N8nDevError('runN8nCommand needs the userFolder of the n8n it works on.');
	if (link) linkPackage({ userFolder, install: n8n });
	const brokerPort = env.N8N_RUNNERS_BROKER_PORT || (await freePort());
	const full = buildN8nEnv(n8n, { userFolder, brokerPort, env });
	return new Promise((resolve, reject) => {
		const child = childProcess.spawn(n8n.nodeBin, [n8n.n8nBin, ...args], {
			cwd: userFolder,
			env: full,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const killGroup = () => {
			try {
				process.kill(-(child.pid as number), 'SIGKILL');
			} catch {
				// already gone
			}
		};
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		const timer = setTimeout(() => {
			killGroup();
			reject(
				new N8nDevError(
					`n8n ${args.join(' ')} timed out after ${timeoutMs / 1000}s`,
					undefined,
					`${stdout}\n${stderr}`.slice(-4000),
				),
			);
		}, timeoutMs);
		child.on('error', reject);
		child.on('exit', (code) => {
			clearTimeout(timer);
			killGroup(); // its task runners
			resolve({ code, stdout, stderr });
		});
	});
}
