// `n8n start` with this package loaded and the owner logged in, as one handle for npm start and the tests.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { N8nDevError } from './errors';
import { buildN8nEnv } from './env';
import { ensureN8n, type N8nInstall } from './install';
import { linkPackage, type LinkedPackage, type LinkMode } from './link';
import { silentLog, type LogFn } from './log';
import { spawnN8nServer, type N8nExit } from './n8n-process';
import { DEFAULT_OWNER, ensureOwnerOverRest, login, ownerEnv, type Owner } from './owner';
import { assertPortFree, freePort } from './ports';
import { waitUntilReady } from './ready';
import { request, type RestResponse } from './rest';
import { prepareUserFolder, recordN8nVersion } from './user-folder';

export const DEFAULT_PORT = 5678;

export interface StartOptions {
	/** n8n version spec as for ensureN8n (default $N8N_VERSION, else DEFAULT_N8N_2). */
	version?: string;
	/** A result of ensureN8n, to skip resolving again. */
	install?: N8nInstall;
	/** Editor/API port (default 5678). Rejects at once if it is in use. */
	port?: number;
	/** N8N_USER_FOLDER; default a new temp folder, removed by stop() unless keepUserFolder. */
	userFolder?: string;
	keepUserFolder?: boolean;
	/** Extra environment for n8n; wins over everything else. */
	env?: Record<string, string>;
	/** The owner to create and log in as (default DEFAULT_OWNER); false for none. */
	owner?: Partial<Owner> | false;
	/** false: a failed owner login does not stop the start (see RunningN8n.ownerError). Default true. */
	ownerRequired?: boolean;
	/** Package to load (default this repo); false to skip linking. */
	packageDir?: string;
	linkPackage?: boolean;
	/** "copy" (default: package.json + dist, with n8n's own n8n-workflow beside it) or "symlink". */
	linkMode?: LinkMode;
	/** Start even if a newer n8n last used this user folder (its database may not work). */
	allowDowngrade?: boolean;
	/** Startup timeout (default 300 s). */
	timeoutMs?: number;
	/** n8n's output goes here too (default <userFolder>/n8n.log; null for none). */
	logFile?: string | null;
	/** Each line n8n prints. */
	onLine?: (line: string) => void;
	/** Progress of this module (default silent); installLog for the install step (default: log). */
	log?: LogFn;
	installLog?: LogFn;
}

export interface RunningN8n {
	/** e.g. http://localhost:5678 */
	url: string;
	port: number;
	pid: number;
	userFolder: string;
	logFile: string | null;
	version: string;
	nodeVersion: string;
	install: N8nInstall;
	owner: Owner | null;
	linked: LinkedPackage | null;
	startSeconds: number;
	/** Set when ownerRequired was false and the owner could not log in. */
	ownerError: Error | null;
	/** The full environment n8n runs with. */
	env: Record<string, string>;
	/** The last n lines n8n printed. */
	logTail(n?: number): string;
	/** SIGTERM to n8n's process group, SIGKILL after timeoutMs (default 20 s). */
	stop(options?: { timeoutMs?: number; keepUserFolder?: boolean }): Promise<N8nExit>;
	/** Resolves when n8n exits. */
	exited: Promise<N8nExit>;
	/** Logs in again as the owner; returns the `n8n-auth=…` cookie. */
	login(): Promise<string>;
	/** A REST call with the owner's session, e.g. rest('GET', '/rest/workflows'). */
	rest(method: string, path: string, body?: unknown): Promise<RestResponse>;
	/** Names of all node types (e.g. 'n8n-nodes-imagekit.imageKit') and credential types the editor has. */
	types(): Promise<{ nodes: string[]; credentials: string[] }>;
}

/**
 * Starts `n8n start` with this package linked into the user folder; resolves when the editor is
 * accessible (and the owner is logged in), rejects with the log tail on early exit or timeout.
 */
export async function startN8n(options: StartOptions = {}): Promise<RunningN8n> {
	const log = options.log || silentLog;
	const install =
		options.install || (await ensureN8n(options.version, { log: options.installLog || log }));
	const port = Number(options.port || DEFAULT_PORT);
	await assertPortFree(port);
	const folder = prepareUserFolder(options.userFolder, install.version, {
		allowDowngrade: options.allowDowngrade,
	});
	const userFolder = folder.path;
	const linked =
		options.linkPackage === false
			? null
			: linkPackage({
					userFolder,
					packageDir: options.packageDir,
					mode: options.linkMode,
					install,
				});

	const owner = options.owner === false ? null : { ...DEFAULT_OWNER, ...(options.owner || {}) };
	const callerEnv = options.env || {};
	// Each n8n process runs a task broker; the default port 5679 clashes with a second n8n.
	const brokerPort =
		callerEnv.N8N_RUNNERS_BROKER_PORT || process.env.N8N_RUNNERS_BROKER_PORT || (await freePort());
	const env = buildN8nEnv(install, {
		userFolder,
		port,
		brokerPort,
		env: { ...ownerEnv(install, owner), ...callerEnv },
	});
	const host =
		env.N8N_LISTEN_ADDRESS && !['::', '0.0.0.0'].includes(env.N8N_LISTEN_ADDRESS)
			? env.N8N_LISTEN_ADDRESS
			: 'localhost';
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	const logFile =
		options.logFile === undefined ? path.join(userFolder, 'n8n.log') : options.logFile;

	const t = Date.now();
	const server = spawnN8nServer({ install, userFolder, env, port, logFile });
	if (options.onLine) server.onLine(options.onLine);

	async function stop({ timeoutMs = 20000, keepUserFolder = false } = {}): Promise<N8nExit> {
		const result = await server.terminate(timeoutMs);
		if (folder.temporary && !options.keepUserFolder && !keepUserFolder)
			fs.rmSync(userFolder, { recursive: true, force: true });
		return result;
	}

	try {
		const timeoutMs = options.timeoutMs || 300000;
		await waitUntilReady({ server, url, timeoutMs, logFile });
	} catch (e) {
		await stop({ timeoutMs: 5000, keepUserFolder: true }); // its n8n.log, for a look
		throw e;
	}
	const startSeconds = (Date.now() - t) / 1000;
	recordN8nVersion(userFolder, install.version);

	let cookie: string | null = null;
	let ownerError: Error | null = null;
	if (owner) {
		try {
			cookie = install.features.ownerFromEnv
				? await login(url, owner)
				: await ensureOwnerOverRest(url, owner, log);
		} catch (e) {
			if (options.ownerRequired !== false) {
				await stop({ timeoutMs: 5000 });
				throw e;
			}
			ownerError = e;
		}
	}

	const handle: RunningN8n = {
		url,
		port,
		pid: server.pid,
		userFolder,
		logFile,
		version: install.version,
		nodeVersion: install.nodeVersion,
		install,
		owner,
		linked,
		startSeconds,
		ownerError,
		env,
		logTail: server.logTail,
		stop,
		exited: server.exited,
		async login() {
			if (!owner) throw new N8nDevError('This n8n was started without an owner (owner: false).');
			cookie = await login(url, owner);
			return cookie;
		},
		async rest(method, urlPath, body) {
			if (!cookie) await handle.login();
			return request(url, method, urlPath, { body, cookie });
		},
		async types() {
			const nodes = await request(url, 'GET', '/types/nodes.json', { cookie, timeoutMs: 60000 });
			const creds = await request(url, 'GET', '/types/credentials.json', {
				cookie,
				timeoutMs: 60000,
			});
			if (nodes.status !== 200 || creds.status !== 200)
				throw new N8nDevError(`GET /types/*.json answered ${nodes.status}/${creds.status}`);
			return {
				nodes: (nodes.json as { name: string }[]).map((n) => n.name),
				credentials: (creds.json as { name: string }[]).map((c) => c.name),
			};
		},
	};
	return handle;
}
