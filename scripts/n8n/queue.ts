// n8n in queue mode on one machine: PostgreSQL and Redis of their own, one main instance (editor,
// triggers, REST), workers that run the executions Redis (Bull) hands them, and a webhook processor
// that takes production webhooks. Every n8n process has its own user folder with the package loaded
// into it, as on separate machines; they share the database, Redis and the encryption key.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { buildN8nEnv } from './env';
import { N8nDevError } from './errors';
import { ensureN8n, type N8nInstall } from './install';
import { linkPackage } from './link';
import { silentLog, type LogFn } from './log';
import { spawnN8nServer, type N8nExit, type N8nProcess } from './n8n-process';
import { assertPortFree, freePort } from './ports';
import { request } from './rest';
import {
	assertServicesInstalled,
	startPostgres,
	type PostgresCluster,
	type RunningService,
} from './services';
import { keptEncryptionKey, queueEnv } from './queue-env';
import { startRedis } from './redis';
import { startN8n, type RunningN8n, type StartOptions } from './start';

export interface QueueStackOptions {
	/** n8n version spec as for ensureN8n; queue mode is proven on 2.x. */
	version?: string;
	install?: N8nInstall;
	/** Holds postgres/, redis/ and one user folder per n8n process; kept between runs. */
	dataDir: string;
	/** Editor port of the main instance (default a free one). */
	port?: number;
	/** Port of the webhook processor (default a free one). */
	webhookPort?: number;
	workers?: number;
	/** Executions each worker runs at once (`n8n worker --concurrency`, n8n's default 10). */
	workerConcurrency?: number;
	/** Shared by every process; default one generated once and kept in dataDir. */
	encryptionKey?: string;
	/** Test clusters: PostgreSQL without fsync. */
	throwaway?: boolean;
	/** Extra environment for every n8n process (wins over the queue settings). */
	env?: Record<string, string>;
	owner?: StartOptions['owner'];
	ownerRequired?: boolean;
	log?: LogFn;
	/** Each line a process prints, with its role: main, worker-1, worker-2, webhook, … */
	onLine?: (role: string, line: string) => void;
	timeoutMs?: number;
}

/** A worker or webhook processor. */
export interface QueueProcess {
	role: string;
	pid: number;
	/** The port its /healthz answers on. */
	port: number;
	userFolder: string;
	logFile: string;
	exited: Promise<N8nExit>;
	hasExited(): boolean;
	logTail(n?: number): string;
	stop(timeoutMs?: number): Promise<N8nExit>;
	/** SIGKILL to its process group: a crash, for tests. */
	kill(): void;
}

export interface QueueStack {
	main: RunningN8n;
	workers: QueueProcess[];
	webhook: QueueProcess;
	/** Where production webhooks go: the webhook processor, e.g. http://localhost:5680 */
	webhookUrl: string;
	postgres: PostgresCluster;
	redis: RunningService;
	/** The queue-mode environment every n8n process shares (database, Redis, key, binary mode). */
	sharedEnv: Record<string, string>;
	/** One line per process: role, pid, port, state. */
	describe(): Promise<string[]>;
	/** Stops the n8n processes, then Redis and PostgreSQL. */
	stop(): Promise<void>;
}

async function healthy(port: number): Promise<boolean> {
	try {
		return (
			(await request(`http://127.0.0.1:${port}`, 'GET', '/healthz/readiness', { timeoutMs: 2000 }))
				.status === 200
		);
	} catch {
		return false;
	}
}

/** Starts `n8n worker` or `n8n webhook` and resolves once its /healthz/readiness answers 200. */
async function startQueueProcess({
	install,
	role,
	command,
	userFolder,
	port,
	env,
	onLine,
	timeoutMs,
}: {
	install: N8nInstall;
	role: string;
	command: string[];
	userFolder: string;
	port: number;
	env: Record<string, string>;
	onLine?: (role: string, line: string) => void;
	timeoutMs: number;
}): Promise<QueueProcess> {
	fs.mkdirSync(userFolder, { recursive: true });
	linkPackage({ userFolder, install });
	const logFile = path.join(userFolder, 'n8n.log');
	const server: N8nProcess = spawnN8nServer({ install, userFolder, env, port, logFile, command });
	if (onLine) server.onLine((line) => onLine(role, line));
	const handle: QueueProcess = {
		role,
		pid: server.pid,
		port,
		userFolder,
		logFile,
		exited: server.exited,
		hasExited: server.hasExited,
		logTail: server.logTail,
		stop: (stopTimeoutMs = 20000) => server.terminate(stopTimeoutMs),
		kill() {
			try {
				process.kill(-server.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		},
	};
	const deadline = Date.now() + timeoutMs;
	while (!(await healthy(port))) {
		if (server.hasExited() || Date.now() > deadline) {
			await handle.stop(2000);
			throw new N8nDevError(
				`n8n ${command.join(' ')} (${role}) ${server.hasExited() ? 'exited during startup' : `was not ready within ${timeoutMs / 1000}s`}. Its last lines:\n${server.logTail(30).replace(/^/gm, '  | ')}`,
				`Read ${logFile}.`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return handle;
}

/** Starts the whole stack; on failure stops what it started and rethrows. */
export async function startQueueStack(options: QueueStackOptions): Promise<QueueStack> {
	const log = options.log || silentLog;
	assertServicesInstalled();
	const install = options.install || (await ensureN8n(options.version, { log }));
	const dataDir = path.resolve(options.dataDir);
	fs.mkdirSync(dataDir, { recursive: true });
	const port = options.port || (await freePort());
	const webhookPort = options.webhookPort || (await freePort());
	await assertPortFree(port);
	await assertPortFree(webhookPort, 'N8N_IMAGEKIT_WEBHOOK_PORT');
	const timeoutMs = options.timeoutMs || 300000;

	const started: Array<{ stop(): Promise<unknown> }> = [];
	const stopAll = async () => {
		for (const service of started.reverse()) await service.stop();
		started.length = 0;
	};
	try {
		log(`PostgreSQL: cluster in ${path.join(dataDir, 'postgres')}`);
		const postgres = await startPostgres({
			dataDir: path.join(dataDir, 'postgres', 'data'),
			throwaway: options.throwaway,
			log,
		});
		started.push(postgres);
		log(`PostgreSQL ready on 127.0.0.1:${postgres.port} (pid ${postgres.pid})`);
		const redis = await startRedis({ workDir: path.join(dataDir, 'redis') });
		started.push(redis);
		log(`Redis ready on 127.0.0.1:${redis.port} (pid ${redis.pid}), no persistence`);

		const encryptionKey = options.encryptionKey || keptEncryptionKey(dataDir);
		const sharedEnv = queueEnv({ postgres, redis, encryptionKey });
		const webhookUrl = `http://localhost:${webhookPort}`;
		const env = { ...sharedEnv, ...(options.env || {}) };
		const userFolder = (role: string) => path.join(dataDir, 'n8n', role);

		log(`n8n main: starting on port ${port} (runs the database migrations on a new database)…`);
		const main = await startN8n({
			install,
			port,
			userFolder: userFolder('main'),
			keepUserFolder: true,
			// The editor shows production webhook URLs at the webhook processor.
			env: { WEBHOOK_URL: `${webhookUrl}/`, ...env },
			owner: options.owner,
			ownerRequired: options.ownerRequired,
			onLine: options.onLine && ((line) => options.onLine!('main', line)),
			timeoutMs,
		});
		started.push(main);
		let mainExited = false;
		void main.exited.then(() => (mainExited = true));
		log(`n8n main ready: ${main.url} (pid ${main.pid})`);

		const roles = [
			...Array.from({ length: options.workers ?? 2 }, (_, index) => ({
				role: `worker-${index + 1}`,
				command: ['worker', `--concurrency=${options.workerConcurrency ?? 10}`],
			})),
			{ role: 'webhook', command: ['webhook'] },
		];
		const processes = await Promise.all(
			roles.map(async ({ role, command }) => {
				const processPort = role === 'webhook' ? webhookPort : await freePort();
				const processEnv = buildN8nEnv(install, {
					userFolder: userFolder(role),
					port: role === 'webhook' ? webhookPort : undefined,
					brokerPort: await freePort(),
					env: {
						...env,
						...(role === 'webhook'
							? {}
							: {
									QUEUE_HEALTH_CHECK_ACTIVE: 'true',
									QUEUE_HEALTH_CHECK_PORT: String(processPort),
								}),
					},
				});
				const handle = await startQueueProcess({
					install,
					role,
					command,
					userFolder: userFolder(role),
					port: processPort,
					env: processEnv,
					onLine: options.onLine,
					timeoutMs,
				});
				started.push(handle);
				log(`n8n ${role} ready (pid ${handle.pid}, /healthz on port ${processPort})`);
				return handle;
			}),
		);
		const workers = processes.filter((p) => p.role.startsWith('worker-'));
		const webhook = processes.find((p) => p.role === 'webhook') as QueueProcess;
		const all: Array<{ role: string; pid: number; port: number; exited: () => boolean }> = [
			{ role: 'main', pid: main.pid, port: main.port, exited: () => mainExited },
			...processes.map((p) => ({ ...p, exited: p.hasExited })),
		];
		return {
			main,
			workers,
			webhook,
			webhookUrl,
			postgres,
			redis,
			sharedEnv,
			async describe() {
				const lines = [
					`postgres   pid ${postgres.pid}  127.0.0.1:${postgres.port}  database ${postgres.database}`,
					`redis      pid ${redis.pid}  127.0.0.1:${redis.port}`,
				];
				for (const p of all) {
					const state = p.exited()
						? 'exited'
						: (await healthy(p.port))
							? 'ready'
							: 'not answering /healthz/readiness';
					lines.push(`${p.role.padEnd(10)} pid ${p.pid}  port ${p.port}  ${state}`);
				}
				return lines;
			},
			stop: stopAll,
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}
