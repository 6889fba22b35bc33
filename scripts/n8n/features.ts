// What the installed n8n supports, read from its files once after install and kept in its marker.
import * as path from 'node:path';

import { fileContains, isDir } from './files';
import { packageDirFrom } from './paths';

export interface N8nFeatures {
	/** N8N_INSTANCE_OWNER_MANAGED_BY_ENV: the owner is created from env at startup (no setup wizard). */
	ownerFromEnv: boolean;
	/** Without N8N_DISABLED_MODULES=mcp-registry, 2.40 keeps calling api.n8n.io; older versions reject unknown module names. */
	mcpRegistryModule: boolean;
}

export function detectFeatures(installDir: string): N8nFeatures {
	const n8nDir = path.join(installDir, 'node_modules', 'n8n');
	const configDir = packageDirFrom(n8nDir, '@n8n/config');
	return {
		ownerFromEnv:
			!!configDir &&
			fileContains(path.join(configDir, 'dist'), 'N8N_INSTANCE_OWNER_MANAGED_BY_ENV'),
		mcpRegistryModule: isDir(path.join(n8nDir, 'dist', 'modules', 'mcp-registry')),
	};
}
