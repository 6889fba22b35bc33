import {
	BULK_TAGS_LIMIT,
	ImageKit,
	ImageKitApiError,
	ImageKitInputError,
} from '../../nodes/ImageKit/client';
import type { HttpRequest, HttpResponse } from '../../nodes/ImageKit/client';

/** A client whose requester answers `answers` in turn and records the requests. */
function clientAnswering(...answers: Array<Partial<HttpResponse>>) {
	const requests: HttpRequest[] = [];
	const client = new ImageKit({
		privateKey: 'private_key_test',
		request: async (request) => {
			requests.push(request);
			return { status: 200, headers: {}, body: undefined, ...answers.shift() };
		},
		sleep: async () => undefined,
	});
	return { client, requests };
}

const ids = (count: number) => Array.from({ length: count }, (_, index) => `id${index}`);

describe('client: copy, move, rename, publish, tags, versions', () => {
	it('refuses more than 50 ids, no ids, and empty tags before sending anything', async () => {
		const { client, requests } = clientAnswering();
		expect(BULK_TAGS_LIMIT).toBe(50);
		await expect(client.addTags(ids(51), ['a'])).rejects.toMatchObject({
			name: 'ImageKitInputError',
			field: 'fileIds',
			message: 'fileIds can hold at most 50 ids per call',
		});
		await expect(client.removeTags([], ['a'])).rejects.toMatchObject({ field: 'fileIds' });
		await expect(client.removeAITags(['id'], [])).rejects.toMatchObject({ field: 'AITags' });
		await expect(client.addTags(['id'], ['ok', ' '])).rejects.toBeInstanceOf(ImageKitInputError);
		expect(requests).toEqual([]);
	});

	it('sends 50 ids in one call with the body ImageKit expects', async () => {
		const { client, requests } = clientAnswering({ body: { successfullyUpdatedFileIds: ids(50) } });
		const result = await client.addTags(ids(50), [' sale ']);
		expect(result.successfullyUpdatedFileIds).toHaveLength(50);
		expect(requests[0]).toMatchObject({
			method: 'POST',
			url: 'https://api.imagekit.io/v1/files/addTags',
			body: { fileIds: ids(50), tags: ['sale'] },
		});
	});

	it('checks paths and ids, and encodes them into version paths', async () => {
		const { client, requests } = clientAnswering({ body: [] });
		await expect(client.copyFile('', '/b/')).rejects.toMatchObject({ field: 'sourceFilePath' });
		await expect(client.moveFile('/a.png', ' ')).rejects.toMatchObject({
			field: 'destinationPath',
		});
		await expect(client.renameFile('/a.png', '')).rejects.toMatchObject({ field: 'newFileName' });
		await expect(client.getFileVersion('file', '')).rejects.toMatchObject({ field: 'versionId' });
		await expect(client.listFileVersions('a/b')).rejects.toMatchObject({ field: 'fileId' });
		await client.listFileVersions('a b');
		expect(requests.map((request) => request.url)).toEqual([
			'https://api.imagekit.io/v1/files/a%20b/versions',
		]);
	});

	it('returns a refused purge (207) from rename instead of throwing', async () => {
		const { client } = clientAnswering({
			status: 207,
			body: { reason: 'PURGE_FAILED', message: 'not purged' },
		});
		await expect(client.renameFile('/a.png', 'b.png', true)).resolves.toEqual({
			reason: 'PURGE_FAILED',
			message: 'not purged',
		});
	});

	it('does not repeat a copy that failed with a server error, since it may have been done', async () => {
		const { client, requests } = clientAnswering({ status: 500, body: { message: 'boom' } });
		await expect(client.copyFile('/a.png', '/b/', true)).rejects.toBeInstanceOf(ImageKitApiError);
		expect(requests).toHaveLength(1);
		expect(requests[0].body).toEqual({
			sourceFilePath: '/a.png',
			destinationPath: '/b/',
			includeFileVersions: true,
		});
	});

	it('publishes through the details endpoint', async () => {
		const { client, requests } = clientAnswering({ body: { fileId: 'f' } });
		await client.publishFile('f', false, true);
		expect(requests[0]).toMatchObject({
			method: 'PATCH',
			url: 'https://api.imagekit.io/v1/files/f/details',
			body: { publish: { isPublished: false, includeFileVersions: true } },
		});
	});
});
