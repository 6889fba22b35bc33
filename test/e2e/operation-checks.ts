// The checks of the chained operation workflows (workflows.ts), shared by the single-process run
// (operations.e2e.ts, `n8n execute`) and queue mode (queue-mode.queue.ts, workers): each reads the
// run of one workflow and what the emulator saw.
import { createHash } from 'crypto';

import type { IRun } from 'n8n-workflow';

import type { ImageKitEmulator } from '../emulator';
import { nodeItems, nodeJson } from './n8n-runs';
import { IDS } from './workflows';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export interface OperationCheckContext {
	emulator: ImageKitEmulator;
	/** The image the File workflow reads from disk and uploads. */
	image: Buffer;
	/** The public key of the API credential. */
	publicKey: string;
	/** n8n's binary data mode of the run: the binary IDs start with it. */
	binaryMode: 'filesystem' | 'database';
	/** The bytes n8n stored for a binary ID. */
	storedBinary(binaryId: string): Promise<Buffer> | Buffer;
}

export interface OperationCheck {
	workflowId: string;
	/** The row of the results table. */
	row: string;
	title: string;
	check(run: IRun, context: OperationCheckContext): Promise<void>;
}

const uploadRequestsOf = (emulator: ImageKitEmulator, fileName: string) =>
	emulator.requests.filter((request) => request.form?.fields.fileName === fileName);

export const OPERATION_CHECKS: OperationCheck[] = [
	{
		workflowId: IDS.binaryFile,
		row: 'File (binary upload, download, …)',
		title:
			"File: uploads a file read from disk (in the run's binary mode), manages, downloads and deletes it",
		async check(run, { emulator, image, binaryMode, storedBinary }) {
			const [uploaded] = nodeJson(run, 'Upload');
			expect(uploaded).toMatchObject({
				name: 'photo.png',
				filePath: '/e2e/photo.png',
				width: 640,
				height: 480,
			});
			const [upload] = uploadRequestsOf(emulator, 'photo.png');
			expect(upload.form?.file).toMatchObject({ size: image.length, sha256: sha256(image) });

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
				id: expect.stringMatching(new RegExp(`^${binaryMode}`)),
			});
			expect(sha256(await storedBinary(download.binary!.data.id!))).toBe(sha256(image));

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
		},
	},
	{
		workflowId: IDS.fileVersions,
		row: 'File Version',
		title:
			'File Version: overwriting keeps versions that can be listed, read, restored and deleted',
		async check(run, { emulator }) {
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
		},
	},
	{
		workflowId: IDS.folders,
		row: 'Folder (+ upload by URL)',
		title: 'Folder: creates, copies, moves, renames, reads job status and deletes folders',
		async check(run, { emulator }) {
			expect(nodeJson(run, 'Create')).toEqual([{ folderPath: '/shop/summer_sale' }]);
			expect(nodeJson(run, 'Upload From URL')[0]).toMatchObject({
				filePath: '/shop/summer_sale/shoe.jpg',
			});
			expect(uploadRequestsOf(emulator, 'shoe.jpg')[0].form?.fields.file).toBe(
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
		},
	},
	{
		workflowId: IDS.metadataFields,
		row: 'Custom Metadata Field',
		title: 'Custom Metadata Field: creates, lists, updates and deletes a field',
		async check(run) {
			const [created] = nodeJson(run, 'Create');
			expect(created).toMatchObject({
				name: 'brand',
				label: 'Brand',
				schema: { type: 'SingleSelect', selectOptions: ['acme', 'globex'] },
			});
			expect(nodeJson(run, 'Get Many').map((field) => field.id)).toContain(created.id);
			expect(nodeJson(run, 'Update')[0]).toMatchObject({ id: created.id, label: 'Brand Name' });
			nodeItems(run, 'Delete');
		},
	},
	{
		workflowId: IDS.urlsAndUtilities,
		row: 'Image URL, Cache, Utility, Account',
		title: 'Image URL, Cache, Upload Auth & pHash, Account: generate, purge, sign, compare, usage',
		async check(run, { emulator, publicKey }) {
			const [{ url }] = nodeJson(run, 'Image URL');
			// The table's order, as ImageKit's SDKs write it (issue 9).
			expect(url).toMatch(
				new RegExp(`^${emulator.urlEndpoint}/tr:w-300,h-200/shoes/red\\.jpg\\?ik-s=[0-9a-f]{40}$`),
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
				publicKey: publicKey,
				signature: expect.stringMatching(/^[0-9a-f]{40}$/),
			});
			expect(nodeJson(run, 'Compare pHash')[0]).toMatchObject({ distance: 1 });
			expect(nodeJson(run, 'Usage')[0]).toMatchObject({
				startDate: '2024-01-01',
				endDate: '2024-01-31',
			});
		},
	},
	{
		workflowId: IDS.accountSettings,
		row: 'Origin, URL Endpoint, Saved Extension',
		title: 'Origin, URL Endpoint, Saved Extension: full lifecycle of each',
		async check(run) {
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
		},
	},
];
