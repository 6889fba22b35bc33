// The two services n8n's queue mode needs beside it: a PostgreSQL cluster of its own (a data folder
// and a free port, as the `postgres` system user when this runs as root, since initdb refuses root)
// and a Redis without persistence. Both come from Debian packages and run in the foreground as
// children of this script, each in its own process group, so a stop ends exactly them.
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { N8nDevError } from './errors';
import type { LogFn } from './log';
import { freePort } from './ports';

export const APT_INSTALL = 'apt-get install -y postgresql redis-server';
const MISSING_HINT = `Install them (Debian/Ubuntu, as root): ${APT_INSTALL}`;
/** The system user Debian's postgresql package creates; initdb and postgres run as it under root. */
const POSTGRES_USER = 'postgres';

export interface RunningService {
	name: string;
	port: number;
	pid: number;
	/** The last lines it printed. */
	logTail(n?: number): string;
	exited: Promise<number | null>;
	/** SIGTERM (a fast shutdown for postgres), SIGKILL after timeoutMs. */
	stop(timeoutMs?: number): Promise<void>;
}

export interface PostgresCluster extends RunningService {
	database: string;
	user: string;
	dataDir: string;
}

/** The bin folder of the newest installed PostgreSQL (Debian: /usr/lib/postgresql/<major>/bin), or null. */
export function findPostgresBin(): string | null {
	const root = '/usr/lib/postgresql';
	const majors = fs.existsSync(root)
		? fs
				.readdirSync(root)
				.filter((name) => /^\d+$/.test(name))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	for (const major of majors) {
		const bin = path.join(root, major, 'bin');
		if (fs.existsSync(path.join(bin, 'initdb'))) return bin;
	}
	const onPath = whichSync('pg_ctl');
	return onPath ? path.dirname(onPath) : null;
}

function whichSync(command: string): string | null {
	for (const dir of (process.env.PATH || '').split(path.delimiter)) {
		const candidate = path.join(dir, command);
		if (dir && fs.existsSync(candidate)) return candidate;
	}
	return null;
}

/** Throws the one-line install command when PostgreSQL or Redis is missing. */
export function assertServicesInstalled(): { postgresBin: string; redisServer: string } {
	const postgresBin = findPostgresBin();
	const redisServer = whichSync('redis-server') || ['/usr/bin/redis-server'].find(fs.existsSync);
	const missing = [!postgresBin && 'PostgreSQL', !redisServer && 'Redis'].filter(Boolean);
	if (missing.length)
		throw new N8nDevError(
			`Queue mode needs ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed.`,
			MISSING_HINT,
		);
	if (isRoot() && !systemUserExists(POSTGRES_USER))
		throw new N8nDevError(
			`Running as root, the PostgreSQL cluster must run as the "${POSTGRES_USER}" system user, which does not exist.`,
			MISSING_HINT,
		);
	return { postgresBin: postgresBin as string, redisServer: redisServer as string };
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function systemUserExists(name: string): boolean {
	return childProcess.spawnSync('id', ['-u', name]).status === 0;
}

function systemIds(name: string): { uid: number; gid: number } {
	const id = (flag: string) =>
		Number(childProcess.spawnSync('id', [flag, name], { encoding: 'utf8' }).stdout.trim());
	return { uid: id('-u'), gid: id('-g') };
}

/** [command, args] that run `bin args` as the postgres user when this runs as root (setpriv execs, keeping the pid). */
function asPostgresUser(bin: string, args: string[]): [string, string[]] {
	if (!isRoot()) return [bin, args];
	return [
		'setpriv',
		[`--reuid=${POSTGRES_USER}`, `--regid=${POSTGRES_USER}`, '--init-groups', '--', bin, ...args],
	];
}

function runToEnd(command: string, args: string[], what: string): void {
	const result = childProcess.spawnSync(command, args, { encoding: 'utf8' });
	if (result.status !== 0)
		throw new N8nDevError(
			`${what} failed (exit ${result.status ?? result.signal}).`,
			undefined,
			`${result.stdout}\n${result.stderr}`.trim().slice(-3000),
		);
}

/** Spawns a foreground service in its own process group and waits until `ready` says so. */
export async function spawnService({
	name,
	command,
	args,
	port,
	logFile,
	ready,
	timeoutMs = 60000,
}: {
	name: string;
	command: string;
	args: string[];
	port: number;
	logFile: string;
	ready: () => Promise<boolean>;
	timeoutMs?: number;
}): Promise<RunningService> {
	const log = fs.openSync(logFile, 'a');
	const child = childProcess.spawn(command, args, {
		detached: true,
		stdio: ['ignore', log, log],
	});
	fs.closeSync(log);
	const logTail = (n = 20) =>
		fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-n).join('\n') : '';
	let done = false;
	const exited = new Promise<number | null>((resolve) =>
		child.on('exit', (code) => {
			done = true;
			resolve(code);
		}),
	);
	const killGroup = (signal: NodeJS.Signals) => {
		try {
			process.kill(-(child.pid as number), signal);
		} catch {
			// already gone
		}
	};
	const killOnExit = () => killGroup('SIGKILL');
	process.on('exit', killOnExit);
	void exited.then(() => process.removeListener('exit', killOnExit));
	const service: RunningService = {
		name,
		port,
		pid: child.pid as number,
		logTail,
		exited,
		async stop(stopTimeoutMs = 15000) {
			if (done) return;
			killGroup('SIGTERM');
			const timer = setTimeout(() => killGroup('SIGKILL'), stopTimeoutMs);
			await exited;
			clearTimeout(timer);
		},
	};
	const deadline = Date.now() + timeoutMs;
	while (!(await ready())) {
		if (done || Date.now() > deadline) {
			await service.stop(2000);
			throw new N8nDevError(
				`${name} ${done ? 'exited during startup' : `did not start within ${timeoutMs / 1000}s`}. Its last lines:\n${logTail().replace(/^/gm, '  | ')}`,
				`Read ${logFile}.`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return service;
}

/**
 * A PostgreSQL cluster in `dataDir` (created with initdb on first use; trust authentication on
 * 127.0.0.1 only), listening on a free port, with the database `n8n`. `throwaway` trades crash
 * safety for speed (fsync off), for test clusters that are deleted afterwards.
 */
export async function startPostgres({
	dataDir,
	port,
	throwaway = false,
	log,
}: {
	dataDir: string;
	port?: number;
	throwaway?: boolean;
	log: LogFn;
}): Promise<PostgresCluster> {
	const { postgresBin } = assertServicesInstalled();
	const bin = (tool: string) => path.join(postgresBin, tool);
	fs.mkdirSync(path.dirname(dataDir), { recursive: true });
	fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	if (isRoot()) {
		const { uid, gid } = systemIds(POSTGRES_USER);
		fs.chownSync(dataDir, uid, gid);
		const reach = childProcess.spawnSync('setpriv', [
			`--reuid=${POSTGRES_USER}`,
			`--regid=${POSTGRES_USER}`,
			'--init-groups',
			'--',
			'test',
			'-w',
			dataDir,
		]);
		if (reach.status !== 0)
			throw new N8nDevError(
				`The "${POSTGRES_USER}" user cannot write ${dataDir} (a parent folder is closed to other users?).`,
				'Clone the repository where other users can read it, or set N8N_IMAGEKIT_QUEUE_DATA to a folder under /var/tmp.',
			);
	}
	if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
		log(`initdb ${dataDir}`);
		runToEnd(
			...asPostgresUser(bin('initdb'), [
				'-D',
				dataDir,
				'--username=postgres',
				'--auth=trust',
				'--encoding=UTF8',
				'--no-instructions',
			]),
			'initdb',
		);
	}
	const listenPort = port || (await freePort());
	const settings = [
		'listen_addresses=127.0.0.1',
		`unix_socket_directories=${dataDir}`,
		'max_connections=200',
		...(throwaway ? ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'] : []),
	];
	const service = await spawnService({
		name: 'postgres',
		...commandOf(
			asPostgresUser(bin('postgres'), [
				'-D',
				dataDir,
				'-p',
				String(listenPort),
				...settings.flatMap((s) => ['-c', s]),
			]),
		),
		port: listenPort,
		logFile: path.join(path.dirname(dataDir), 'postgres.log'),
		ready: async () =>
			childProcess.spawnSync(bin('pg_isready'), ['-h', '127.0.0.1', '-p', String(listenPort)])
				.status === 0,
	});
	const exists = childProcess.spawnSync(
		bin('psql'),
		[
			'-h',
			'127.0.0.1',
			'-p',
			String(listenPort),
			'-U',
			'postgres',
			'-tAc',
			"SELECT 1 FROM pg_database WHERE datname = 'n8n'",
		],
		{ encoding: 'utf8' },
	);
	if (exists.stdout.trim() !== '1')
		runToEnd(
			bin('createdb'),
			['-h', '127.0.0.1', '-p', String(listenPort), '-U', 'postgres', 'n8n'],
			'createdb n8n',
		);
	return { ...service, database: 'n8n', user: 'postgres', dataDir };
}

const commandOf = ([command, args]: [string, string[]]) => ({ command, args });
