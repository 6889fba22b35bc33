// Every ImageKit operation, both credentials and both triggers in a real n8n, for each n8n version
// (default 1.123.x and 2.40.x, one after the other; N8N_VERSION picks one). ImageKit traffic reaches
// the emulator through n8n's HTTPS_PROXY support, with the emulator's CA trusted via NODE_EXTRA_CA_CERTS.
// Operation workflows run with `n8n execute --id`; the credential tests and triggers run in `n8n start`.
import { createHash } from 'crypto';
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
	nodeItems,
	nodeJson,
	parseExecuteOutput,
	testCredential,
	waitFor,
} from './n8n-runs';
import { imageKitSpec, itWithSpec } from '../openapi/spec';
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
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

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

	const uploadRequestsOf = (fileName: string) =>
		emulator.requests.filter((request) => request.form?.fields.fileName === fileName);

	describe('operation workflows (n8n execute --id)', () => {
		it('File: uploads a file read from disk (filesystem binary mode), manages, downloads and deletes it', async () => {
			await recorded(column, 'File (binary upload, download, …)', async () => {
				const run = await execute(IDS.binaryFile);
				const [uploaded] = nodeJson(run, 'Upload');
				expect(uploaded).toMatchObject({
					name: 'photo.png',
					filePath: '/e2e/photo.png',
					width: 640,
					height: 480,
				});
				const [upload] = uploadRequestsOf('photo.png');
				expect(upload.form?.file).toMatchObject({ size: IMAGE.length, sha256: sha256(IMAGE) });

				const fileId = uploaded.fileId;
				expect(nodeJson(run, 'Get')).toEqual([
					expect.objectContaining({ fileId, name: 'photo.png' }),
				]);
				expect(nodeJson(run, 'Update')).toEqual([
					expect.objectContaining({ fileId, tags: ['e2e', 'sale'], description: 'E2E photo' }),
				]);
				for (const node of ['Add Tags', 'Remove Tags', 'Remove AI Tags', 'Copy', 'Rename', 'Move'])
					nodeItems(run, node);
				expect(nodeJson(run, 'Get Metadata')[0]).toMatchObject({
					width: 640,
					height: 480,
					pHash: expect.stringMatching(/^[0-9a-f]{16}$/),
				});
				expect(nodeJson(run, 'Metadata From URL')[0]).toMatchObject({ width: 640, height: 480 });

				const [download] = nodeItems(run, 'Download');
				expect(download.binary?.data).toMatchObject({
					mimeType: 'image/png',
					id: expect.stringMatching(/^filesystem/),
				});
				expect(sha256(readStoredBinary(download.binary!.data.id!))).toBe(sha256(IMAGE));

				expect(nodeJson(run, 'Unpublish')[0]).toMatchObject({ isPublished: false });
				expect(nodeJson(run, 'Publish')[0]).toMatchObject({ isPublished: true });
				const listed = nodeJson(run, 'Get Many');
				// Update set e2e and sale, Add Tags added blue, Remove Tags took sale away again.
				expect(listed).toContainEqual(
					expect.objectContaining({
						fileId,
						filePath: '/e2e-moved/renamed.png',
						tags: ['e2e', 'blue'],
					}),
				);
				expect(listed).toContainEqual(expect.objectContaining({ filePath: '/e2e-copy/photo.png' }));
				expect(nodeJson(run, 'Delete')).toEqual([{ fileId, deleted: true }]);
				nodeItems(run, 'Delete Many');
				expect(emulator.files.filter((file) => file.filePath.startsWith('/e2e'))).toEqual([]);
			});
		});

		it('File Version: overwriting keeps versions that can be listed, read, restored and deleted', async () => {
			await recorded(column, 'File Version', async () => {
				const run = await execute(IDS.fileVersions);
				const versions = nodeJson(run, 'Versions');
				expect(versions.map((version) => version.type)).toEqual([
					'file-version',
					'file-version',
					'file',
				]);
				const firstVersion = (versions[0].versionInfo as { id: string }).id;
				expect(nodeJson(run, 'Get Version')[0]).toMatchObject({
					type: 'file-version',
					size: 3,
					versionInfo: { id: firstVersion },
				});
				expect(nodeJson(run, 'Restore')[0]).toMatchObject({
					type: 'file',
					size: 3,
					versionInfo: { id: firstVersion },
				});
				expect(nodeJson(run, 'Delete Version')[0]).toMatchObject({ deleted: true });
				const [stored] = emulator.files.filter((file) => file.name === 'note.txt');
				expect(stored.version.id).toBe(firstVersion);
				expect(stored.previousVersions).toHaveLength(1);
			});
		});

		it('Folder: creates, copies, moves, renames, reads job status and deletes folders', async () => {
			await recorded(column, 'Folder (+ upload by URL)', async () => {
				const run = await execute(IDS.folders);
				expect(nodeJson(run, 'Create')).toEqual([{ folderPath: '/shop/summer_sale' }]);
				expect(nodeJson(run, 'Upload From URL')[0]).toMatchObject({
					filePath: '/shop/summer_sale/shoe.jpg',
				});
				expect(uploadRequestsOf('shoe.jpg')[0].form?.fields.file).toBe(
					'https://example.com/shoe.jpg',
				);
				nodeItems(run, 'Copy');
				nodeItems(run, 'Move');
				const [rename] = nodeJson(run, 'Rename');
				expect(rename.jobId).toEqual(expect.any(String));
				// The emulator answers a job's first status poll with Pending, the next with Completed.
				expect(nodeJson(run, 'Job Status')).toEqual([
					{ jobId: rename.jobId, type: 'RENAME_FOLDER', status: 'Pending' },
				]);
				expect(nodeJson(run, 'Job Status Again')).toEqual([
					{ jobId: rename.jobId, type: 'RENAME_FOLDER', status: 'Completed' },
				]);
				nodeItems(run, 'Delete');
				expect(emulator.folders).not.toContain('/shop/summer_sale/');
				const shoes = emulator.files
					.filter((file) => file.name === 'shoe.jpg')
					.map((file) => file.filePath);
				expect(shoes).toEqual(['/old/winter/shoe.jpg']);
			});
		});

		it('Custom Metadata Field: creates, lists, updates and deletes a field', async () => {
			await recorded(column, 'Custom Metadata Field', async () => {
				const run = await execute(IDS.metadataFields);
				const [created] = nodeJson(run, 'Create');
				expect(created).toMatchObject({
					name: 'brand',
					label: 'Brand',
					schema: { type: 'SingleSelect', selectOptions: ['acme', 'globex'] },
				});
				expect(nodeJson(run, 'Get Many').map((field) => field.id)).toContain(created.id);
				expect(nodeJson(run, 'Update')[0]).toMatchObject({ id: created.id, label: 'Brand Name' });
				nodeItems(run, 'Delete');
			});
		});

		it('Image URL, Cache, Upload Auth & pHash, Account: generate, purge, sign, compare, usage', async () => {
			await recorded(column, 'Image URL, Cache, Utility, Account', async () => {
				const run = await execute(IDS.urlsAndUtilities);
				const [{ url }] = nodeJson(run, 'Image URL');
				// The table's order, as ImageKit's SDKs write it (issue 9).
				expect(url).toMatch(
					new RegExp(
						`^${emulator.urlEndpoint}/tr:w-300,h-200/shoes/red\\.jpg\\?ik-s=[0-9a-f]{40}$`,
					),
				);
				const [responsive] = nodeJson(run, 'Responsive');
				const candidate = (width: number) =>
					`${emulator.urlEndpoint}/tr:h-500:w-${width},c-at_max/shoes/red\\.jpg\\?ik-s=[0-9a-f]{40}`;
				expect(responsive).toEqual({
					src: expect.stringMatching(new RegExp(`^${candidate(828)}$`)),
					srcSet: expect.stringMatching(new RegExp(`^${candidate(640)} 1x, ${candidate(828)} 2x$`)),
					width: 400,
				});
				expect(nodeJson(run, 'Img Tag')[0].html).toBe(
					`<img src="${responsive.src}" srcset="${responsive.srcSet}" width="400" alt="Red shoe">`,
				);
				const [purge] = nodeJson(run, 'Purge');
				expect(purge.requestId).toEqual(expect.any(String));
				expect(nodeJson(run, 'Purge Status')).toEqual([
					{ requestId: purge.requestId, status: 'Pending' },
				]);
				const [auth] = nodeJson(run, 'Upload Auth');
				expect(auth).toMatchObject({
					token: 'e2e-token',
					publicKey: PUBLIC_KEY,
					signature: expect.stringMatching(/^[0-9a-f]{40}$/),
				});
				expect(nodeJson(run, 'Compare pHash')[0]).toMatchObject({ distance: 1 });
				expect(nodeJson(run, 'Usage')[0]).toMatchObject({
					startDate: '2024-01-01',
					endDate: '2024-01-31',
				});
			});
		});

		it('Origin, URL Endpoint, Saved Extension: full lifecycle of each', async () => {
			await recorded(column, 'Origin, URL Endpoint, Saved Extension', async () => {
				const run = await execute(IDS.accountSettings);
				const [origin] = nodeJson(run, 'Create Origin');
				expect(origin).toMatchObject({ type: 'S3', name: 'Products', bucket: 'products' });
				expect(nodeJson(run, 'Get Origin')[0]).toMatchObject({ id: origin.id });
				expect(nodeJson(run, 'Origins').map((item) => item.id)).toContain(origin.id);
				expect(nodeJson(run, 'Update Origin')[0]).toMatchObject({
					id: origin.id,
					type: 'WEB_FOLDER',
					name: 'Products Web',
				});
				const [endpoint] = nodeJson(run, 'Create Endpoint');
				expect(endpoint).toMatchObject({ description: 'E2E endpoint', origins: [origin.id] });
				expect(nodeJson(run, 'Get Endpoint')[0]).toMatchObject({ id: endpoint.id });
				expect(nodeJson(run, 'Endpoints').map((item) => item.id)).toContain(endpoint.id);
				expect(nodeJson(run, 'Update Endpoint')[0]).toMatchObject({
					id: endpoint.id,
					description: 'E2E endpoint v2',
				});
				expect(nodeJson(run, 'Delete Endpoint')).toEqual([{ id: endpoint.id, deleted: true }]);
				expect(nodeJson(run, 'Delete Origin')).toEqual([{ id: origin.id, deleted: true }]);
				const [extension] = nodeJson(run, 'Create Extension');
				expect(extension).toMatchObject({
					name: 'Tagging',
					config: { name: 'aws-auto-tagging', minConfidence: 70, maxTags: 5 },
				});
				expect(nodeJson(run, 'Get Extension')).toEqual([extension]);
				expect(nodeJson(run, 'Extensions').map((item) => item.id)).toContain(extension.id);
				expect(nodeJson(run, 'Update Extension')[0]).toMatchObject({
					name: 'Describe',
					config: { name: 'ai-auto-description' },
				});
				expect(nodeJson(run, 'Delete Extension')).toEqual([{ id: extension.id, deleted: true }]);
			});
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
