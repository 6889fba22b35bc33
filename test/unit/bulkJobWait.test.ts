import {
	ImageKit,
	ImageKitApiError,
	ImageKitInputError,
	ImageKitJobTimeoutError,
} from '../../nodes/ImageKit/client';
import type { HttpRequest, HttpResponse } from '../../nodes/ImageKit/client';

const JOB_ID = '5d5b1a9b4c8c4c0001f3e4a2';

/** A client whose job-status answers come from a script and whose waits are recorded, not slept. */
function polling(answers: Array<Partial<HttpResponse>>) {
	const requests: HttpRequest[] = [];
	const waits: number[] = [];
	const client = new ImageKit({
		privateKey: 'private_key_test',
		request: async (request) => {
			requests.push(request);
			const answer = answers.shift();
			if (!answer) throw new Error('no scripted answer left');
			return { status: 200, headers: {}, body: undefined, ...answer };
		},
		sleep: async (milliseconds) => {
			waits.push(milliseconds);
		},
	});
	return { client, requests, waits };
}

const job = (status: string, extra: Record<string, unknown> = {}) => ({
	body: { jobId: JOB_ID, type: 'COPY_FOLDER', status, ...extra },
});

describe('waitForBulkJob', () => {
	it('returns at once when the first poll finds the job completed', async () => {
		const { client, requests, waits } = polling([job('Completed')]);
		await expect(client.waitForBulkJob(JOB_ID)).resolves.toMatchObject({ status: 'Completed' });
		expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
			`GET https://api.imagekit.io/v1/bulkJobs/${JOB_ID}`,
		]);
		expect(waits).toEqual([]);
	});

	it('waits 1 s, doubling up to 10 s, between polls until the job completes', async () => {
		const pending = Array.from({ length: 6 }, () => job('Pending'));
		const { client, requests, waits } = polling([...pending, job('Completed')]);
		await expect(client.waitForBulkJob(JOB_ID)).resolves.toMatchObject({ status: 'Completed' });
		expect(waits).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
		expect(requests).toHaveLength(7);
	});

	it('returns a 207 partial success (renamed, purge failed) instead of failing', async () => {
		const partial = {
			status: 207,
			body: {
				jobId: JOB_ID,
				type: 'RENAME_FOLDER',
				status: 'Partial success',
				message: 'Folder renamed successfully but purging cache on nested files failed.',
			},
		};
		const { client } = polling([job('Pending'), partial]);
		await expect(client.waitForBulkJob(JOB_ID)).resolves.toMatchObject({
			status: 'Partial success',
			message: 'Folder renamed successfully but purging cache on nested files failed.',
		});
	});

	it('gives up after the timeout, its last wait cut to fit, naming the job to check later', async () => {
		const { client, requests, waits } = polling(Array.from({ length: 10 }, () => job('Pending')));
		const failure = client.waitForBulkJob(JOB_ID, { timeoutMs: 5000 });
		await expect(failure).rejects.toThrow(ImageKitJobTimeoutError);
		await expect(failure).rejects.toMatchObject({ jobId: JOB_ID });
		await expect(failure).rejects.toThrow(`The bulk job ${JOB_ID} was still pending after 5 s`);
		// 1 + 2 + 2 (cut from 4) = 5 s, with a final poll after the last wait.
		expect(waits).toEqual([1000, 2000, 2000]);
		expect(requests).toHaveLength(4);
	});

	it('with a zero timeout polls once and does not wait', async () => {
		const { client, waits } = polling([job('Pending')]);
		await expect(client.waitForBulkJob(JOB_ID, { timeoutMs: 0 })).rejects.toThrow(
			ImageKitJobTimeoutError,
		);
		expect(waits).toEqual([]);
	});

	it('takes other intervals', async () => {
		const { client, waits } = polling([
			job('Pending'),
			job('Pending'),
			job('Pending'),
			job('Completed'),
		]);
		await client.waitForBulkJob(JOB_ID, { initialIntervalMs: 200, maxIntervalMs: 300 });
		expect(waits).toEqual([200, 300, 300]);
	});

	it('passes on an unknown job as ImageKit answered it', async () => {
		const { client } = polling([
			{ status: 404, body: { message: 'The requested job does not exist.' } },
		]);
		await expect(client.waitForBulkJob('missing')).rejects.toThrow(ImageKitApiError);
	});

	it.each([
		[{ timeoutMs: -1 }, 'timeoutMs'],
		[{ initialIntervalMs: Number.NaN }, 'initialIntervalMs'],
		[{ maxIntervalMs: Infinity }, 'maxIntervalMs'],
	])('rejects %p before polling', async (options, field) => {
		const { client, requests } = polling([]);
		await expect(client.waitForBulkJob(JOB_ID, options)).rejects.toMatchObject({ field });
		await expect(client.waitForBulkJob(JOB_ID, options)).rejects.toThrow(ImageKitInputError);
		expect(requests).toEqual([]);
	});

	it('rejects an empty job ID', async () => {
		const { client } = polling([]);
		await expect(client.waitForBulkJob(' ')).rejects.toMatchObject({ field: 'jobId' });
	});
});

describe('folder and custom metadata field requests', () => {
	it('sends the bodies of API.md §3.13 and returns the created folder path', async () => {
		const { client, requests } = polling([
			{ status: 201, body: {} },
			{ status: 204 },
			{ body: { jobId: 'a' } },
			{ body: { jobId: 'b' } },
			{ status: 202, body: { jobId: 'c' } },
		]);
		await expect(client.createFolder('summer sale!', '/products/')).resolves.toEqual({
			folderPath: '/products/summer_sale_',
		});
		await client.deleteFolder('/old/');
		await expect(client.copyFolder('/a/', '/b/', true)).resolves.toEqual({ jobId: 'a' });
		await expect(client.moveFolder('/a/', '/c/')).resolves.toEqual({ jobId: 'b' });
		await expect(client.renameFolder('/a/', 'z', true)).resolves.toEqual({ jobId: 'c' });
		expect(
			requests.map(({ method, url, body }) => [
				method,
				url.replace('https://api.imagekit.io', ''),
				body,
			]),
		).toEqual([
			['POST', '/v1/folder', { folderName: 'summer sale!', parentFolderPath: '/products/' }],
			['DELETE', '/v1/folder', { folderPath: '/old/' }],
			[
				'POST',
				'/v1/bulkJobs/copyFolder',
				{ sourceFolderPath: '/a/', destinationPath: '/b/', includeVersions: true },
			],
			['POST', '/v1/bulkJobs/moveFolder', { sourceFolderPath: '/a/', destinationPath: '/c/' }],
			[
				'POST',
				'/v1/bulkJobs/renameFolder',
				{ folderPath: '/a/', newFolderName: 'z', purgeCache: true },
			],
		]);
	});

	it('does not repeat a bulk job start that may have reached ImageKit', async () => {
		const { client, requests } = polling([{ status: 503, body: { message: 'down' } }]);
		await expect(client.copyFolder('/a/', '/b/')).rejects.toThrow(ImageKitApiError);
		expect(requests).toHaveLength(1);
	});

	it('needs a type to create a field and a change to update one', async () => {
		const { client, requests } = polling([]);
		await expect(
			client.createCustomMetadataField({ name: 'brand', label: 'Brand', schema: {} as never }),
		).rejects.toMatchObject({ field: 'schema.type' });
		await expect(
			client.updateCustomMetadataField('598821f949c0a938d57563dd', {}),
		).rejects.toMatchObject({
			field: 'changes',
		});
		expect(requests).toEqual([]);
	});
});
