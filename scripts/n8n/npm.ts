// Running npm for the installs: on the Node the install is for, with progress and known failures explained.
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { N8nDevError } from './errors';
import { elapsed, type LogFn } from './log';
import { NpmOutput } from './npm-output';
import { treeCpuSeconds } from './process-cpu';
import { DEFAULT_N8N_1, DEFAULT_N8N_2 } from './versions';

/** npm's own CLI script, so npm runs on the Node that the install is for (engines, node-gyp). */
function npmCliScript(): string | null {
	const candidates: string[] = [];
	if (process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath))
		candidates.push(process.env.npm_execpath);
	const execDir = path.dirname(fs.realpathSync(process.execPath));
	candidates.push(path.join(execDir, '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
	for (const dir of (process.env.PATH || '').split(path.delimiter)) {
		const npm = path.join(dir, 'npm');
		try {
			const real = fs.realpathSync(npm);
			if (/npm-cli\.js$/.test(real)) candidates.push(real);
		} catch {
			// not in this PATH entry
		}
	}
	return candidates.find((c) => fs.existsSync(c)) || null;
}

/** The environment for a child npm: the user's registry settings, without what `npm run` exported for this repo. */
export function npmChildEnv(nodeBin: string, extra?: Record<string, string>): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const key of Object.keys(env)) {
		if (/^npm_(lifecycle|package|command|node_execpath|execpath)/i.test(key) || key === 'INIT_CWD')
			delete env[key];
		// This repo's .npmrc sets ignore-scripts; n8n's install sets it per command instead.
		if (
			/^npm_config_(ignore_scripts|local_prefix|nodedir|prefix|global_prefix|user_agent|node_gyp|npm_version)$/i.test(
				key,
			)
		) {
			delete env[key];
		}
	}
	env.PATH = [path.dirname(nodeBin), env.PATH].filter(Boolean).join(path.delimiter);
	env.npm_config_update_notifier = 'false';
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	return { ...env, ...extra };
}

const NPM_MISSING = {
	test: /\bE(404|TARGET)\b|No matching version found|is not in this registry/i,
	message: 'A package that this n8n version needs is missing from the npm registry.',
	hint: `Pick another n8n version: N8N_VERSION=${DEFAULT_N8N_2} (default) or N8N_VERSION=${DEFAULT_N8N_1} are known to install.`,
};

/** npm failures recognised in its output, each with what to do. */
const NPM_FAILURES = [
	{
		test: /\bENOSPC\b|no space left on device/i,
		message: 'The disk filled up while npm was installing.',
		hint: 'Free up disk space (or set N8N_IMAGEKIT_CACHE to a folder on a larger disk) and run this again; the half-finished install is redone.',
	},
	NPM_MISSING,
	{
		test: /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|ENETUNREACH|EHOSTUNREACH|UNABLE_TO_GET_ISSUER_CERT|SELF_SIGNED_CERT|CERT_)\w*/,
		message: 'npm could not reach the package registry.',
		hint: "Check the network and npm's registry settings (`npm config get registry`, proxy variables), then run this again: what was already downloaded is reused from npm's cache.",
	},
	{
		test: /\bE(401|403)\b/,
		message: 'The npm registry refused the request (authentication or permission).',
		hint: 'Check your npm login and registry token (`npm whoami`), then run this again.',
	},
	{
		test: /\bEACCES\b|\bEPERM\b/,
		message: 'npm was not allowed to write a file.',
		hint: 'Make sure you own the cache folder (or set N8N_IMAGEKIT_CACHE to a folder you can write), then run this again.',
	},
];

export interface RunNpmOptions {
	/** The Node that runs npm (and so node-gyp). */
	nodeBin: string;
	args: string[];
	cwd: string;
	env?: Record<string, string>;
	log: LogFn;
	/** Every line npm prints is appended here. */
	logFile: string;
	/** Prefix of the lines shown, e.g. "npm install". */
	label: string;
	passThrough?: boolean;
	/** The error to give when npm cannot find the package (E404, ETARGET) instead of the general one. */
	missing?: { message: string; hint: string };
}

/**
 * Runs npm with its lines streamed: each line goes to the log file; fetches are counted and shown
 * every few seconds with npm's CPU use (a native build: the file being compiled), each kind of
 * warning is shown once with its text and summed up at the end, everything with N8N_IMAGEKIT_VERBOSE=1.
 */
export function runNpm({
	nodeBin,
	args,
	cwd,
	env,
	log,
	logFile,
	label,
	passThrough = false,
	missing,
}: RunNpmOptions): Promise<void> {
	const cli = npmCliScript();
	const cmd = cli ? nodeBin : 'npm';
	const cmdArgs = cli ? [cli, ...args] : args;
	const output = new NpmOutput(process.env.N8N_IMAGEKIT_VERBOSE === '1' || passThrough);
	const out = fs.openSync(logFile, 'a');
	fs.writeSync(out, `\n$ npm ${args.join(' ')}\n`);
	const since = Date.now();
	const tail: string[] = [];
	return new Promise((resolve, reject) => {
		const child = childProcess.spawn(cmd, cmdArgs, {
			cwd,
			env: npmChildEnv(nodeBin, env),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const onLine = (line: string) => {
			fs.writeSync(out, `${line}\n`);
			tail.push(line);
			if (tail.length > 80) tail.shift();
			const shown = output.show(line);
			if (shown !== null) log(`  ${label} | ${shown}`);
		};
		const splitter = () => {
			let buf = '';
			return (chunk: string) => {
				buf += chunk;
				const lines = buf.split(/\r?\n/);
				buf = lines.pop() as string;
				lines.forEach(onLine);
			};
		};
		child.stdout.setEncoding('utf8').on('data', splitter());
		child.stderr.setEncoding('utf8').on('data', splitter());
		let cpu = { seconds: child.pid ? treeCpuSeconds(child.pid) : null, at: Date.now() };
		const ticker = setInterval(() => {
			// npm's share of a core since the last line (compiler included): long quiet phases, such as
			// unpacking 2,400 packages or compiling sqlite3.c, show ~100% while they work.
			const now = { seconds: child.pid ? treeCpuSeconds(child.pid) : null, at: Date.now() };
			const busy =
				now.seconds !== null && cpu.seconds !== null
					? `, ${Math.max(0, Math.round((100 * (now.seconds - cpu.seconds)) / ((now.at - cpu.at) / 1000)))}% CPU`
					: '';
			cpu = now;
			const progress = args[0] === 'rebuild' ? output.compileProgress() : output.fetchProgress();
			log(`  ${label}: ${elapsed(since)}, ${progress}${busy}`);
		}, 10000);
		child.on('error', (e) => {
			clearInterval(ticker);
			fs.closeSync(out);
			reject(
				new N8nDevError(
					`Could not run npm: ${e.message}`,
					'Make sure npm is installed and on PATH.',
				),
			);
		});
		child.on('close', (code, signal) => {
			clearInterval(ticker);
			fs.writeSync(out, `# exit ${code}${signal ? ` (${signal})` : ''} after ${elapsed(since)}\n`);
			fs.closeSync(out);
			const warnings = output.summary();
			if (warnings.length) {
				const outcome = code === 0 ? 'npm finished, with warnings' : 'npm printed warnings';
				log(`  ${label}: ${outcome} (their full text is in ${logFile}):`);
				for (const w of warnings) log(`  ${label} |   ${w}`);
			}
			if (code === 0) return resolve();
			const text = tail.join('\n');
			const failure = NPM_FAILURES.find((f) => f.test.test(text));
			const known = failure === NPM_MISSING && missing ? missing : failure;
			const errLines = tail
				.filter((l) => /npm (error|ERR!)/i.test(l))
				.slice(-12)
				.join('\n');
			reject(
				new N8nDevError(
					`${known ? known.message : `npm ${args[0]} failed`} (npm exited with ${signal || code}; full log: ${logFile})`,
					known
						? known.hint
						: `Read the log above, fix the cause and run this again; the half-finished install is redone.`,
					errLines || tail.slice(-12).join('\n'),
				),
			);
		});
	});
}

/** n8n's `engines.node`, asked of the registry before anything is installed. */
export function n8nEngines(version: string, nodeBin: string): string {
	const cli = npmCliScript();
	const r = childProcess.spawnSync(
		cli ? nodeBin : 'npm',
		[...(cli ? [cli] : []), 'view', `n8n@${version}`, 'engines', 'version', '--json'],
		{
			encoding: 'utf8',
			env: npmChildEnv(nodeBin),
			timeout: 120000,
		},
	);
	const text = `${r.stdout || ''}${r.stderr || ''}`;
	if (r.status !== 0 || !r.stdout.trim()) {
		if (/E404|ETARGET|No match/i.test(text) || (r.status === 0 && !r.stdout.trim())) {
			throw new N8nDevError(
				`n8n ${version} is not in the npm registry.`,
				`Pick a published version (\`npm view n8n versions\`), e.g. N8N_VERSION=${DEFAULT_N8N_2} or N8N_VERSION=${DEFAULT_N8N_1}.`,
			);
		}
		const known = NPM_FAILURES.find((f) => f.test.test(text));
		throw new N8nDevError(
			known ? known.message : `\`npm view n8n@${version}\` failed.`,
			known ? known.hint : 'Check the npm registry settings and run this again.',
			text.trim().split('\n').slice(-8).join('\n'),
		);
	}
	const info = JSON.parse(r.stdout) as { engines?: { node?: string } };
	return (info.engines && info.engines.node) || '';
}

/** Runs a short command to its end; its stdout and stderr together, trimmed. */
export function runQuiet(
	cmd: string,
	args: string[],
	opts: Omit<childProcess.SpawnSyncOptions, 'encoding'> = {},
): { code: number | null; out: string; error?: Error } {
	const r = childProcess.spawnSync(cmd, args, { encoding: 'utf8', timeout: 180000, ...opts });
	return { code: r.status, out: `${r.stdout || ''}${r.stderr || ''}`.trim(), error: r.error };
}
