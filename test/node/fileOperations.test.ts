import 'reflect-metadata';

import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeListSearchResult, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ImageKitApi } from '../../credentials/ImageKitApi.credentials';
import { ImageKit } from '../../nodes/ImageKit/ImageKit.node';
import { FixtureCredentialsHelper } from '../engine/credentials-helper';
import { NODE_TYPE, PRIVATE_KEY, PUBLIC_KEY, useNodeFixture } from './fixture';

const fixture = useNodeFixture();

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const byUrl = (value: string) => ({ __rl: true, mode: 'url', value });
const folder = (value: string) => ({ __rl: true, mode: 'path', value });
const fileAt = (filePath: string) =>
	fixture.emulator.files.find((file) => file.filePath === filePath);

describe('File → Copy and Move', () => {
	it('copies a file with its versions into a folder, leaving the original', async () => {
		const original = fixture.emulator.seedFile({ name: 'shoe.png', folder: '/a/' });
		await fixture.run({
			resource: 'file',
			operation: 'upload',
			inputSource: 'base64',
			base64Content: 'AAAA',
			fileName: 'shoe.png',
			options: { folder: '/a/', useUniqueFileName: false },
		});
		const result = await fixture.run({
			resource: 'file',
			operation: 'copy',
			fileId: byId(original.fileId),
			destinationPath: folder('/b'),
			includeFileVersions: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			sourceFilePath: '/a/shoe.png',
			destinationPath: '/b/',
			includeFileVersions: true,
			copied: true,
		});
		expect(
			fixture.emulator.requests.find((request) => request.path === '/v1/files/copy')?.json,
		).toEqual({
			sourceFilePath: '/a/shoe.png',
			destinationPath: '/b/',
			includeFileVersions: true,
		});
		const copy = fileAt('/b/shoe.png')!;
		expect(copy.fileId).not.toBe(original.fileId);
		expect(copy.previousVersions).toHaveLength(1);
		expect(fileAt('/a/shoe.png')?.fileId).toBe(original.fileId);
	});

	it('moves a file picked by its delivery URL, and says when the source is missing', async () => {
		const shoe = fixture.emulator.seedFile({ name: 'shoe.png', folder: '/a/' });
		const moved = await fixture.run({
			resource: 'file',
			operation: 'move',
			fileId: byUrl(`${fixture.emulator.urlEndpoint}/tr:w-300/a/shoe.png?updatedAt=1`),
			destinationPath: folder('/b/'),
		});
		expect(moved.error).toBeUndefined();
		expect(moved.items[0].json).toEqual({
			fileId: shoe.fileId,
			sourceFilePath: '/a/shoe.png',
			destinationPath: '/b/',
			moved: true,
		});
		expect(fileAt('/b/shoe.png')?.fileId).toBe(shoe.fileId);
		expect(fileAt('/a/shoe.png')).toBeUndefined();

		const missing = await fixture.run({
			resource: 'file',
			operation: 'move',
			fileId: byUrl(`${fixture.emulator.urlEndpoint}/a/shoe.png`),
			destinationPath: folder('/c/'),
		});
		expect(missing.error?.message).toBeProblemWithFix(
			'No file at /a/shoe.png in the media library',
		);
	});

	it('refuses the same source and destination folder with ImageKit’s message', async () => {
		const shoe = fixture.emulator.seedFile({ name: 'shoe.png', folder: '/a/' });
		const result = await fixture.run({
			resource: 'file',
			operation: 'copy',
			fileId: byId(shoe.fileId),
			destinationPath: folder('/a/'),
		});
		expect(result.error?.message).toBeProblemWithFix(
			'Source and destination folders cannot be the same.',
		);
	});
});

describe('File → Rename', () => {
	it('renames every version and returns the purge request ID', async () => {
		const shoe = fixture.emulator.seedFile({ name: 'shoe.png' });
		const result = await fixture.run({
			resource: 'file',
			operation: 'rename',
			fileId: byId(shoe.fileId),
			newFileName: 'red shoe.png',
			options: { purgeCache: true },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			fileId: shoe.fileId,
			oldFilePath: '/shoe.png',
			newFileName: 'red shoe.png',
			renamed: true,
			purged: true,
			purgeRequestId: expect.stringMatching(/^[0-9a-f]{24}$/),
		});
		expect(fixture.emulator.files[0].filePath).toBe('/red_shoe.png');
	});

	it('reports a refused purge (207 PURGE_FAILED) in the output instead of failing', async () => {
		const shoe = fixture.emulator.seedFile({ name: 'shoe.png' });
		fixture.emulator.exhaustPurgeQuota();
		const result = await fixture.run({
			resource: 'file',
			operation: 'rename',
			fileId: byId(shoe.fileId),
			newFileName: 'boot.png',
			options: { purgeCache: true },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			renamed: true,
			purged: false,
			purgeError: expect.stringMatching(/^File renamed successfully but we could not purge/),
		});
		expect(fixture.emulator.files[0].name).toBe('boot.png');
	});

	it('fails with ImageKit’s 409 when the new name is taken, without retrying', async () => {
		const shoe = fixture.emulator.seedFile({ name: 'shoe.png' });
		fixture.emulator.seedFile({ name: 'boot.png' });
		const result = await fixture.run({
			resource: 'file',
			operation: 'rename',
			fileId: byId(shoe.fileId),
			newFileName: 'boot.png',
		});
		expect(result.error?.message).toBeProblemWithFix(
			'File with name boot.png already exists at the same location.',
		);
		expect(
			fixture.emulator.requests.filter((request) => request.path === '/v1/files/rename'),
		).toHaveLength(1);
	});
});

describe('File → Publish and Unpublish', () => {
	it('unpublishes and publishes a file with its versions', async () => {
		const shoe = fixture.emulator.seedFile({ name: 'shoe.png' });
		const hidden = await fixture.run({
			resource: 'file',
			operation: 'unpublish',
			fileId: byId(shoe.fileId),
			includeFileVersions: true,
		});
		expect(hidden.items[0].json).toMatchObject({ fileId: shoe.fileId, isPublished: false });
		const patch = fixture.emulator.requests.find((request) => request.method === 'PATCH');
		expect(patch?.json).toEqual({ publish: { isPublished: false, includeFileVersions: true } });
		const shown = await fixture.run({
			resource: 'file',
			operation: 'publish',
			fileId: byId(shoe.fileId),
		});
		expect(shown.items[0].json).toMatchObject({ isPublished: true });
	});

	it('fails with a clear message when no file is given', async () => {
		const result = await fixture.run({
			resource: 'file',
			operation: 'publish',
			fileId: byId('={{ " " }}'),
		});
		expect(result.error?.message).toBeProblemWithFix("'File' is empty");
	});
});

describe('File → Add Tags, Remove Tags, Remove AI Tags', () => {
	const tagRequests = (operation: string) =>
		fixture.emulator.requests.filter((request) => request.path === `/v1/files/${operation}`);
	const notFound = (fileId: string) => ({
		fileId,
		updated: false,
		reason: 'notFound',
		error: 'Not found: no file in the media library has this ID',
	});

	describe.each([true, false])(
		'with ImageKit leaving the other files untouched on a 404: %s',
		(allOrNothing) => {
			it('tags every existing file 50 at a time, reporting missing IDs as not found', async () => {
				fixture.emulator.behaviour.bulkTagsAllOrNothing = allOrNothing;
				const files = Array.from({ length: 60 }, (_, index) =>
					fixture.emulator.seedFile({ name: `f${index}.png`, tags: ['old'] }),
				);
				const missing = ['aaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbb'];
				const ids = [...files.map((file) => file.fileId), ...missing];
				const result = await fixture.run({
					resource: 'file',
					operation: 'addTags',
					fileIds: ids.join(', '),
					tags: 'sale, summer',
				});
				expect(result.error).toBeUndefined();
				const calls = tagRequests('addTags');
				expect(
					calls.map((request) => (request.json as { fileIds: string[] }).fileIds.length),
				).toEqual([50, 12, 10]);
				expect(calls.map((request) => request.status)).toEqual([200, 404, 200]);
				expect(result.items).toHaveLength(62);
				expect(result.items[0].json).toEqual({ fileId: files[0].fileId, updated: true });
				expect(result.items[59].json).toEqual({ fileId: files[59].fileId, updated: true });
				expect(result.items.slice(60).map((item) => item.json)).toEqual(missing.map(notFound));
				for (const file of fixture.emulator.files) {
					expect(file.tags).toEqual(['old', 'sale', 'summer']);
				}
			});
		},
	);

	it('reports a missing ID as not found, and removes tags', async () => {
		const shoe = fixture.emulator.seedFile({ tags: ['sale', 'summer'] });
		const result = await fixture.run({
			resource: 'file',
			operation: 'removeTags',
			fileIds: ['cccccccccccccccccccccccc', shoe.fileId],
			tags: 'sale',
		});
		expect(result.items.map((item) => item.json)).toEqual([
			notFound('cccccccccccccccccccccccc'),
			{ fileId: shoe.fileId, updated: true },
		]);
		expect(fixture.emulator.files[0].tags).toEqual(['summer']);
	});

	describe.each([false, true])(
		'Remove AI Tags, with ImageKit naming the missing IDs: %s',
		(namesMissingIds) => {
			it('removes AI tags from every existing file and finds the missing IDs', async () => {
				fixture.emulator.behaviour.removeAITagsNamesMissingIds = namesMissingIds;
				const tags = [
					{ name: 'Shoe', confidence: 90, source: 'google-auto-tagging' },
					{ name: 'Red', confidence: 80, source: 'google-auto-tagging' },
				];
				const files = Array.from({ length: 20 }, (_, index) =>
					fixture.emulator.seedFile({ name: `f${index}.png`, AITags: tags }),
				);
				const ids = files.map((file) => file.fileId);
				const missing = ['aaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbb'];
				const result = await fixture.run({
					resource: 'file',
					operation: 'removeAITags',
					fileIds: [...ids.slice(0, 5), missing[0], ...ids.slice(5), missing[1]],
					tags: 'Shoe',
				});
				expect(result.error).toBeUndefined();
				expect(result.items.map((item) => item.json)).toEqual([
					...ids.slice(0, 5).map((fileId) => ({ fileId, updated: true })),
					notFound(missing[0]),
					...ids.slice(5).map((fileId) => ({ fileId, updated: true })),
					notFound(missing[1]),
				]);
				for (const file of fixture.emulator.files) {
					expect(file.AITags?.map((tag) => tag.name)).toEqual(['Red']);
				}
				const calls = tagRequests('removeAITags');
				// Named: one resend. Unnamed: halving, at most 2k⌈log2 n⌉ + 1 requests for k among n.
				if (namesMissingIds) expect(calls).toHaveLength(2);
				else expect(calls.length).toBeLessThanOrEqual(2 * 2 * Math.ceil(Math.log2(22)) + 1);
				expect(calls.every((call) => [200, 404].includes(call.status ?? 0))).toBe(true);
			});
		},
	);

	it('removes AI tags by name', async () => {
		const shoe = fixture.emulator.seedFile({
			AITags: [
				{ name: 'Shoe', confidence: 90, source: 'google-auto-tagging' },
				{ name: 'Red', confidence: 80, source: 'google-auto-tagging' },
			],
		});
		const result = await fixture.run({
			resource: 'file',
			operation: 'removeAITags',
			fileIds: shoe.fileId,
			tags: 'Shoe',
		});
		expect(result.items[0].json).toEqual({ fileId: shoe.fileId, updated: true });
		expect(fixture.emulator.files[0].AITags?.map((tag) => tag.name)).toEqual(['Red']);
		expect(fixture.emulator.requests.at(-1)?.json).toEqual({
			fileIds: [shoe.fileId],
			AITags: ['Shoe'],
		});
	});

	it('needs at least one tag', async () => {
		const result = await fixture.run({
			resource: 'file',
			operation: 'addTags',
			fileIds: 'x',
			tags: ' , ',
		});
		expect(result.error?.message).toBeProblemWithFix("'Tags' is empty");
		expect(fixture.emulator.requests).toHaveLength(0);
	});
});

describe('File locators in the existing operations', () => {
	it('gets a file by its URL', async () => {
		const shoe = fixture.emulator.seedFile({ name: 'shoe.png', folder: '/products/' });
		const result = await fixture.run({
			resource: 'file',
			operation: 'get',
			fileId: byUrl(`${fixture.emulator.urlEndpoint}/products/shoe.png`),
		});
		expect(result.items[0].json).toMatchObject({
			fileId: shoe.fileId,
			filePath: '/products/shoe.png',
		});
		expect(fixture.emulator.requests[0].query).toMatchObject({
			searchQuery: 'name = "shoe.png" AND path = "/products/"',
		});
	});
});

describe('listSearch methods through n8n’s LoadOptionsContext', () => {
	async function search(
		method: 'searchFiles' | 'searchFolders',
		filter?: string,
	): Promise<INodeListSearchResult> {
		const node: INode = {
			id: 'search',
			name: 'ImageKit',
			type: NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			credentials: { imageKitApi: { id: 'imageKitApi', name: 'imageKitApi' } },
		};
		const nodeType = new ImageKit();
		const workflow = new Workflow({
			id: 'search',
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: {
				getByName: () => nodeType,
				getByNameAndVersion: () => nodeType,
				getKnownTypes: () => ({}),
			},
		});
		const credentialsHelper = new FixtureCredentialsHelper([new ImageKitApi()], {
			imageKitApi: {
				privateKey: PRIVATE_KEY,
				publicKey: PUBLIC_KEY,
				urlEndpoint: fixture.emulator.urlEndpoint,
			},
		});
		const additionalData = { credentialsHelper } as unknown as IWorkflowExecuteAdditionalData;
		const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.fileId');
		return await nodeType.methods.listSearch[method].call(context, filter);
	}

	it('searches files by name as the user types, newest first', async () => {
		const first = fixture.emulator.seedFile({
			name: 'shoe-red.png',
			createdAt: new Date('2024-01-01'),
		});
		const second = fixture.emulator.seedFile({
			name: 'shoe-blue.png',
			createdAt: new Date('2024-02-01'),
		});
		fixture.emulator.seedFile({ name: 'boot.png' });
		const result = await search('searchFiles', 'shoe');
		expect(result.results.map(({ name, value }) => ({ name, value }))).toEqual([
			{ name: '/shoe-blue.png', value: second.fileId },
			{ name: '/shoe-red.png', value: first.fileId },
		]);
		expect(result.paginationToken).toBeUndefined();
	});

	it('lists folders, the root first', async () => {
		fixture.emulator.seedFile({ folder: '/products/shoes/' });
		expect((await search('searchFolders')).results.map((result) => result.value)).toEqual([
			'/',
			'/products/',
			'/products/shoes/',
		]);
		expect((await search('searchFolders', 'sh')).results.map((result) => result.value)).toEqual([
			'/products/shoes/',
		]);
	});
});
