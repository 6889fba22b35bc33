// Types for scripts/n8n.js, the local-n8n runner that `npm start` and the e2e tests share.

export declare const DEFAULT_N8N_2: string;
export declare const DEFAULT_N8N_1: string;
export declare const DEFAULT_PORT: number;
export declare const NODE_PACKAGE_VERSION: string;

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}
export declare const DEFAULT_OWNER: Readonly<Owner>;

/** An error with a message that says what went wrong and a hint that says what to do. */
export declare class N8nDevError extends Error {
	hint?: string;
	details?: string;
}

export interface N8nInstall {
	/** Exact n8n version, e.g. "2.40.7". */
	version: string;
	/** The cache folder of this install (<cache>/n8n-<version>). */
	dir: string;
	/** n8n's CLI script: run it as `spawn(nodeBin, [n8nBin, 'start'])`. */
	n8nBin: string;
	/** The Node.js binary n8n runs on (Node 24 from the cache for 2.x, this machine's Node for 1.x). */
	nodeBin: string;
	nodeVersion: string;
	features: { ownerFromEnv: boolean; mcpRegistryModule: boolean };
	/** Variables to add to the environment of any n8n process: PATH with nodeBin first, quiet/offline settings. */
	env: Record<string, string>;
	installSeconds?: number;
}

export type LogFn = (line: string) => void;

/**
 * Installs n8n into the cache on first use (Node too if needed), verified and marked complete;
 * later calls return at once. `spec`: undefined or "2" → DEFAULT_N8N_2, "1" → DEFAULT_N8N_1,
 * "2.40" / "1.123", or an exact version. Defaults to $N8N_VERSION. Logs progress to stdout by default.
 */
export declare function ensureN8n(spec?: string, options?: { log?: LogFn }): Promise<N8nInstall>;

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
	linkMode?: 'copy' | 'symlink';
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

export interface RestResponse {
	status: number;
	json: any;
	text: string;
	headers: Headers;
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
	linked: { target: string; packageName: string; mode: string } | null;
	startSeconds: number;
	/** Set when ownerRequired was false and the owner could not log in. */
	ownerError: Error | null;
	/** The full environment n8n runs with. */
	env: Record<string, string>;
	/** The last n lines n8n printed. */
	logTail(n?: number): string;
	/** SIGTERM to n8n's process group, SIGKILL after timeoutMs (default 20 s). */
	stop(options?: { timeoutMs?: number }): Promise<{ code: number | null; signal: string | null }>;
	/** Resolves when n8n exits. */
	exited: Promise<{ code: number | null; signal: string | null }>;
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
export declare function startN8n(options?: StartOptions): Promise<RunningN8n>;

/** Runs an n8n CLI command (import:workflow, execute, …) on a user folder, with the package linked. */
export declare function runN8nCommand(options: {
	version?: string;
	install?: N8nInstall;
	userFolder: string;
	args: string[];
	env?: Record<string, string>;
	linkPackage?: boolean;
	timeoutMs?: number;
}): Promise<{ code: number | null; stdout: string; stderr: string }>;

/** Puts the package into <userFolder>/.n8n/nodes/node_modules/<name>. */
export declare function linkPackage(options: {
	userFolder: string;
	packageDir?: string;
	mode?: 'copy' | 'symlink';
	install?: N8nInstall;
}): { target: string; packageName: string; mode: string };

/** The environment for an n8n process: install.env, then process.env, then the given settings. */
export declare function buildN8nEnv(
	install: N8nInstall,
	options?: {
		userFolder?: string;
		port?: number;
		brokerPort?: number;
		env?: Record<string, string>;
	},
): Record<string, string>;

export declare function login(baseUrl: string, owner: Owner): Promise<string>;
export declare function assertPortFree(port: number, envName?: string): Promise<void>;
export declare function freePort(): Promise<number>;
export declare function resolveVersion(spec?: string): string;
export declare function satisfiesRange(version: string, range: string): boolean;
export declare function cacheDir(): string;
/** The persistent user folder of `npm start`: $N8N_IMAGEKIT_USER_FOLDER or <repo>/.cache/n8n-user/<major>.x. */
export declare function defaultUserFolder(version?: string): string;
