// The package under test, put where n8n loads installed community packages.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { N8nDevError } from './errors';
import { writeFileAtomic } from './files';
import type { N8nInstall } from './install';
import { packageDirFrom, packageInfo, REPO_ROOT } from './paths';

export type LinkMode = 'copy' | 'symlink';

export interface LinkedPackage {
	target: string;
	packageName: string;
	mode: string;
}

/**
 * Puts the package where n8n loads installed community packages, so its types are
 * `<package name>.<node>`: <userFolder>/.n8n/nodes/node_modules/<package name>.
 * "copy" (default) copies package.json + the `files` (dist) fresh each start, and links n8n's own
 * n8n-workflow beside it, so the package resolves the same n8n-workflow as n8n does (a symlink would
 * resolve this repo's node_modules instead); "symlink" links the repo itself.
 */
export function linkPackage({
	userFolder,
	packageDir = REPO_ROOT,
	mode = (process.env.N8N_IMAGEKIT_LINK as LinkMode | undefined) || 'copy',
	install,
}: {
	userFolder: string;
	packageDir?: string;
	mode?: LinkMode;
	install?: N8nInstall;
}): LinkedPackage {
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
