// The local-n8n runner that `npm start` (cli.ts) and the e2e tests share: its public API.
export { N8nDevError } from './errors';
export { buildN8nEnv } from './env';
export { ensureN8n, type N8nInstall } from './install';
export { linkPackage } from './link';
export type { LogFn } from './log';
export { NODE_PACKAGE_VERSION } from './node-runtime';
export { DEFAULT_OWNER, login, type Owner } from './owner';
export { cacheDir } from './paths';
export { assertPortFree, freePort } from './ports';
export type { RestResponse } from './rest';
export { DEFAULT_PORT, startN8n, type RunningN8n, type StartOptions } from './start';
export { runN8nCommand } from './command';
export { defaultUserFolder } from './user-folder';
export { DEFAULT_N8N_1, DEFAULT_N8N_2, resolveVersion, satisfiesRange } from './versions';
