import axios, { type AxiosInstance } from 'axios';

import { itWithSpec } from '../openapi/spec';
import { ImageKitEmulator } from './index';

const PRIVATE_KEY = 'private_emulator_test_key';

let emulator: ImageKitEmulator;
let api: AxiosInstance;

beforeAll(async () => {
	emulator = new ImageKitEmulator({ privateKey: PRIVATE_KEY });
	await emulator.start();
	api = axios.create({
		baseURL: emulator.baseUrl,
		auth: { username: PRIVATE_KEY, password: '' },
		validateStatus: () => true,
	});
});
afterAll(() => emulator.stop());
beforeEach(() => {
	emulator.reset();
	emulator.bulkJobPendingPolls = 0;
});
afterEach(() => {
	expect(emulator.openApiViolations).toEqual([]);
	expect(emulator.internalErrors).toEqual([]);
});

/** For requests that break the spec on purpose: only the request may be flagged, never the answer. */
function acceptRequestViolations(expected: RegExp): void {
	for (const violation of emulator.openApiViolations)
		expect(violation).not.toMatch(/ response \d{3}: /);
	expect(emulator.openApiViolations.join('\n')).toMatch(expected);
	emulator.openApiViolations.length = 0;
}

const versionsAt = (filePath: string) => {
	const file = emulator.files.find((candidate) => candidate.filePath === filePath);
	return file && [...(file.previousVersions ?? []), file].map((version) => version.version.number);
};

describe('folders and bulk jobs', () => {
	it('copies every version only with includeVersions, each copy with a new id', async () => {
		const original = emulator.seedFile({ name: 'a.png', folder: '/src/' });
		await api.post('/api/v1/files/upload', uploadOf('a.png', '/src/'));
		expect(versionsAt('/src/a.png')).toEqual([1, 2]);

		expect(
			(
				await api.post('/v1/bulkJobs/copyFolder', {
					sourceFolderPath: '/src/',
					destinationPath: '/one/',
				})
			).status,
		).toBe(200);
		expect(versionsAt('/one/src/a.png')).toEqual([1]);
		await api.post('/v1/bulkJobs/copyFolder', {
			sourceFolderPath: '/src/',
			destinationPath: '/all/',
			includeVersions: true,
		});
		expect(versionsAt('/all/src/a.png')).toEqual([1, 2]);
		const copy = emulator.files.find((file) => file.filePath === '/all/src/a.png')!;
		expect(copy.fileId).not.toBe(original.fileId);
	});

	it('appends a moved file to a same-name file at the destination, keeping the moved folder’s other files', async () => {
		emulator.seedFile({ name: 'a.png', folder: '/src/' });
		emulator.seedFile({ name: 'b.png', folder: '/src/' });
		const existing = emulator.seedFile({ name: 'a.png', folder: '/dst/src/' });
		await api.post('/v1/bulkJobs/moveFolder', {
			sourceFolderPath: '/src/',
			destinationPath: '/dst/',
		});
		expect(emulator.files.map((file) => file.filePath).sort()).toEqual([
			'/dst/src/a.png',
			'/dst/src/b.png',
		]);
		expect(versionsAt('/dst/src/a.png')).toEqual([1, 2]);
		expect(emulator.files.find((file) => file.filePath === '/dst/src/a.png')!.fileId).toBe(
			existing.fileId,
		);
		expect(emulator.folders).toEqual(['/dst/', '/dst/src/']);
	});

	it('takes effect only when the job completes, and unlocks the folders then', async () => {
		emulator.seedFile({ name: 'a.png', folder: '/src/' });
		emulator.bulkJobPendingPolls = 2;
		const { jobId } = (
			await api.post('/v1/bulkJobs/renameFolder', { folderPath: '/src', newFolderName: 'new name' })
		).data;
		const locked = await api.post('/v1/bulkJobs/moveFolder', {
			sourceFolderPath: '/src/',
			destinationPath: '/x/',
		});
		expect(locked.status).toBe(423);
		const statuses = [];
		for (let poll = 0; poll < 3; poll++)
			statuses.push((await api.get(`/v1/bulkJobs/${jobId}`)).data.status);
		expect(statuses).toEqual(['Pending', 'Pending', 'Completed']);
		expect(emulator.files.map((file) => file.filePath)).toEqual(['/new_name/a.png']);
		const unlocked = await api.post('/v1/bulkJobs/moveFolder', {
			sourceFolderPath: '/new_name/',
			destinationPath: '/x/',
		});
		expect(unlocked.status).toBe(200);
	});

	itWithSpec('answers the documented 400 and 404 bodies', async () => {
		emulator.seedFile({ name: 'a.png', folder: '/src/' });
		const answers = await Promise.all([
			api.post('/v1/bulkJobs/copyFolder', { sourceFolderPath: '/src/' }),
			api.post('/v1/bulkJobs/copyFolder', { sourceFolderPath: '/src/', destinationPath: '/' }),
			api.post('/v1/bulkJobs/copyFolder', {
				sourceFolderPath: '/src/',
				destinationPath: '/src/',
				includeVersions: 'yes',
			}),
			api.delete('/v1/folder', { data: { folderPath: '/missing/' } }),
			api.post('/v1/bulkJobs/renameFolder', { folderPath: '/src/' }),
		]);
		expect(
			answers.map((answer) => [answer.status, answer.data.reason, answer.data.message]),
		).toEqual([
			[400, 'MISSING_PARAMETER', 'Missing parameter destinationPath.'],
			[400, 'SAME_SOURCE_AND_DESTINATION', 'sourceFolderPath and destinationPath is same'],
			[400, 'SAME_SOURCE_AND_DESTINATION', 'sourceFolderPath and destinationPath is same'],
			[404, 'FOLDER_NOT_FOUND', 'No folder found with folderPath `/missing/`.'],
			[400, undefined, 'newFolderName parameter is missing.'],
		]);
		acceptRequestViolations(/must have required property 'destinationPath'/);
	});
});

function uploadOf(fileName: string, folder: string): FormData {
	const form = new FormData();
	form.append('file', 'aGVsbG8=');
	form.append('fileName', fileName);
	form.append('folder', folder);
	form.append('useUniqueFileName', 'false');
	return form;
}

describe('custom metadata fields', () => {
	it.each([
		[
			{ type: 'Text', minValue: 1 },
			'Invalid schema object. minValue does not apply to Text fields.',
		],
		[{ type: 'Number', minValue: 'low' }, 'Invalid schema object. minValue should be a number.'],
		[
			{ type: 'Date', minValue: '2025-02-01', maxValue: '2025-01-01' },
			'Invalid schema object. minValue should not be greater than maxValue.',
		],
		[
			{ type: 'MultiSelect', selectOptions: [] },
			'Invalid schema object. selectOptions is required for MultiSelect fields.',
		],
		[
			{ type: 'Number', isValueRequired: true },
			'Invalid schema object. defaultValue is required when isValueRequired is true.',
		],
		[
			{ type: 'Number', maxValue: 10, defaultValue: 11 },
			'Invalid schema object. defaultValue should be at most 10.',
		],
		[
			{ type: 'SingleSelect', selectOptions: ['a'], defaultValue: 'b' },
			'Invalid schema object. defaultValue should be one of the select options.',
		],
	])('refuses the schema %p', async (schema, message) => {
		const answer = await api.post('/v1/customMetadataFields', { name: 'f', label: 'F', schema });
		expect([answer.status, answer.data.message]).toEqual([400, message]);
	});

	itWithSpec('refuses an unknown field type, which the spec rejects too', async () => {
		const schema = { type: 'Colour' };
		const answer = await api.post('/v1/customMetadataFields', { name: 'f', label: 'F', schema });
		expect([answer.status, answer.data.message]).toEqual([
			400,
			'Invalid schema object. type should be one of Text, Textarea, Number, Date, Boolean, SingleSelect, MultiSelect.',
		]);
		acceptRequestViolations(/must be equal to one of the allowed values/);
	});

	it('checks file values against the fields, and lets an update remove one with null', async () => {
		emulator.seedCustomMetadataField({
			name: 'size',
			schema: { type: 'MultiSelect', selectOptions: ['S', 'M', 40] },
		});
		emulator.seedCustomMetadataField({
			name: 'when',
			schema: { type: 'Date', minValue: '2025-01-01' },
		});
		const file = emulator.seedFile({ name: 'a.png', customMetadata: { size: ['S'] } });
		const bad = await api.patch(`/v1/files/${file.fileId}/details`, {
			customMetadata: { size: ['XL'], when: '2024-06-01', other: 1 },
		});
		expect([bad.status, bad.data]).toEqual([
			400,
			expect.objectContaining({
				message: 'Invalid custom metadata.',
				errors: {
					size: 'should be an array of select options',
					when: 'should be on or after 2025-01-01',
					other: 'is not a custom metadata field of this account',
				},
			}),
		]);
		const good = await api.patch(`/v1/files/${file.fileId}/details`, {
			customMetadata: { size: null, when: '2025-03-01' },
		});
		expect(good.data.customMetadata).toEqual({ when: '2025-03-01' });
		const nullOnUpload = await api.post(
			'/api/v1/files/upload',
			withMetadata(uploadOf('b.png', '/'), { size: null }),
		);
		expect(nullOnUpload.data.errors).toEqual({ size: 'should be an array of select options' });
	});

	it('keeps deleted fields for includeDeleted and their names taken', async () => {
		const field = emulator.seedCustomMetadataField({ name: 'brand', schema: { type: 'Text' } });
		expect((await api.delete(`/v1/customMetadataFields/${field.id}`)).status).toBe(204);
		expect((await api.get('/v1/customMetadataFields')).data).toEqual([]);
		expect((await api.get('/v1/customMetadataFields?includeDeleted=true')).data).toEqual([field]);
		const again = await api.post('/v1/customMetadataFields', {
			name: 'brand',
			label: 'Other',
			schema: { type: 'Text' },
		});
		expect(again.data.message).toBe('A custom metadata field with this name already exists.');
		expect((await api.delete(`/v1/customMetadataFields/${field.id}`)).status).toBe(404);
	});
});

function withMetadata(form: FormData, customMetadata: Record<string, unknown>): FormData {
	form.append('customMetadata', JSON.stringify(customMetadata));
	return form;
}
