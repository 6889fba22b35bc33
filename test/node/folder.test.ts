import type { INodeParameters } from 'n8n-workflow';

import { useNodeFixture } from './fixture';

const fixture = useNodeFixture();
beforeEach(() => {
	// Jobs take effect at once unless a test makes them run for a few polls.
	fixture.emulator.bulkJobPendingPolls = 0;
});

const folder = (operation: string, parameters: INodeParameters = {}) =>
	fixture.run({ resource: 'folder', operation, ...parameters });

const filePaths = () => fixture.emulator.files.map((file) => file.filePath).sort();

function seedCatalogue(): void {
	fixture.emulator.seedFile({ name: 'a.png', folder: '/products/shoes/' });
	fixture.emulator.seedFile({ name: 'b.png', folder: '/products/shoes/red/' });
	fixture.emulator.seedFile({ name: 'c.png', folder: '/products/' });
}

const calls = () =>
	fixture.emulator.requests.map((request) => `${request.method} ${request.path} ${request.status}`);

describe('Folder → Create', () => {
	it('creates the folder and its missing parents, and outputs the path ImageKit gives it', async () => {
		const result = await fixture.run(
			{
				resource: 'folder',
				operation: 'create',
				folderName: 'summer sale',
				parentFolderPath: '/products/images/',
			},
			{ inputItems: [{ json: {} }, { json: {} }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ folderPath: '/products/images/summer_sale' }, { item: 0 }],
			[{ folderPath: '/products/images/summer_sale' }, { item: 1 }],
		]);
		expect(fixture.emulator.folders).toEqual([
			'/products/',
			'/products/images/',
			'/products/images/summer_sale/',
		]);
		expect(fixture.emulator.requests[0].json).toEqual({
			folderName: 'summer sale',
			parentFolderPath: '/products/images/',
		});
	});

	it('passes on ImageKit’s refusal of "." and ".."', async () => {
		const result = await folder('create', { folderName: '..', parentFolderPath: '/' });
		expect(result.error?.message).toBeProblemWithFix("'.' & '..' can not be used as folder-name");
	});
});

describe('Folder → Delete', () => {
	it('deletes the folder with its files and subfolders, and nothing else', async () => {
		seedCatalogue();
		const result = await folder('delete', { folderPath: '/products/shoes/' });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ folderPath: '/products/shoes/', deleted: true });
		expect(filePaths()).toEqual(['/products/c.png']);
		expect(fixture.emulator.folders).toEqual(['/products/']);
		expect(fixture.emulator.requests[0]).toMatchObject({
			method: 'DELETE',
			path: '/v1/folder',
			json: { folderPath: '/products/shoes/' },
		});
	});

	it('reports a missing folder with ImageKit’s message, or per item with Continue On Fail', async () => {
		const failed = await folder('delete', { folderPath: '/nowhere/' });
		expect(failed.error?.message).toBeProblemWithFix(
			'No folder found with folderPath `/nowhere/`.',
		);
		const continued = await fixture.run(
			{ resource: 'folder', operation: 'delete', folderPath: '/nowhere/' },
			{ continueOnFail: true },
		);
		expect(continued.items.map((item) => item.json)).toEqual([
			{ error: expect.toBeProblemWithFix('No folder found with folderPath `/nowhere/`.') },
		]);
	});

	it('names an empty folder and says what to enter, before sending anything', async () => {
		const result = await folder('delete', { folderPath: { __rl: true, mode: 'list', value: ' ' } });
		expect(result.error?.message).toBe(
			"'Folder' is empty: pick a folder from the list, or enter its path, e.g. /products/shoes/ (/ is the root)",
		);
		expect(fixture.emulator.requests).toEqual([]);
	});
});

describe('Folder pickers', () => {
	it.each([
		['picked from the list', { __rl: true, mode: 'list', value: '/products/shoes/' }],
		['typed as a path without slashes', { __rl: true, mode: 'path', value: 'products/shoes' }],
		['saved as plain text before the field became a picker', '/products/shoes'],
	])('reads a folder %s as one path', async (_how, folderPath) => {
		seedCatalogue();
		const result = await folder('delete', { folderPath });
		expect(result.error).toBeUndefined();
		expect(fixture.emulator.requests[0].json).toEqual({ folderPath: '/products/shoes/' });
	});

	it('copies between two picked folders, and creates in a picked parent', async () => {
		seedCatalogue();
		const copied = await folder('copy', {
			sourceFolderPath: { __rl: true, mode: 'list', value: '/products/shoes/' },
			destinationPath: { __rl: true, mode: 'path', value: '/archive' },
		});
		expect(copied.error).toBeUndefined();
		expect(fixture.emulator.requests[0].json).toMatchObject({
			sourceFolderPath: '/products/shoes/',
			destinationPath: '/archive/',
		});
		const created = await folder('create', {
			folderName: 'sale',
			parentFolderPath: { __rl: true, mode: 'list', value: '/' },
		});
		expect(created.items[0].json).toEqual({ folderPath: '/sale' });
	});
});

describe('Folder → Copy, Move, Rename', () => {
	it('copies a folder and waits for the job, polling until it completes', async () => {
		seedCatalogue();
		fixture.emulator.bulkJobPendingPolls = 1;
		const result = await folder('copy', {
			sourceFolderPath: '/products/shoes/',
			destinationPath: '/archive/',
			includeVersions: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			jobId: expect.any(String),
			type: 'COPY_FOLDER',
			status: 'Completed',
		});
		expect(calls()).toEqual([
			'POST /v1/bulkJobs/copyFolder 200',
			`GET /v1/bulkJobs/${result.items[0].json.jobId as string} 200`,
			`GET /v1/bulkJobs/${result.items[0].json.jobId as string} 200`,
		]);
		expect(fixture.emulator.requests[0].json).toEqual({
			sourceFolderPath: '/products/shoes/',
			destinationPath: '/archive/',
			includeVersions: true,
		});
		expect(filePaths()).toEqual([
			'/archive/shoes/a.png',
			'/archive/shoes/red/b.png',
			'/products/c.png',
			'/products/shoes/a.png',
			'/products/shoes/red/b.png',
		]);
	});

	it('outputs the job ID at once without waiting, and Get Job Status follows the job', async () => {
		seedCatalogue();
		fixture.emulator.bulkJobPendingPolls = 1;
		const started = await folder('move', {
			sourceFolderPath: '/products/shoes/',
			destinationPath: '/archive/',
			waitForCompletion: false,
		});
		expect(started.error).toBeUndefined();
		const { jobId } = started.items[0].json as { jobId: string };
		expect(started.items[0].json).toEqual({ jobId: expect.stringMatching(/^[0-9a-f]{24}$/) });
		expect(filePaths()).toContain('/products/shoes/a.png');

		const pending = await folder('getJobStatus', { jobId });
		expect(pending.items[0].json).toEqual({ jobId, type: 'MOVE_FOLDER', status: 'Pending' });
		const completed = await folder('getJobStatus', { jobId });
		expect(completed.items[0].json).toEqual({ jobId, type: 'MOVE_FOLDER', status: 'Completed' });
		expect(filePaths()).toEqual([
			'/archive/shoes/a.png',
			'/archive/shoes/red/b.png',
			'/products/c.png',
		]);
		expect(fixture.emulator.folders).toEqual([
			'/archive/',
			'/archive/shoes/',
			'/archive/shoes/red/',
			'/products/',
		]);
	});

	it('renames a folder, purging the old URLs when asked', async () => {
		seedCatalogue();
		const result = await folder('rename', {
			folderPath: '/products/shoes/',
			newFolderName: 'shoes 2025',
			purgeCache: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			jobId: expect.any(String),
			type: 'RENAME_FOLDER',
			status: 'Completed',
			purgeRequestId: expect.any(String),
		});
		expect(fixture.emulator.requests[0].json).toEqual({
			folderPath: '/products/shoes/',
			newFolderName: 'shoes 2025',
			purgeCache: true,
		});
		expect(filePaths()).toEqual([
			'/products/c.png',
			'/products/shoes_2025/a.png',
			'/products/shoes_2025/red/b.png',
		]);
	});

	it('outputs a rename whose purge failed as a partial success instead of failing', async () => {
		seedCatalogue();
		fixture.emulator.exhaustPurgeQuota();
		const result = await folder('rename', {
			folderPath: '/products/shoes/',
			newFolderName: 'boots',
			purgeCache: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			type: 'RENAME_FOLDER',
			status: 'Partial success',
			message: 'Folder renamed successfully but purging cache on nested files failed.',
		});
		expect(calls()[1]).toMatch(/^GET \/v1\/bulkJobs\/\w+ 207$/);
		expect(filePaths()).toContain('/products/boots/a.png');
	});

	it('fails after the timeout with the job ID to check later, and the job goes on', async () => {
		seedCatalogue();
		fixture.emulator.bulkJobPendingPolls = 10;
		const result = await fixture.run(
			{
				resource: 'folder',
				operation: 'move',
				sourceFolderPath: '/products/shoes/',
				destinationPath: '/archive/',
				timeout: 1,
			},
			{ continueOnFail: true },
		);
		const jobId = (fixture.emulator.requests[1].path.split('/').pop() ?? '') as string;
		expect(jobId).toMatch(/^[0-9a-f]{24}$/);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				error: `The bulk job ${jobId} was still pending after 1 s: it goes on at ImageKit, so check it later with Folder → Get Job Status and its job ID ${jobId}`,
			},
		]);
		// One poll, one wait of the whole second, one last poll.
		expect(calls()).toEqual([
			'POST /v1/bulkJobs/moveFolder 200',
			`GET /v1/bulkJobs/${jobId} 200`,
			`GET /v1/bulkJobs/${jobId} 200`,
		]);
	});

	it('passes on 423 while a job holds the folder, and 409 for a taken name', async () => {
		seedCatalogue();
		fixture.emulator.bulkJobPendingPolls = 5;
		await folder('move', {
			sourceFolderPath: '/products/shoes/',
			destinationPath: '/archive/',
			waitForCompletion: false,
		});
		const locked = await folder('rename', {
			folderPath: '/products/shoes/red/',
			newFolderName: 'crimson',
		});
		expect(locked.error?.message).toBeProblemWithFix(
			'A bulk job is running on given folder path, please try after sometime.',
		);
		const sourceLocked = await folder('copy', {
			sourceFolderPath: '/products/',
			destinationPath: '/backup/',
		});
		expect(sourceLocked.error?.message).toBeProblemWithFix(
			'A bulk job is running on given folder path, please try after sometime.',
		);
		fixture.emulator.seedFile({ name: 'd.png', folder: '/other/' });
		const destinationLocked = await folder('copy', {
			sourceFolderPath: '/other/',
			destinationPath: '/archive/',
		});
		expect(destinationLocked.error?.message).toBeProblemWithFix(
			'Destination folder path is already locked. Please try after sometime.',
		);
		expect(fixture.emulator.requests.map((request) => request.status)).toEqual([
			200, 423, 423, 423,
		]);

		fixture.emulator.reset();
		fixture.emulator.seedFile({ name: 'x.png', folder: '/a/' });
		fixture.emulator.seedFile({ name: 'y.png', folder: '/b/' });
		const taken = await folder('rename', { folderPath: '/a/', newFolderName: 'b' });
		expect(taken.error?.message).toBeProblemWithFix(
			'Folder with name newFolderName already exists at the same location.',
		);
		expect(fixture.emulator.requests.map((request) => request.status)).toEqual([409]);
	});

	it.each([
		[
			'copy',
			{ sourceFolderPath: '/', destinationPath: '/archive/' },
			'sourceFolderPath cannot be root',
		],
		[
			'move',
			{ sourceFolderPath: '/products/', destinationPath: '/products/shoes/' },
			/parent folder cannot be moved into child folder/,
		],
		[
			'move',
			{ sourceFolderPath: '/missing/', destinationPath: '/archive/' },
			'No files & folder found at sourceFolderPath `/missing/`',
		],
		['rename', { folderPath: '/', newFolderName: 'x' }, 'folderPath cannot be root'],
		['getJobStatus', { jobId: '0123456789abcdef01234567' }, 'The requested job does not exist'],
	])('%s passes on ImageKit’s refusal of %p', async (operation, parameters, message) => {
		seedCatalogue();
		const result = await folder(operation, parameters);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toMatch(/: (check|correct) .+/);
	});

	it.each([
		['copy', { sourceFolderPath: ' ', destinationPath: '/a/' }, "'Source Folder' is empty"],
		['move', { sourceFolderPath: '/a/', destinationPath: ' ' }, "'Destination Folder' is empty"],
		['rename', { folderPath: '/a/', newFolderName: ' ' }, "'New Folder Name' is empty"],
		['getJobStatus', { jobId: '  ' }, "'Job ID' is empty"],
	])(
		'%s names the empty field of %p before sending anything',
		async (operation, parameters, message) => {
			const result = await folder(operation, parameters);
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message.startsWith(message)).toBe(true);
			expect(fixture.emulator.requests).toEqual([]);
		},
	);
});
