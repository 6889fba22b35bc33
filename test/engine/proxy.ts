import { resolve } from 'node:path';

export const IMAGEKIT_API_HOSTS = ['api.imagekit.io', 'upload.imagekit.io'];

export const TEST_CA_PATH = resolve(__dirname, '../emulator/tls/ca.pem');

// n8n's HTTP stack (@n8n/backend-network, proxy-from-env 1.x) reads these on every request, and
// the npm_config_* and lower-case names win over HTTPS_PROXY / NO_PROXY when set.
const PROXY_VARIABLES = [
	'npm_config_https_proxy',
	'https_proxy',
	'HTTPS_PROXY',
	'npm_config_proxy',
];
const NO_PROXY_VARIABLES = ['npm_config_no_proxy', 'no_proxy', 'NO_PROXY'];

/**
 * Sends n8n's HTTPS requests through `proxyUrl` (the ImageKit emulator), making sure no
 * NO_PROXY entry lets `hosts` bypass it. Returns a function that restores the environment.
 */
export function useProxy(proxyUrl: string, hosts: string[] = IMAGEKIT_API_HOSTS): () => void {
	const saved = [...PROXY_VARIABLES, ...NO_PROXY_VARIABLES].map(
		(name) => [name, process.env[name]] as const,
	);

	for (const name of PROXY_VARIABLES) delete process.env[name];
	process.env.https_proxy = proxyUrl;
	process.env.HTTPS_PROXY = proxyUrl;
	for (const name of NO_PROXY_VARIABLES) {
		const kept = (process.env[name] ?? '')
			.split(/[\s,]+/)
			.filter((entry) => entry !== '' && !hosts.some((host) => bypasses(entry, host)));
		if (kept.length > 0) process.env[name] = kept.join(',');
		else delete process.env[name];
	}

	return () => {
		for (const [name, value] of saved) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	};
}

// proxy-from-env's NO_PROXY matching: an exact host, or a suffix after a leading "." or "*"
// (so "*" alone matches everything). Entries with a port are dropped whatever the port.
function bypasses(entry: string, host: string): boolean {
	const pattern = entry.replace(/:\d+$/, '').toLowerCase();
	if (!/^[.*]/.test(pattern)) return host === pattern;
	return host.endsWith(pattern.replace(/^\*/, ''));
}

/**
 * The emulator's certificate is only trusted when the test process started with
 * NODE_EXTRA_CA_CERTS pointing at the test CA (Node reads it once, at start-up).
 */
export function assertTestCaTrusted(): void {
	const configured = process.env.NODE_EXTRA_CA_CERTS;
	if (!configured || resolve(configured) !== TEST_CA_PATH) {
		throw new Error(
			`HTTPS tests need NODE_EXTRA_CA_CERTS=test/emulator/tls/ca.pem (found "${configured ?? ''}"). ` +
				'Run them through `npm test` or `NODE_EXTRA_CA_CERTS=test/emulator/tls/ca.pem npx jest`.',
		);
	}
}
