// Every ImageKit operation, both credentials and both triggers in a real n8n, for each n8n version
// (default 1.123.x and 2.40.x, one after the other; N8N_VERSION picks one). ImageKit traffic reaches
// the emulator through n8n's HTTPS_PROXY support, with the emulator's CA trusted via NODE_EXTRA_CA_CERTS.
// Operation workflows run with `n8n execute --id`; the credential tests and triggers run in `n8n start`.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import type { IRun } from 'n8n-workflow';

import {
	ensureN8n,
	freePort,
	runN8nCommand,
	startN8n,
	type N8nInstall,
	type RunningN8n,
} from '../../scripts/n8n';
import { EMULATOR_CA_CERT_PATH, ImageKitEmulator, placeholderPng, webhookEvent } from '../emulator';
import {
	activateWorkflow,
	executionsOf,
	parseExecuteOutput,
	testCredential,
	waitFor,
} from './n8n-runs';
import { imageKitSpec, itWithSpec } from '../openapi/spec';
import { OPERATION_CHECKS } from './operation-checks';
import { recorded, recordSkipped, resultTable } from './report';
import {
	API_CREDENTIAL,
	IDS,
	WEBHOOK_CREDENTIAL,
	WEBHOOK_ID,
	operationWorkflows,
	triggerWorkflows,
} from './workflows';
import { E2E_VERSIONS as VERSIONS } from './versions';

const PRIVATE_KEY = 'private_e2eKey0123456789abcdefXYZ=';
const PUBLIC_KEY = 'public_e2eKey0123456789=';
const WEBHOOK_SECRET = 'whsec_e2eWebhookSecret0123456789';
const IMAGE = placeholderPng(640, 480, 'e2e photo');
const SPEC_CHECK = 'Emulator: no OpenAPI violations';

afterAll(() => {
	process.stdout.write(`\nImageKit e2e results\n${resultTable()}\n\n`);
});

describe.each(VERSIONS)('n8n %s', (versionSpec) => {
	let install: N8nInstall;
	let emulator: ImageKitEmulator;
	let userFolder: string;
	let env: Record<string, string>;
	let column: string;

	beforeAll(async () => {
		install = await ensureN8n(versionSpec, { log: () => undefined });
		column = `n8n ${install.version}`;
		if (!imageKitSpec) recordSkipped(column, SPEC_CHECK, 'no spec');
		emulator = new ImageKitEmulator({ privateKey: PRIVATE_KEY });
		await emulator.start();
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'imagekit-e2e-'));
		// Outside <userFolder>/.n8n, which n8n 2.x never lets the Read/Write Files node read.
		const filesFolder = path.join(userFolder, 'files');
		fs.mkdirSync(filesFolder);
		fs.writeFileSync(path.join(filesFolder, 'photo.png'), IMAGE);
		env = {
			HTTPS_PROXY: emulator.proxyUrl,
			NO_PROXY: 'localhost,127.0.0.1',
			NODE_EXTRA_CA_CERTS: EMULATOR_CA_CERT_PATH,
			N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
			N8N_RESTRICT_FILE_ACCESS_TO: filesFolder,
			N8N_ENCRYPTION_KEY: 'imagekit-e2e-encryption-key',
		};
		const credentials = [
			{
				...API_CREDENTIAL,
				type: 'imageKitApi',
				data: { privateKey: PRIVATE_KEY, publicKey: PUBLIC_KEY, urlEndpoint: emulator.urlEndpoint },
			},
			{ ...WEBHOOK_CREDENTIAL, type: 'imageKitWebhookApi', data: { secret: WEBHOOK_SECRET } },
		];
		const workflows = [
			...operationWorkflows({ imagePath: path.join(filesFolder, 'photo.png') }),
			...triggerWorkflows(),
		];
		fs.writeFileSync(path.join(userFolder, 'credentials.json'), JSON.stringify(credentials));
		fs.writeFileSync(path.join(userFolder, 'workflows.json'), JSON.stringify(workflows));
		for (const [command, file] of [
			['import:credentials', 'credentials.json'],
			['import:workflow', 'workflows.json'],
		]) {
			const result = await runN8nCommand({
				install,
				userFolder,
				args: [command, `--input=${path.join(userFolder, file)}`],
				env,
			});
			if (result.code !== 0)
				throw new Error(
					`n8n ${command} exited ${result.code}:\n${result.stdout}\n${result.stderr}`.slice(-3000),
				);
		}
	}, 600_000);

	afterAll(async () => {
		await emulator?.stop();
		if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	});

	/** Runs an imported workflow with `n8n execute --id`, as a user's CLI or cron would. */
	async function execute(workflowId: string): Promise<IRun> {
		const result = await runN8nCommand({
			install,
			userFolder,
			args: ['execute', `--id=${workflowId}`, '--rawOutput'],
			env,
			linkPackage: false,
		});
		const run = parseExecuteOutput(result.stdout);
		if (!run)
			throw new Error(
				`n8n execute --id=${workflowId} exited ${result.code} without a run:\n${result.stdout}\n${result.stderr}`.slice(
					-3000,
				),
			);
		return run;
	}

	describe('operation workflows (n8n execute --id)', () => {
		for (const { workflowId, row, title, check } of OPERATION_CHECKS)
			it(title, async () => {
				await recorded(column, row, async () =>
					check(await execute(workflowId), {
						emulator,
						image: IMAGE,
						publicKey: PUBLIC_KEY,
						binaryMode: 'filesystem',
						storedBinary: readStoredBinary,
					}),
				);
			});
	});

	describe('in a running n8n (n8n start)', () => {
		let n8n: RunningN8n;

		beforeAll(async () => {
			n8n = await startN8n({
				install,
				port: await freePort(),
				userFolder,
				keepUserFolder: true,
				env,
			});
		}, 300_000);

		afterAll(async () => {
			await n8n?.stop();
		});

		it('tests the ImageKit API credential: OK with the right key, a clear message with a wrong one', async () => {
			await recorded(column, 'Credential test: ImageKit API', async () => {
				const credential = { ...API_CREDENTIAL, type: 'imageKitApi' };
				const right = await testCredential(n8n, {
					...credential,
					data: {
						privateKey: PRIVATE_KEY,
						publicKey: PUBLIC_KEY,
						urlEndpoint: emulator.urlEndpoint,
					},
				});
				expect(right.status).toBe('OK');
				const wrong = await testCredential(n8n, {
					...credential,
					data: {
						privateKey: 'private_wrongKey',
						publicKey: PUBLIC_KEY,
						urlEndpoint: emulator.urlEndpoint,
					},
				});
				// n8n 1.x applies a credential's responseCode rules only to errors that keep the HTTP response,
				// which the routing request's error does not: it shows its generic 403 text instead.
				const wrongKeyMessage = install.version.startsWith('1.')
					? /^Forbidden - perhaps check your credentials\?$/
					: /^ImageKit rejected the private key/;
				expect(wrong).toEqual({ status: 'Error', message: expect.stringMatching(wrongKeyMessage) });
				expect(JSON.stringify(wrong)).not.toContain('private_wrongKey');
			});
		});

		it('tests the ImageKit Webhook API credential by the shape of its secret', async () => {
			await recorded(column, 'Credential test: ImageKit Webhook API', async () => {
				const credential = { ...WEBHOOK_CREDENTIAL, type: 'imageKitWebhookApi' };
				expect(
					await testCredential(n8n, { ...credential, data: { secret: WEBHOOK_SECRET } }),
				).toMatchObject({ status: 'OK' });
				expect(
					await testCredential(n8n, { ...credential, data: { secret: ` ${WEBHOOK_SECRET}` } }),
				).toEqual({
					status: 'Error',
					message: 'The secret starts or ends with a space; copy it again',
				});
			});
		});

		it('ImageKit Trigger: a signed webhook runs the active workflow; a bad signature gets 401 and no execution', async () => {
			await recorded(column, 'ImageKit Trigger (webhook)', async () => {
				await activateWorkflow(n8n, IDS.webhookTrigger);
				const url = `${n8n.url}/webhook/${WEBHOOK_ID}/webhook`;
				const signed = emulator.seedFile({ name: 'hooked.png' });
				const send = async (fileId: string, secret: string) =>
					await emulator.sendWebhook(url, webhookEvent('file.created', { fileId }), {
						scheme: 'x-ik-signature',
						secret,
					});
				// Right after activation n8n may still answer 404 for a moment (webhook registration race).
				const delivery = await waitFor(
					'the webhook to be registered',
					async () => {
						const attempt = await send(signed.fileId, WEBHOOK_SECRET);
						return attempt.status === 404 ? undefined : attempt;
					},
					30_000,
				);
				expect(delivery.status).toBe(200);
				const lookedUp = (fileId: string) =>
					emulator.requests.some(
						(request) => request.method === 'GET' && request.path === `/v1/files/${fileId}/details`,
					);
				await waitFor(
					'the workflow to look up the file',
					() => (lookedUp(signed.fileId) ? true : undefined),
					30_000,
				);
				const executions = await waitFor(
					'the execution to be stored',
					async () => {
						const found = await executionsOf(n8n, IDS.webhookTrigger);
						return found.length === 1 && found[0].status === 'success' ? found : undefined;
					},
					30_000,
				);
				expect(executions[0]).toMatchObject({ mode: 'webhook' });

				const forged = emulator.seedFile({ name: 'forged.png' });
				const refused = await send(forged.fileId, 'whsec_notTheSecret0123456789');
				expect({ status: refused.status, body: refused.body }).toEqual({
					status: 401,
					body: 'Invalid signature',
				});
				await new Promise((resolve) => setTimeout(resolve, 3000));
				expect(lookedUp(forged.fileId)).toBe(false);
				expect(await executionsOf(n8n, IDS.webhookTrigger)).toHaveLength(1);
			});
		});

		it('ImageKit File Trigger: an active workflow picks up a file uploaded after activation at the next poll', async () => {
			await recorded(column, 'ImageKit File Trigger (polling)', async () => {
				await activateWorkflow(n8n, IDS.fileTrigger);
				// The activation poll sets the cursor to "now"; only files created after it are new.
				await new Promise((resolve) => setTimeout(resolve, 2000));
				const ignored = emulator.seedFile({ name: 'elsewhere.png', folder: '/other/' });
				const polled = emulator.seedFile({ name: 'polled.png', folder: '/polled/' });
				const lookedUp = (fileId: string) =>
					emulator.requests.some(
						(request) => request.method === 'GET' && request.path === `/v1/files/${fileId}/details`,
					);
				// n8n polls at most once a minute.
				await waitFor(
					'the next poll to emit the new file',
					() => (lookedUp(polled.fileId) ? true : undefined),
					75_000,
				);
				expect(lookedUp(ignored.fileId)).toBe(false);
				const executions = await waitFor(
					'the execution to be stored',
					async () => {
						const found = await executionsOf(n8n, IDS.fileTrigger);
						return found.some((execution) => execution.status === 'success') ? found : undefined;
					},
					15_000,
				);
				expect(executions).toHaveLength(1);
			});
		}, 120_000);
	});

	it('met no internal error in the emulator', () => {
		expect(emulator.internalErrors).toEqual([]);
	});

	itWithSpec('sent and answered only what ImageKit’s OpenAPI spec allows', async () => {
		await recorded(column, SPEC_CHECK, async () => {
			expect(emulator.openApiViolations).toEqual([]);
		});
	});

	/** The bytes n8n stored for a binary in filesystem mode (id `filesystem-v2:<path>` under the user folder's .n8n). */
	function readStoredBinary(binaryId: string): Buffer {
		const relative = binaryId.replace(/^filesystem(-v2)?:/, '');
		const candidates = ['binaryData', 'storage'].map((folder) =>
			path.join(userFolder, '.n8n', folder, relative),
		);
		const found = candidates.find((candidate) => fs.existsSync(candidate));
		if (!found) throw new Error(`No stored binary for ${binaryId} in ${candidates.join(' or ')}`);
		return fs.readFileSync(found);
	}
});
