// The environment of an n8n process: quiet, offline-friendly defaults, then the caller's settings.
import * as path from 'node:path';

import type { N8nFeatures } from './features';
import type { N8nInstall } from './install';

/** Quiet, offline-friendly settings (NOTES §7) plus PATH with n8n's Node first. */
export function baseEnv(
	version: string,
	nodeBin: string,
	features: Partial<N8nFeatures> = {},
): Record<string, string> {
	const major = Number(String(version).split('.')[0]);
	const env: Record<string, string> = {
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
function inheritedEnv(): NodeJS.ProcessEnv {
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

/** The environment for an n8n process (server or CLI command): install.env, then process.env, then the given settings. */
export function buildN8nEnv(
	install: N8nInstall,
	{
		userFolder,
		port,
		brokerPort,
		env = {},
	}: {
		userFolder?: string;
		port?: number;
		brokerPort?: number | string;
		env?: Record<string, string>;
	} = {},
): Record<string, string> {
	// The quiet defaults, then the caller's environment (its own N8N_* settings win), n8n's Node first on PATH.
	const full = { ...install.env, ...inheritedEnv(), PATH: install.env.PATH } as Record<
		string,
		string
	>;
	if (userFolder) full.N8N_USER_FOLDER = userFolder;
	if (port) full.N8N_PORT = String(port);
	if (brokerPort) full.N8N_RUNNERS_BROKER_PORT = String(brokerPort);
	return { ...full, ...env };
}
