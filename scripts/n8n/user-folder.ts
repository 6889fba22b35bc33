// n8n's user folder (N8N_USER_FOLDER): persistent for `npm start`, a temporary one for tests.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { N8nDevError } from './errors';
import { writeFileAtomic } from './files';
import { REPO_ROOT } from './paths';
import { compareVersions, parseVersion, resolveVersion } from './versions';

// In a user folder: the n8n version that last ran on it (its database schema).
const VERSION_FILE = '.n8n-imagekit-n8n-version';

/** One persistent user folder per n8n major version: a database that 2.x migrated cannot go back to 1.x. */
export function defaultUserFolder(version = resolveVersion(process.env.N8N_VERSION)): string {
	if (process.env.N8N_IMAGEKIT_USER_FOLDER)
		return path.resolve(process.env.N8N_IMAGEKIT_USER_FOLDER);
	return path.join(REPO_ROOT, '.cache', 'n8n-user', `${String(version).split('.')[0]}.x`);
}

export interface UserFolder {
	path: string;
	/** Made for this run (no folder was given): removed when n8n stops. */
	temporary: boolean;
}

/**
 * The given folder (created if needed) or a new temporary one; refuses a folder a newer n8n
 * migrated unless allowDowngrade.
 */
export function prepareUserFolder(
	given: string | undefined,
	n8nVersion: string,
	{ allowDowngrade = false } = {},
): UserFolder {
	const temporary = !given;
	const folder = given || fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-imagekit-'));
	fs.mkdirSync(folder, { recursive: true });
	const versionFile = path.join(folder, VERSION_FILE);
	const lastVersion = fs.existsSync(versionFile)
		? fs.readFileSync(versionFile, 'utf8').trim()
		: null;
	const last = lastVersion ? parseVersion(lastVersion) : null;
	const current = parseVersion(n8nVersion);
	if (last && current && compareVersions(current, last) < 0 && !allowDowngrade) {
		throw new N8nDevError(
			`The user folder ${folder} was last used by n8n ${lastVersion}, whose database n8n ${n8nVersion} (older) cannot use.`,
			`Use another folder (N8N_IMAGEKIT_USER_FOLDER=…), or delete this one to start over.`,
		);
	}
	return { path: folder, temporary };
}

/** Records that n8n `version` has run on the folder (and migrated its database). */
export function recordN8nVersion(folder: string, version: string): void {
	writeFileAtomic(path.join(folder, VERSION_FILE), `${version}\n`);
}
