// A real n8n loads the built package under its real package name, with its credential, and a user
// can log in: what `npm start` promises. Each test file starts its own n8n on a free port.
import pkg from '../../package.json';
import { freePort, startN8n, type RunningN8n } from '../../scripts/n8n';
import { E2E_VERSIONS } from './versions';

describe.each(E2E_VERSIONS)('n8n %s with the package installed', (version) => {
	let n8n: RunningN8n;

	beforeAll(async () => {
		n8n = await startN8n({ version, port: await freePort() });
	});

	afterAll(async () => {
		await n8n?.stop();
	});

	it('answers /healthz', async () => {
		const res = await fetch(`${n8n.url}/healthz`);
		expect(res.status).toBe(200);
	});

	it('lists the ImageKit node under the package name, and its credential', async () => {
		const { nodes, credentials } = await n8n.types();
		expect(nodes).toContain(`${pkg.name}.imageKit`);
		expect(credentials).toContain('imageKitApi');
	});

	it('serves the node description to the logged-in editor', async () => {
		const res = await n8n.rest('POST', '/rest/node-types', {
			nodeInfos: [{ name: `${pkg.name}.imageKit`, version: 1 }],
		});
		expect(res.status).toBe(200);
		// The description as the node declares it: `name` without the package prefix.
		const descriptions = (res.json.data ?? res.json) as Array<{
			name: string;
			displayName: string;
			credentials?: Array<{ name: string }>;
		}>;
		expect(descriptions).toHaveLength(1);
		expect(descriptions[0]).toMatchObject({ name: 'imageKit', displayName: 'ImageKit' });
		expect(descriptions[0].credentials?.map((c) => c.name)).toContain('imageKitApi');
	});
});
