// The client in an n8n Code node, for each n8n version: n8n's default task runner (secure mode),
// plus only what the README's recipe sets, NODE_FUNCTION_ALLOW_EXTERNAL and NODE_PATH. The Code
// node runs the README's snippet (examples/code-node-client.js) against the emulator, through n8n's
// HTTPS_PROXY support; then the same runner must still serve Code nodes, seconds later too: fetch
// used to crash it a few seconds after the first API call (issue 14).
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { ensureN8n, freePort, startN8n, type N8nInstall, type RunningN8n } from '../../scripts/n8n';
import { EMULATOR_CA_CERT_PATH, ImageKitEmulator, placeholderPng } from '../emulator';
import { fetchDelivery } from './delivery';
import { activateWorkflow, waitFor } from './n8n-runs';
import { recorded, resultTable } from './report';
import { E2E_VERSIONS as VERSIONS } from './versions';

const PRIVATE_KEY = 'private_e2eCodeNode0123456789=';
const SNIPPET = fs.readFileSync(
	path.resolve(__dirname, '../../examples/code-node-client.js'),
	'utf8',
);
/** The bytes the snippet uploads: not valid UTF-8, so only an exact byte transfer keeps them. */
const UPLOADED_BYTES = Buffer.from([0x00, 0x9f, 0xff, 0x0d, 0x0a]);
/** How long the runner must stay up after the API calls: fetch's crash came within seconds. */
const SURVIVAL_WAIT_MS = 6_000;
const JS_RUNNER_REGISTERED = /Registered runner "JS Task Runner"/g;

const ROWS = {
	calls: 'Code node: URL, list, upload, caught error',
	survives: 'Code node: same runner serves later Code nodes',
} as const;

afterAll(() => {
	process.stdout.write(`\nCode node e2e results\n${resultTable()}\n\n`);
});

interface CodeNode {
	name: string;
	jsCode: string;
}

/** An active workflow: a webhook answering with the last node's first item, then the Code nodes in a row. */
async function webhookWorkflow(n8n: RunningN8n, name: string, codeNodes: CodeNode[]) {
	const webhookPath = `code-node-${randomUUID()}`;
	const nodes = [
		{
			id: randomUUID(),
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', options: {} },
		},
		...codeNodes.map(({ name: nodeName, jsCode }, index) => ({
			id: randomUUID(),
			name: nodeName,
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [220 * (index + 1), 0],
			parameters: { jsCode },
		})),
	];
	const connections = Object.fromEntries(
		nodes
			.slice(0, -1)
			.map((node, index) => [
				node.name,
				{ main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] },
			]),
	);
	const created = await n8n.rest('POST', '/rest/workflows', {
		name,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		active: false,
	});
	const id = (created.json?.data ?? created.json)?.id as string | undefined;
	if (!id)
		throw new Error(`POST /rest/workflows → ${created.status}: ${created.text.slice(0, 300)}`);
	await activateWorkflow(n8n, id);
	const url = `${n8n.url}/webhook/${webhookPath}`;
	return async (): Promise<Record<string, unknown>> => {
		// Right after activation n8n may answer 404 for a moment (webhook registration race).
		const response = await waitFor(
			`the webhook of "${name}"`,
			async () => {
				const attempt = await fetch(url, { method: 'POST' });
				return attempt.status === 404 ? undefined : attempt;
			},
			30_000,
		);
		const text = await response.text();
		if (response.status !== 200)
			throw new Error(`"${name}" answered ${response.status}: ${text.slice(0, 1000)}`);
		return JSON.parse(text) as Record<string, unknown>;
	};
}

describe.each(VERSIONS)('n8n %s: the client in a Code node', (versionSpec) => {
	let install: N8nInstall;
	let emulator: ImageKitEmulator;
	let userFolder: string;
	let n8n: RunningN8n;
	let column: string;

	beforeAll(async () => {
		install = await ensureN8n(versionSpec, { log: () => undefined });
		column = `n8n ${install.version}`;
		emulator = new ImageKitEmulator({ privateKey: PRIVATE_KEY });
		await emulator.start();
		emulator.seedFile({
			name: 'chart.png',
			folder: '/reports/',
			content: placeholderPng(32, 32, 'chart'),
			isPrivateFile: true,
		});
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'imagekit-code-node-'));
		n8n = await startN8n({
			install,
			userFolder,
			port: await freePort(),
			env: {
				// The recipe: the runner may load the package, and finds it where n8n installs community packages.
				NODE_FUNCTION_ALLOW_EXTERNAL: 'n8n-nodes-imagekit',
				NODE_PATH: path.join(userFolder, '.n8n', 'nodes', 'node_modules'),
				// The emulator stands in for ImageKit.
				HTTPS_PROXY: emulator.proxyUrl,
				NO_PROXY: 'localhost,127.0.0.1',
				NODE_EXTRA_CA_CERTS: EMULATOR_CA_CERT_PATH,
			},
		});
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await emulator?.stop();
		if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	});

	const registrations = () =>
		fs.readFileSync(n8n.logFile!, 'utf8').match(JS_RUNNER_REGISTERED)?.length ?? 0;

	it("runs the README's snippet: a signed URL, a list, an upload of bytes, a caught 404; then a second Code node", async () => {
		await recorded(column, ROWS.calls, async () => {
			const run = await webhookWorkflow(n8n, 'ImageKit client in a Code node', [
				{
					name: 'ImageKit client',
					jsCode: SNIPPET.replace('private_…', PRIVATE_KEY).replace(
						'https://ik.imagekit.io/your_id',
						emulator.urlEndpoint,
					),
				},
				{
					name: 'Second Code node',
					jsCode: 'return $input.all().map((item) => ({ json: { ...item.json, second: "ran" } }));',
				},
			]);
			// The runner n8n started with: registered once, before any Code node ran.
			await waitFor('the JS task runner to register', () => registrations() || undefined, 60_000);
			expect(registrations()).toBe(1);
			const result = (await run()) as {
				url: string;
				files: string[];
				uploaded: { filePath: string; url: string };
				missing: unknown;
				second: string;
			};
			expect(result).toEqual({
				url: expect.stringContaining('ik-s='),
				files: ['/reports/chart.png'],
				uploaded: {
					filePath: expect.stringMatching(/^\/from-n8n\/bytes\w*\.bin$/),
					url: expect.any(String),
				},
				missing: {
					name: 'ImageKitApiError',
					status: 404,
					message: expect.stringMatching(/does not exist/),
				},
				second: 'ran',
			});
			expect((await fetchDelivery(emulator, result.url)).status).toBe(200);
			expect((await fetchDelivery(emulator, result.uploaded.url)).body).toEqual(UPLOADED_BYTES);
			expect(JSON.stringify(result)).not.toContain(PRIVATE_KEY);
		});
	});

	it('still has the same runner seconds after the API calls: it serves another Code node, no new registration', async () => {
		await recorded(column, ROWS.survives, async () => {
			const later = await webhookWorkflow(n8n, 'A later Code node', [
				{ name: 'Later Code node', jsCode: 'return [{ json: { later: "ran" } }];' },
			]);
			await new Promise((resolve) => setTimeout(resolve, SURVIVAL_WAIT_MS));
			expect(await later()).toEqual({ later: 'ran' });
			const log = fs.readFileSync(n8n.logFile!, 'utf8');
			expect(log).not.toMatch(
				/Task runner .*restarting|is not installed|Cannot assign to read only/,
			);
			expect(registrations()).toBe(1);
		});
	});
});
