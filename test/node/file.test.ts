import type { IDataObject } from 'n8n-workflow';

import { BINARY_SOURCE_TYPE, binarySourceSha256 } from '../engine/harness';
import { NODE_TYPE, PRIVATE_KEY, serialisedRun, useNodeFixture } from './fixture';

const fixture = useNodeFixture('filesystem');

const binaryUpload = (parameters: IDataObject = {}) => [
	{
		name: 'Source',
		type: BINARY_SOURCE_TYPE,
		parameters: {
			itemCount: 2,
			sizeBytes: 4096,
			seed: 'photos',
			fileName: 'photo.png',
			mimeType: 'image/png',
		},
	},
	{
		name: 'Upload',
		type: NODE_TYPE,
		parameters: { resource: 'file', operation: 'upload', ...parameters },
	},
];

describe('File → Upload', () => {
	it('uploads each binary item with its own bytes and name, and pairs the results', async () => {
		const result = await fixture.runWorkflow(
			binaryUpload({
				options: {
					folder: { __rl: true, mode: 'path', value: 'products' },
					tags: 'summer, sale',
					useUniqueFileName: false,
				},
			}),
		);
		expect(result.error).toBeUndefined();
		const items = result.output('Upload');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toMatchObject({ name: 'photo.png', filePath: '/products/photo.png' });

		const uploads = fixture.emulator.requests.filter(
			(request) => request.path === '/api/v1/files/upload',
		);
		expect(uploads.map((request) => request.host)).toEqual([
			'upload.imagekit.io',
			'upload.imagekit.io',
		]);
		expect(uploads.map((request) => request.form?.file?.sha256)).toEqual([
			binarySourceSha256('photos', 4096, 0),
			binarySourceSha256('photos', 4096, 1),
		]);
		expect(uploads[0].form?.fields).toMatchObject({
			fileName: 'photo.png',
			folder: '/products/',
			tags: 'summer,sale',
			useUniqueFileName: 'false',
		});
		expect(uploads[0].headers.authorization).toBe(
			`Basic ${Buffer.from(`${PRIVATE_KEY}:`).toString('base64')}`,
		);
	});

	it('sends every upload option in ImageKit form encoding', async () => {
		fixture.emulator.seedCustomMetadataField({ name: 'brand', schema: { type: 'Text' } });
		const result = await fixture.runWorkflow(
			binaryUpload({
				fileName: 'renamed.png',
				options: {
					checks: '"file.size" < "1mb"',
					customCoordinates: '10,10,100,100',
					customMetadata: '{"brand": "Acme"}',
					description: 'A red shoe',
					extensions: '[{"name": "google-auto-tagging", "minConfidence": 80, "maxTags": 10}]',
					isPrivateFile: true,
					isPublished: true,
					overwriteAITags: false,
					overwriteCustomMetadata: false,
					overwriteFile: true,
					overwriteTags: false,
					postTransformations: {
						transformation: [
							{ type: 'thumbnail', value: '' },
							{ type: 'abs', value: 'sr-240_360', protocol: 'dash' },
						],
					},
					preTransformation: 'w-2000',
					responseFields: ['tags', 'customMetadata'],
					webhookUrl: 'https://example.com/hook',
				},
			}),
		);
		expect(result.error).toBeUndefined();
		const fields = fixture.emulator.requests.find((request) => request.form)!.form!.fields;
		expect(fields).toEqual({
			fileName: 'renamed.png',
			checks: '"file.size" < "1mb"',
			customCoordinates: '10,10,100,100',
			customMetadata: '{"brand":"Acme"}',
			description: 'A red shoe',
			extensions: '[{"name":"google-auto-tagging","minConfidence":80,"maxTags":10}]',
			isPrivateFile: 'true',
			isPublished: 'true',
			overwriteAITags: 'false',
			overwriteCustomMetadata: 'false',
			overwriteFile: 'true',
			overwriteTags: 'false',
			transformation:
				'{"pre":"w-2000","post":[{"type":"thumbnail"},{"type":"abs","value":"sr-240_360","protocol":"dash"}]}',
			responseFields: 'tags,customMetadata',
			webhookUrl: 'https://example.com/hook',
		});
	});

	it.each([
		[
			'"file.size" < "1kb" AND "file.mime" : "image/"',
			400,
			"Your request failed 'checks' validation.",
		],
		['file.size < "1mb"', 400, 'Your request contains invalid syntax for the checks parameter.'],
		['"request.folder" : "/products/" AND "file.size" >= "1kb"', 200, undefined],
	])('answers the checks %s with ImageKit’s %i', async (checks, status, message) => {
		const result = await fixture.run({
			resource: 'file',
			operation: 'upload',
			inputSource: 'base64',
			base64Content: Buffer.alloc(4096, 1).toString('base64'),
			fileName: 'data.png',
			options: { folder: '/products/', checks },
		});
		expect(fixture.emulator.requests.map((request) => request.status)).toEqual([status]);
		if (message) {
			expect(result.error).toMatchObject({
				name: 'NodeApiError',
				httpCode: '400',
				message: expect.toBeProblemWithFix(message),
			});
			expect(fixture.emulator.files).toEqual([]);
		} else {
			expect(result.error).toBeUndefined();
			expect(fixture.emulator.files).toHaveLength(1);
		}
	});

	it('says a video with a pre-transformation is processing, not stored (ImageKit answers 202)', async () => {
		const result = await fixture.run({
			resource: 'file',
			operation: 'upload',
			inputSource: 'url',
			fileUrl: 'https://example.com/clip.mp4',
			fileName: 'clip.mp4',
			options: { folder: '/videos/', preTransformation: 'w-640' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{
				json: {
					status: 'processing',
					message: 'The pre-transformation has been queued successfully.',
					fileName: 'clip.mp4',
					folder: '/videos/',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(fixture.emulator.requests.map((request) => request.status)).toEqual([202]);
		expect(fixture.emulator.files).toEqual([]);
	});

	it('uploads from a URL and from base64', async () => {
		const fromUrl = await fixture.run({
			resource: 'file',
			operation: 'upload',
			inputSource: 'url',
			fileUrl: 'https://example.com/shoe.jpg',
			fileName: 'shoe.jpg',
		});
		expect(fromUrl.error).toBeUndefined();
		const fromBase64 = await fixture.run({
			resource: 'file',
			operation: 'upload',
			inputSource: 'base64',
			base64Content: Buffer.from('plain text file').toString('base64'),
			fileName: 'note.txt',
		});
		expect(fromBase64.error).toBeUndefined();
		const forms = fixture.emulator.requests
			.filter((request) => request.form)
			.map((request) => request.form!.fields);
		expect(forms[0]).toMatchObject({ file: 'https://example.com/shoe.jpg', fileName: 'shoe.jpg' });
		expect(forms[1]).toMatchObject({ fileName: 'note.txt' });
		expect(fixture.emulator.files.map((file) => file.name)).toEqual([
			expect.stringMatching(/^shoe_\w+\.jpg$/),
			expect.stringMatching(/^note_\w+\.txt$/),
		]);
	});

	it.each([
		[{ inputSource: 'binary', binaryPropertyName: 'image' }, /image/],
		[
			{ inputSource: 'url', fileUrl: 'ftp://example.com/a.jpg', fileName: 'a.jpg' },
			/'File URL' must start with http/,
		],
		[{ inputSource: 'url', fileUrl: 'https://example.com/a.jpg' }, /'File Name' is empty/],
		[
			{ inputSource: 'base64', base64Content: '  ', fileName: 'a.txt' },
			/'Base64 Content' is empty/,
		],
		[
			{
				inputSource: 'url',
				fileUrl: 'https://example.com/a.jpg',
				fileName: 'a.jpg',
				options: { customMetadata: '{brand: Acme}' },
			},
			/'Custom Metadata \(JSON\)' is not valid JSON/,
		],
		[
			{
				inputSource: 'url',
				fileUrl: 'https://example.com/a.jpg',
				fileName: 'a.jpg',
				options: { extensions: '{"name": "remove-bg"}' },
			},
			/'Extensions \(JSON\)' must be a JSON array/,
		],
	])(
		'rejects bad input %p naming the field, before sending anything',
		async (parameters, message) => {
			const result = await fixture.run({ resource: 'file', operation: 'upload', ...parameters });
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toMatch(message);
			expect(fixture.emulator.requests).toEqual([]);
		},
	);

	it('does not retry an upload whose connection was reset after the body was sent', async () => {
		fixture.emulator.injectFault({
			kind: 'connectionReset',
			match: { path: '/api/v1/files/upload' },
		});
		const result = await fixture.run({
			resource: 'file',
			operation: 'upload',
			inputSource: 'url',
			fileUrl: 'https://example.com/a.jpg',
			fileName: 'a.jpg',
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(
			/may have carried it out all the same: check the media library/,
		);
		expect(fixture.emulator.requests).toHaveLength(1);
	});
});

describe('File → Get Many', () => {
	it('pages through every file 1000 at a time with Return All', async () => {
		for (let index = 0; index < 2300; index++)
			fixture.emulator.seedFile({ name: `file-${index}.png` });
		const result = await fixture.run({ resource: 'file', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2300);
		expect(new Set(result.items.map((item) => item.json.fileId)).size).toBe(2300);
		expect(
			fixture.emulator.requests.map((request) => [request.query.skip, request.query.limit]),
		).toEqual([
			['0', '1000'],
			['1000', '1000'],
			['2000', '1000'],
		]);
	});

	it('asks for no more than the limit and passes the filters', async () => {
		for (let index = 0; index < 8; index++) {
			fixture.emulator.seedFile({
				name: `shoe-${index}.png`,
				folder: '/shoes/',
				tags: index % 2 ? ['sale'] : [],
			});
		}
		const result = await fixture.run({
			resource: 'file',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			filters: {
				path: '/shoes/',
				tags: 'sale',
				fileType: 'image',
				sort: 'DESC_NAME',
				type: 'file',
			},
		});
		expect(result.items.map((item) => item.json.name)).toEqual([
			'shoe-7.png',
			'shoe-5.png',
			'shoe-3.png',
		]);
		expect(fixture.emulator.requests).toHaveLength(1);
		// Tags travel in searchQuery: the spec's GET /v1/files declares no tags parameter.
		expect(fixture.emulator.requests[0].query).toEqual({
			path: '/shoes/',
			searchQuery: 'tags IN ["sale"]',
			fileType: 'image',
			sort: 'DESC_NAME',
			type: 'file',
			skip: '0',
			limit: '3',
		});
	});

	it('ANDs Tags, Name and Type with the search query, matching AI tags too', async () => {
		const car = { name: 'car', confidence: 90, source: 'google-auto-tagging' };
		fixture.emulator.seedFile({ name: 'red.png', tags: ['car'], folder: '/cars/' });
		fixture.emulator.seedFile({ name: 'red.png', AITags: [car], folder: '/photos/' });
		fixture.emulator.seedFile({ name: 'blue.png', tags: ['car'] });
		fixture.emulator.seedFile({ name: 'red.png', tags: ['boat'], folder: '/boats/' });
		const run = async (filters: Record<string, string>) =>
			await fixture.run({ resource: 'file', operation: 'getAll', returnAll: true, filters });

		const byTagAndName = await run({ tags: 'car', name: 'red.png' });
		expect(byTagAndName.items.map((item) => item.json.filePath)).toEqual([
			'/cars/red.png',
			'/photos/red.png',
		]);
		const withOwnQuery = await run({
			tags: 'car, "quoted"',
			name: 'red.png',
			searchQuery: 'path : "/cars/" OR path : "/boats/"',
		});
		expect(withOwnQuery.items.map((item) => item.json.filePath)).toEqual(['/cars/red.png']);
		const folders = await run({ name: 'cars', type: 'folder' });
		expect(folders.items.map((item) => item.json.folderPath)).toEqual(['/cars']);

		const queries = fixture.emulator.requests.map((request) => request.query);
		expect(queries.map((query) => query.searchQuery)).toEqual([
			'tags IN ["car"] AND name = "red.png"',
			'(path : "/cars/" OR path : "/boats/") AND tags IN ["car", "\\"quoted\\""] AND name = "red.png"',
			'name = "cars" AND type = "folder"',
		]);
		for (const query of queries) expect(Object.keys(query)).not.toContain('tags');
	});

	it('searches with a search query', async () => {
		fixture.emulator.seedFile({ name: 'old.png', createdAt: new Date(Date.now() - 30 * 86400000) });
		fixture.emulator.seedFile({ name: 'new.png' });
		const result = await fixture.run({
			resource: 'file',
			operation: 'getAll',
			returnAll: true,
			filters: { searchQuery: 'createdAt > "7d"' },
		});
		expect(result.items.map((item) => item.json.name)).toEqual(['new.png']);
	});
});

describe('File → Get, Get Metadata, Update, Delete', () => {
	it('follows one file through its life', async () => {
		const seeded = fixture.emulator.seedFile({
			name: 'shoe.png',
			tags: ['old'],
			AITags: [{ name: 'Shoe', confidence: 90, source: 'google-auto-tagging' }],
		});
		const fileId = seeded.fileId;

		const details = await fixture.run({ resource: 'file', operation: 'get', fileId });
		expect(details.items[0].json).toMatchObject({ fileId, name: 'shoe.png', tags: ['old'] });

		const metadata = await fixture.run({ resource: 'file', operation: 'getMetadata', fileId });
		expect(metadata.items[0].json.pHash).toMatch(/^[0-9a-f]{16}$/);

		const updated = await fixture.run({
			resource: 'file',
			operation: 'update',
			fileId,
			updateFields: {
				tags: 'summer, sale',
				description: 'Red shoe',
				removeAITags: 'all',
				customCoordinates: '1,2,3,4',
				webhookUrl: 'https://example.com/hook',
			},
		});
		expect(updated.error).toBeUndefined();
		expect(updated.items[0].json).toMatchObject({
			tags: ['summer', 'sale'],
			description: 'Red shoe',
			AITags: null,
			customCoordinates: '1,2,3,4',
		});
		const patch = fixture.emulator.requests.find((request) => request.method === 'PATCH')!;
		expect(patch.json).toEqual({
			tags: ['summer', 'sale'],
			customCoordinates: '1,2,3,4',
			removeAITags: 'all',
			description: 'Red shoe',
			webhookUrl: 'https://example.com/hook',
		});

		const cleared = await fixture.run({
			resource: 'file',
			operation: 'update',
			fileId,
			updateFields: { tags: '' },
		});
		expect(cleared.items[0].json.tags).toBeNull();

		const deleted = await fixture.run({ resource: 'file', operation: 'delete', fileId });
		expect(deleted.items).toEqual([{ json: { fileId, deleted: true }, pairedItem: { item: 0 } }]);
		expect(fixture.emulator.files).toEqual([]);

		const missing = await fixture.run({ resource: 'file', operation: 'get', fileId });
		expect(missing.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '404',
			message: expect.toBeProblemWithFix('The requested file does not exist.'),
		});
		expect(serialisedRun(missing)).not.toContain(PRIVATE_KEY);
	});

	it('removes chosen AI tags and sets custom metadata', async () => {
		fixture.emulator.seedCustomMetadataField({ name: 'brand', schema: { type: 'Text' } });
		const { fileId } = fixture.emulator.seedFile({
			name: 'a.png',
			AITags: [
				{ name: 'Shoe', confidence: 90, source: 'google-auto-tagging' },
				{ name: 'Red', confidence: 80, source: 'google-auto-tagging' },
			],
		});
		const result = await fixture.run({
			resource: 'file',
			operation: 'update',
			fileId,
			updateFields: { removeAITags: 'Shoe', customMetadata: '{"brand": "Acme"}' },
		});
		expect(fixture.emulator.requests[0].json).toEqual({
			removeAITags: ['Shoe'],
			customMetadata: { brand: 'Acme' },
		});
		expect((result.items[0].json.AITags as IDataObject[]).map((tag) => tag.name)).toEqual(['Red']);
	});

	it.each([
		['get', { fileId: '  ' }, /'File' is empty/],
		['update', { fileId: 'abc', updateFields: {} }, /Nothing to update/],
		[
			'update',
			{ fileId: 'abc', updateFields: { customMetadata: '[1]' } },
			/'Custom Metadata \(JSON\)' must be a JSON object/,
		],
	])('%s rejects bad input %p', async (operation, parameters, message) => {
		const result = await fixture.run({ resource: 'file', operation, ...parameters });
		expect(result.error).toMatchObject({ name: 'NodeOperationError' });
		expect(result.error?.message).toMatch(message);
		expect(fixture.emulator.requests).toEqual([]);
	});
});

describe('File → Delete Many', () => {
	const bulkRequests = () =>
		fixture.emulator.requests.filter(
			(request) => request.path === '/v1/files/batch/deleteByFileIds',
		);
	const sentSizes = () =>
		bulkRequests().map((request) => (request.json as { fileIds: string[] }).fileIds.length);
	const seed = (count: number) =>
		Array.from(
			{ length: count },
			(_, index) => fixture.emulator.seedFile({ name: `f${index}.png` }).fileId,
		);

	it('deletes every existing file although ImageKit refuses whole chunks holding a missing ID', async () => {
		const ids = seed(230);
		const missing = ['aaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbb'];
		const result = await fixture.run({
			resource: 'file',
			operation: 'deleteMany',
			fileIds: [...ids.slice(0, 150), missing[0], ...ids.slice(150), missing[1]].join(',\n'),
		});
		expect(result.error).toBeUndefined();
		// The chunks with a missing ID are answered 404 naming it, then sent again without it.
		expect(sentSizes()).toEqual([100, 100, 99, 32, 31]);
		expect(bulkRequests().map((request) => request.status)).toEqual([200, 404, 200, 404, 200]);
		expect(result.items).toHaveLength(232);
		expect(result.items.filter((item) => item.json.deleted)).toHaveLength(230);
		expect(result.items.filter((item) => !item.json.deleted).map((item) => item.json)).toEqual(
			missing.map((fileId) => ({
				fileId,
				deleted: false,
				reason: 'notFound',
				error: 'Not found: no file in the media library has this ID',
			})),
		);
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
		expect(fixture.emulator.files).toEqual([]);
	});

	it('reports ids as not found when none of a chunk exists, without failing', async () => {
		const result = await fixture.run({
			resource: 'file',
			operation: 'deleteMany',
			fileIds: 'cccccccccccccccccccccccc, dddddddddddddddddddddddd',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual(
			['cccccccccccccccccccccccc', 'dddddddddddddddddddddddd'].map((fileId) => ({
				fileId,
				deleted: false,
				reason: 'notFound',
				error: 'Not found: no file in the media library has this ID',
			})),
		);
	});

	describe.each([false, true])(
		'a later chunk failing for good (continueOnFail %s)',
		(continueOnFail) => {
			const run = async (ids: string[]) =>
				await fixture.run(
					{ resource: 'file', operation: 'deleteMany', fileIds: ids.join(',') },
					{ continueOnFail },
				);

			it('never hides the deletions of the other chunks: a 400 fails only its own IDs', async () => {
				const ids = seed(250);
				fixture.emulator.injectFault({
					kind: 'badRequest',
					message: 'Your request contains invalid fileIds parameter.',
					after: 1,
					match: { path: '/v1/files/batch/deleteByFileIds' },
				});
				const result = await run(ids);
				expect(result.error).toBeUndefined();
				expect(sentSizes()).toEqual([100, 100, 50]);
				const outcomes = result.items.map((item) => item.json);
				expect(outcomes.slice(0, 100).every((json) => json.deleted === true)).toBe(true);
				expect(outcomes.slice(100, 200)).toEqual(
					ids.slice(100, 200).map((fileId) => ({
						fileId,
						deleted: false,
						reason: 'failed',
						error: 'Your request contains invalid fileIds parameter.',
					})),
				);
				expect(outcomes.slice(200).every((json) => json.deleted === true)).toBe(true);
				expect(fixture.emulator.files.map((file) => file.fileId)).toEqual(ids.slice(100, 200));
			});

			it('fails only the IDs of a chunk that still gets a 5xx after the retries', async () => {
				const ids = seed(150);
				fixture.emulator.injectFault({
					kind: 'serverError',
					status: 503,
					times: 4,
					after: 1,
					match: { path: '/v1/files/batch/deleteByFileIds' },
				});
				const result = await run(ids);
				expect(result.error).toBeUndefined();
				expect(bulkRequests().map((request) => request.status)).toEqual([200, 503, 503, 503, 503]);
				expect(result.items.filter((item) => item.json.deleted)).toHaveLength(100);
				expect(result.items[100].json).toEqual({
					fileId: ids[100],
					deleted: false,
					reason: 'failed',
					error: 'Service Unavailable',
				});
			});

			it('does not send further chunks after a failure that would repeat (rate limit)', async () => {
				const ids = seed(250);
				fixture.emulator.injectFault({
					kind: 'rateLimit',
					resetMs: 600000,
					times: Infinity,
					after: 1,
					match: { path: '/v1/files/batch/deleteByFileIds' },
				});
				const result = await run(ids);
				expect(result.error).toBeUndefined();
				expect(sentSizes()).toEqual([100, 100]);
				expect(result.items.map((item) => item.json.reason)).toEqual([
					...Array(100).fill(undefined),
					...Array(100).fill('failed'),
					...Array(50).fill('notAttempted'),
				]);
				expect(result.items[249].json.error).toMatch(
					/^Not attempted: an earlier request failed with "You have sent too many requests/,
				);
				expect(fixture.emulator.files).toHaveLength(150);
			});

			it('fails as a whole when a request failed and nothing was deleted', async () => {
				const ids = seed(3);
				fixture.emulator.injectFault({
					kind: 'badRequest',
					message: 'Your request contains invalid fileIds parameter.',
					match: { path: '/v1/files/batch/deleteByFileIds' },
				});
				const result = await run(ids);
				if (continueOnFail) {
					expect(result.error).toBeUndefined();
					expect(result.items.map((item) => item.json)).toEqual([
						{
							error: expect.toBeProblemWithFix('Your request contains invalid fileIds parameter.'),
						},
					]);
				} else {
					expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '400' });
					expect(result.error?.message).toBeProblemWithFix(
						'Your request contains invalid fileIds parameter.',
					);
				}
				expect(fixture.emulator.files).toHaveLength(3);
			});
		},
	);

	it('rejects an empty list', async () => {
		const result = await fixture.run({ resource: 'file', operation: 'deleteMany', fileIds: ' , ' });
		expect(result.error?.message).toMatch(/'File IDs' is empty/);
	});
});
