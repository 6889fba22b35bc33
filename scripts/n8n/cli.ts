/*
 * A local n8n with this package loaded under its real package name (`n8n-nodes-imagekit.*`).
 *
 *   npm start                  build, then `npm run n8n -- start`
 *   npm run n8n -- start       install n8n into the cache on first run, then start it
 *   npm run start:queue        build, then `npm run n8n -- start:queue`: n8n in queue mode with its own
 *                              PostgreSQL and Redis (Debian packages postgresql and redis-server), one
 *                              main, two workers and a webhook processor (queue.ts, services.ts)
 *   npm run n8n -- install     only install (or verify) n8n in the cache
 *   npm run n8n -- info        versions, paths and what is cached
 *
 * `npm run n8n` compiles scripts/n8n/ (tsconfig in scripts/) into .cache/scripts and runs this file
 * with the machine's Node (20 is enough) and no dependency: standard library only, so it runs before
 * anything else is built. n8n runs on the Node it needs: this Node when n8n's engines and those of its
 * native modules accept it (n8n 1.123.5), else Node 24 from the npm package node-<platform>-<arch>
 * (Linux and macOS, x64 and arm64; elsewhere N8N_IMAGEKIT_NODE), installed into the cache too
 * (n8n 2.40.7; 1.123.81, whose isolated-vm 6 needs Node >= 22).
 * The first run installs n8n (8-13 minutes on 2 cores, 1.7-2.8 GiB); a marker file written after a verified
 * install makes later runs start at once, and an install without it is removed and redone.
 * The e2e harness imports the same modules (index.ts): ensureN8n(), startN8n(), linkPackage(), runN8nCommand().
 *
 * Environment:
 *   N8N_VERSION               n8n to run: unset or "2" = DEFAULT_N8N_2, "1" = DEFAULT_N8N_1, "2.40" or
 *                             "1.123" = that line's pinned patch, or an exact version like 1.123.5
 *   N8N_PORT                  port of the editor and API (default 5678)
 *   N8N_IMAGEKIT_CACHE        where n8n and Node are installed (default ~/.cache/n8n-nodes-imagekit/n8n,
 *                             or under $XDG_CACHE_HOME)
 *   N8N_IMAGEKIT_USER_FOLDER  the persistent n8n user folder of `start` (default <repo>/.cache/n8n-user/<major>.x)
 *   N8N_IMAGEKIT_NODE         a Node.js binary to run n8n with, instead of the one chosen for it
 *   N8N_IMAGEKIT_OWNER_EMAIL / N8N_IMAGEKIT_OWNER_PASSWORD   the owner account `start` creates
 *   N8N_IMAGEKIT_QUEUE_DATA   the folder of `start:queue` (default <repo>/.cache/queue/<major>.x)
 *   N8N_IMAGEKIT_WEBHOOK_PORT its webhook processor's port (default N8N_PORT + 2)
 *   N8N_IMAGEKIT_LINK         "copy" (default) or "symlink": how the package gets into the user folder
 *   N8N_IMAGEKIT_VERBOSE=1    show every line npm prints while installing
 * Any other N8N_* variable is passed to n8n as usual (N8N_LOG_LEVEL, N8N_LISTEN_ADDRESS, ...).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { readMarker, type Marker } from './cache-entry';
import { N8nDevError } from './errors';
import { duBytes, isDir } from './files';
import { ensureN8n } from './install';
import { releaseLocksSync } from './lock';
import { defaultLog, elapsed } from './log';
import { DEFAULT_OWNER } from './owner';
import { describeLoaded, n8nLinePrinter } from './console';
import { cacheDir, packageInfo, REPO_ROOT } from './paths';
import { assertPortFree } from './ports';
import { startQueueStack, type QueueStack } from './queue';
import { assertServicesInstalled } from './services';
import { DEFAULT_PORT, startN8n, type RunningN8n } from './start';
import { defaultUserFolder } from './user-folder';
import { DEFAULT_N8N_1, DEFAULT_N8N_2, resolveVersion } from './versions';

type Args = { _: string[]; [option: string]: string | string[] };

function parseArgs(argv: string[]): Args {
	const args: Args = { _: [] };
	for (let i = 0; i < argv.length; i++) {
		const m = /^--([^=]+)(?:=(.*))?$/.exec(argv[i]);
		if (!m) args._.push(argv[i]);
		else
			args[m[1]] =
				m[2] !== undefined
					? m[2]
					: argv[i + 1] && !argv[i + 1].startsWith('--')
						? argv[++i]
						: 'true';
	}
	return args;
}

/** A string option (--n8n 2, --port=5680); undefined when absent. */
function option(args: Args, name: string): string | undefined {
	const value = args[name];
	return typeof value === 'string' ? value : undefined;
}

async function cliStart(args: Args): Promise<void> {
	const spec = option(args, 'n8n') || option(args, 'version') || process.env.N8N_VERSION;
	const version = resolveVersion(spec);
	const port = Number(option(args, 'port') || process.env.N8N_PORT || DEFAULT_PORT);
	const userFolder = path.resolve(option(args, 'user-folder') || defaultUserFolder(version));
	const owner = {
		...DEFAULT_OWNER,
		email: process.env.N8N_IMAGEKIT_OWNER_EMAIL || DEFAULT_OWNER.email,
		password: process.env.N8N_IMAGEKIT_OWNER_PASSWORD || DEFAULT_OWNER.password,
	};
	const pkg = packageInfo();
	defaultLog(`${pkg.name} ${pkg.version}: starting n8n ${version} (cache ${cacheDir()})`);
	// Fail fast on a busy port, before a long install.
	await assertPortFree(port);
	const t = Date.now();
	const install = await ensureN8n(version, { log: defaultLog });
	defaultLog(`n8n ${install.version} on Node ${install.nodeVersion} (${install.nodeBin})`);
	defaultLog(`user folder ${userFolder}; starting n8n on port ${port}…`);

	let n8n: RunningN8n | undefined;
	let stopping = false;
	const printLine = n8nLinePrinter();
	const onSignal = async (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		defaultLog(`${signal}: stopping n8n…`);
		if (n8n) await n8n.stop();
		process.exit(0);
	};
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, onSignal);

	n8n = await startN8n({
		install,
		port,
		userFolder,
		owner,
		// An owner whose password was changed in the UI is fine here: the user logs in with theirs.
		ownerRequired: false,
		log: defaultLog,
		onLine: (line) => {
			printLine('n8n', line);
			// Printed before the migrations: /healthz answers from here, the editor tens of seconds later.
			if (/^n8n ready on /.test(line))
				defaultLog(
					'(only its web server so far: the editor answers after the start-up below; the box at the end says when)',
				);
		},
	});
	const loadedLine = await describeLoaded(n8n);
	const linked = n8n.linked as NonNullable<RunningN8n['linked']>;
	const bar = '─'.repeat(72);
	const lines = [
		bar,
		`n8n ${n8n.version} (Node ${n8n.nodeVersion}) is ready after ${elapsed(t)}: ${n8n.url.replace('[::1]', 'localhost')}`,
		n8n.ownerError
			? `Could not log in as ${owner.email} (${n8n.ownerError.message.split(' (')[0]}): log in with the owner account this user folder already has.`
			: `Log in as   ${owner.email}   password   ${owner.password}`,
		loadedLine,
		`Package ${linked.mode === 'copy' ? 'copied' : 'linked'} from ${REPO_ROOT} into ${linked.target}; after \`npm run build\`, restart to pick up changes.`,
		`Data (workflows, credentials) stays in ${userFolder}; delete it to start over.`,
		'Ctrl+C stops n8n.',
		bar,
	];
	for (const l of lines) process.stdout.write(`${l}\n`);
	const { code, signal } = await n8n.exited;
	if (!stopping) {
		defaultLog(`n8n exited (${signal || `code ${code}`})`);
		process.exit(code === 0 ? 0 : 1);
	}
}

/** The folder `start:queue` keeps its database, Redis folder and user folders in. */
function defaultQueueDataDir(version: string): string {
	if (process.env.N8N_IMAGEKIT_QUEUE_DATA) return path.resolve(process.env.N8N_IMAGEKIT_QUEUE_DATA);
	return path.join(REPO_ROOT, '.cache', 'queue', `${version.split('.')[0]}.x`);
}

async function cliStartQueue(args: Args): Promise<void> {
	const version = resolveVersion(
		option(args, 'n8n') || option(args, 'version') || process.env.N8N_VERSION,
	);
	const port = Number(option(args, 'port') || process.env.N8N_PORT || DEFAULT_PORT);
	const webhookPort = Number(
		option(args, 'webhook-port') || process.env.N8N_IMAGEKIT_WEBHOOK_PORT || port + 2,
	);
	const dataDir = path.resolve(option(args, 'data-dir') || defaultQueueDataDir(version));
	const owner = {
		...DEFAULT_OWNER,
		email: process.env.N8N_IMAGEKIT_OWNER_EMAIL || DEFAULT_OWNER.email,
		password: process.env.N8N_IMAGEKIT_OWNER_PASSWORD || DEFAULT_OWNER.password,
	};
	const pkg = packageInfo();
	defaultLog(`${pkg.name} ${pkg.version}: n8n ${version} in queue mode (data in ${dataDir})`);
	// Before a long install: the two Debian packages and the two ports.
	assertServicesInstalled();
	await assertPortFree(port);
	await assertPortFree(webhookPort, 'N8N_IMAGEKIT_WEBHOOK_PORT');
	const t = Date.now();
	const install = await ensureN8n(version, { log: defaultLog });

	let stack: QueueStack | undefined;
	let stopping = false;
	const onSignal = async (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		defaultLog(`${signal}: stopping the n8n processes, then Redis and PostgreSQL…`);
		if (stack) await stack.stop();
		defaultLog('stopped');
		process.exit(0);
	};
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, onSignal);

	const printLine = n8nLinePrinter();
	stack = await startQueueStack({
		install,
		dataDir,
		port,
		webhookPort,
		owner,
		ownerRequired: false,
		log: defaultLog,
		onLine: (role, line) => printLine(role.padEnd(8), line),
	});
	const { main } = stack;
	const bar = '─'.repeat(72);
	const lines = [
		bar,
		`n8n ${main.version} in queue mode is ready after ${elapsed(t)}:`,
		...(await stack.describe()).map((line) => `  ${line}`),
		`Editor      ${main.url}`,
		`Webhooks    ${stack.webhookUrl}/webhook/… (the webhook processor; the editor shows these URLs)`,
		main.ownerError
			? `Could not log in as ${owner.email}: log in with the owner account this database already has.`
			: `Log in as   ${owner.email}   password   ${owner.password}`,
		await describeLoaded(main),
		`Binary data in the database; executions run on the workers (manual ones too).`,
		`Everything stays in ${dataDir}; delete it to start over. Ctrl+C stops it all.`,
		bar,
	];
	for (const l of lines) process.stdout.write(`${l}\n`);
	const processes = [
		{ role: 'main', exited: main.exited },
		...[...stack.workers, stack.webhook].map(({ role, exited }) => ({ role, exited })),
	];
	const first = await Promise.race(
		processes.map(({ role, exited }) => exited.then((exit) => ({ role, exit }))),
	);
	if (!stopping) {
		stopping = true;
		defaultLog(
			`n8n ${first.role} exited (${first.exit.signal || `code ${first.exit.code}`}): stopping the rest`,
		);
		await stack.stop();
		process.exit(1);
	}
}

async function cliInstall(args: Args): Promise<void> {
	const install = await ensureN8n(
		option(args, 'n8n') || option(args, 'version') || process.env.N8N_VERSION,
		{ log: defaultLog },
	);
	defaultLog(`n8n ${install.version} on Node ${install.nodeVersion}: ${install.n8nBin}`);
}

function cliInfo(): void {
	const root = cacheDir();
	const out = {
		defaultVersions: { 2: DEFAULT_N8N_2, 1: DEFAULT_N8N_1 },
		selected: resolveVersion(process.env.N8N_VERSION),
		cacheDir: root,
		userFolder: defaultUserFolder(),
		cached: [] as object[],
	};
	if (isDir(root)) {
		for (const name of fs.readdirSync(root)) {
			const dir = path.join(root, name);
			if (!isDir(dir) || name.endsWith('.lock')) continue;
			const m = readMarker<Marker & { node?: unknown }>(dir);
			out.cached.push({
				name,
				complete: !!m,
				installSeconds: m && m.installSeconds,
				bytes: duBytes(dir),
				node: m && m.node,
			});
		}
	}
	process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

async function main(argv: string[]): Promise<void> {
	const args = parseArgs(argv);
	const cmd = args._[0] || 'start';
	if (cmd === 'start') return cliStart(args);
	if (cmd === 'start:queue') return cliStartQueue(args);
	if (cmd === 'install') return cliInstall(args);
	if (cmd === 'info') return cliInfo();
	throw new N8nDevError(
		`Unknown command "${cmd}".`,
		'Use: npm run n8n -- [start|start:queue|install|info] [--n8n <version>] [--port <port>]',
	);
}

if (require.main === module) {
	main(process.argv.slice(2)).catch((e) => {
		releaseLocksSync();
		process.stderr.write(`\n✖ ${e.message}\n`);
		if (e.details) process.stderr.write(`${String(e.details).replace(/^/gm, '    ')}\n`);
		if (e.hint) process.stderr.write(`→ ${e.hint}\n`);
		if (!(e instanceof N8nDevError)) process.stderr.write(`${e.stack}\n`);
		process.exit(1);
	});
}
