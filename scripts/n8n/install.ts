// n8n installed into the cache once per version, verified, and marked complete; later runs reuse it.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { readMarker, removeMarker, startFresh, writeMarker, type Marker } from './cache-entry';
import { baseEnv } from './env';
import { N8nDevError } from './errors';
import { detectFeatures, type N8nFeatures } from './features';
import { assertFreeSpace, duBytes, formatBytes, GIB, writeFileAtomic } from './files';
import { withLock } from './lock';
import { defaultLog, elapsed, type LogFn } from './log';
import {
	addNativeRanges,
	assertNativeModulesLoad,
	buildNativeModules,
	findNativeModules,
	nativeModuleLoads,
} from './native-modules';
import {
	chooseNode,
	ensureNodePackage,
	nodePackageDir,
	NODE_SPACE_NEEDED,
	type NodeKind,
	type NodeRange,
	type NodeRuntime,
} from './node-runtime';
import { n8nEngines, npmChildEnv, runNpm, runQuiet } from './npm';
import { cacheDir, readJson, type PackageJson } from './paths';
import { resolveVersion, satisfiesRange } from './versions';

// Measured here (npm 11, Linux x64): n8n 2.40.7 takes 2.8 GiB in the cache and adds 0.8 GiB to npm's
// cache; 1.123.81 takes 1.8 GiB (+0.6 GiB).
const SPACE_NEEDED = { n8n2: 3.75 * GIB, n8n1: 2.5 * GIB };

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
	features: N8nFeatures;
	/** Variables to add to the environment of any n8n process: PATH with nodeBin first, quiet/offline settings. */
	env: Record<string, string>;
	installSeconds?: number;
}

interface N8nMarker extends Marker {
	n8nVersion: string;
	engines: string;
	nodeRanges?: NodeRange[];
	node: { kind: NodeKind; version: string };
	features: N8nFeatures;
	diskBytes: number;
}

/**
 * Installs n8n into the cache on first use (Node too if needed), verified and marked complete;
 * later calls return at once. `spec`: undefined or "2" → DEFAULT_N8N_2, "1" → DEFAULT_N8N_1,
 * "2.40" / "1.123", or an exact version. Defaults to $N8N_VERSION. Logs progress to stdout by default.
 */
export async function ensureN8n(
	spec = process.env.N8N_VERSION,
	{ log = defaultLog }: { log?: LogFn } = {},
): Promise<N8nInstall> {
	const version = resolveVersion(spec);
	const dir = path.join(cacheDir(), `n8n-${version}`);
	const cached = readMarker<N8nMarker>(dir);
	if (cached && cached.n8nVersion === version) {
		const install = await installFromMarker(dir, cached, log);
		if (install) return install;
	}
	return withLock(dir, log, async () => {
		const again = readMarker<N8nMarker>(dir);
		if (again && again.n8nVersion === version) {
			const install = await installFromMarker(dir, again, log);
			if (install) return install;
		}
		return installN8n(version, dir, log);
	});
}

async function installFromMarker(
	dir: string,
	marker: N8nMarker,
	log: LogFn,
): Promise<N8nInstall | null> {
	const ranges = marker.nodeRanges || [{ what: `n8n ${marker.n8nVersion}`, range: marker.engines }];
	let node: NodeRuntime;
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
		removeMarker(dir);
		return null;
	}
	return describeInstall(dir, marker.n8nVersion, node, marker.features, marker);
}

function describeInstall(
	dir: string,
	version: string,
	node: NodeRuntime,
	features: N8nFeatures,
	marker: { installSeconds?: number } | null,
): N8nInstall {
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

function writeInstallPackageJson(dir: string, version: string): void {
	writeFileAtomic(
		path.join(dir, 'package.json'),
		`${JSON.stringify(
			{
				name: 'n8n-imagekit-dev-n8n',
				private: true,
				description:
					'n8n for `npm start` and the e2e tests of n8n-nodes-imagekit (made by scripts/n8n/install.ts)',
				dependencies: { n8n: version },
				// n8n-nodes-base pins xlsx to a cdn.sheetjs.com tarball, which npm registries do not serve.
				overrides: { xlsx: '0.18.5' },
			},
			null,
			'\t',
		)}\n`,
	);
}

async function installN8n(version: string, dir: string, log: LogFn): Promise<N8nInstall> {
	const t = Date.now();
	const steps = 5;
	log(`▸ installing n8n ${version} into ${dir} (first run only: 8-13 minutes on 2 cores)`);
	log(`▸ step 1/${steps}: checking the registry and the Node version n8n ${version} needs`);
	// Space for n8n, plus Node 24 in case it is needed and not cached yet: checked before anything is fetched.
	const nodeCached = !!readMarker(nodePackageDir());
	const spaceNeeded =
		(Number(version.split('.')[0]) >= 2 ? SPACE_NEEDED.n8n2 : SPACE_NEEDED.n8n1) +
		(nodeCached ? 0 : NODE_SPACE_NEEDED);
	assertFreeSpace(dir, spaceNeeded, `n8n ${version}`);
	const engines = n8nEngines(version, process.execPath);
	const nodeRanges: NodeRange[] = [{ what: `n8n ${version}`, range: engines }];
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
	writeInstallPackageJson(dir, version);

	log(
		`▸ step 2/${steps}: npm install n8n@${version} (about 2,400 packages, scripts off; the log is ${logFile})`,
	);
	const s = Date.now();
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

	const natives = findNativeModules(dir);
	if (!natives.some((n) => n.name === 'sqlite3')) {
		throw new N8nDevError(
			`n8n ${version} was installed without sqlite3, which its default database needs.`,
			`Read ${logFile}; delete ${dir} and run this again.`,
		);
	}
	addNativeRanges(nodeRanges, natives);
	if (!nodeRanges.every((r) => satisfiesRange(node.version, r.range))) {
		const previous = node.version;
		node = await chooseNode(nodeRanges, { log });
		const why = nodeRanges
			.filter((r) => !satisfiesRange(previous, r.range))
			.map((r) => `${r.what} needs Node ${r.range}`)
			.join(', ');
		log(`  ${why}: n8n ${version} will run on Node ${node.version} instead of ${previous}`);
	}
	// Some ship a prebuilt binary for this Node (isolated-vm 7 has linux-x64 for Node 24): build only the rest.
	const toBuild = [
		...new Set(
			natives.filter((n) => nativeModuleLoads(node, n, dir).code !== 0).map((n) => n.name),
		),
	];
	log(
		`▸ step 3/${steps}: native modules for Node ${node.version}: ${natives.map((n) => n.name).join(', ')}; ${toBuild.length ? `building ${toBuild.join(', ')} from source (2-5 minutes on 2 cores)` : 'all prebuilt'}`,
	);
	if (toBuild.length) await buildNativeModules({ node, names: toBuild, dir, log, logFile });

	log(`▸ step 4/${steps}: verifying the install`);
	assertNativeModulesLoad(node, natives, dir, log, logFile);
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const installed =
		fs.existsSync(n8nBin) &&
		readJson<PackageJson>(path.join(dir, 'node_modules', 'n8n', 'package.json')).version;
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
	const marker: Omit<N8nMarker, 'format' | 'complete'> = {
		n8nVersion: version,
		engines,
		nodeRanges,
		node: { kind: node.kind, version: node.version },
		features,
		installedAt: new Date().toISOString(),
		installSeconds: Math.round((Date.now() - t) / 1000),
		diskBytes: duBytes(dir),
	};
	writeMarker<N8nMarker>(dir, marker);
	log(`✓ n8n ${version} installed in ${elapsed(t)} (${formatBytes(marker.diskBytes)})`);
	return describeInstall(dir, version, node, features, marker);
}
