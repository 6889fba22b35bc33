import { useNodeFixture } from './fixture';

const fixture = useNodeFixture();

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** A file uploaded three times to the same path: three versions, the last one current. */
async function fileWithThreeVersions(): Promise<string> {
	for (const content of ['one', 'two', 'three']) {
		const result = await fixture.run({
			resource: 'file',
			operation: 'upload',
			inputSource: 'base64',
			base64Content: Buffer.from(content).toString('base64'),
			fileName: 'note.txt',
			options: { useUniqueFileName: false },
		});
		expect(result.error).toBeUndefined();
	}
	return fixture.emulator.files[0].fileId;
}

describe('File Version', () => {
	it('overwriting a file keeps the older versions, listed oldest first', async () => {
		const fileId = await fileWithThreeVersions();
		expect(fixture.emulator.files).toHaveLength(1);
		const result = await fixture.run({
			resource: 'fileVersion',
			operation: 'getAll',
			fileId: byId(fileId),
			returnAll: true,
		});
		expect(result.items.map((item) => [item.json.type, item.json.versionInfo])).toEqual([
			['file-version', { id: expect.any(String), name: 'Version 1' }],
			['file-version', { id: expect.any(String), name: 'Version 2' }],
			['file', { id: expect.any(String), name: 'Version 3' }],
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
		]);
		const limited = await fixture.run({
			resource: 'fileVersion',
			operation: 'getAll',
			fileId: byId(fileId),
			limit: 2,
		});
		expect(limited.items).toHaveLength(2);
	});

	it('gets, restores and deletes an older version', async () => {
		const fileId = await fileWithThreeVersions();
		const [first] = fixture.emulator.files[0].previousVersions!;
		const got = await fixture.run({
			resource: 'fileVersion',
			operation: 'get',
			fileId: byId(fileId),
			versionId: first.version.id,
		});
		expect(got.items[0].json).toMatchObject({
			type: 'file-version',
			size: 3,
			versionInfo: { id: first.version.id },
		});

		const restored = await fixture.run({
			resource: 'fileVersion',
			operation: 'restore',
			fileId: byId(fileId),
			versionId: first.version.id,
		});
		expect(restored.items[0].json).toMatchObject({
			type: 'file',
			size: 3,
			versionInfo: { id: first.version.id },
		});
		expect(fixture.emulator.files[0].previousVersions).toHaveLength(2);

		const [older] = fixture.emulator.files[0].previousVersions!;
		const deleted = await fixture.run({
			resource: 'fileVersion',
			operation: 'delete',
			fileId: byId(fileId),
			versionId: older.version.id,
		});
		expect(deleted.items[0].json).toEqual({ fileId, versionId: older.version.id, deleted: true });
		expect(fixture.emulator.files[0].previousVersions).toHaveLength(1);
	});

	it('shows ImageKit’s message when deleting the current version', async () => {
		const fileId = await fileWithThreeVersions();
		const current = fixture.emulator.files[0].version.id;
		const result = await fixture.run({
			resource: 'fileVersion',
			operation: 'delete',
			fileId: byId(fileId),
			versionId: current,
		});
		expect(result.error?.message).toBeProblemWithFix(
			'You cannot delete current version of a file.',
		);
		expect(fixture.emulator.files[0].previousVersions).toHaveLength(2);
	});

	it('says which field is empty, and reports a missing version', async () => {
		const fileId = await fileWithThreeVersions();
		const empty = await fixture.run({
			resource: 'fileVersion',
			operation: 'get',
			fileId: byId(fileId),
			versionId: ' ',
		});
		expect(empty.error?.message).toBeProblemWithFix("'Version ID' is empty");
		const missing = await fixture.run({
			resource: 'fileVersion',
			operation: 'get',
			fileId: byId(fileId),
			versionId: 'dddddddddddddddddddddddd',
		});
		expect(missing.error?.message).toBeProblemWithFix('The requested file version does not exist.');
	});

	it('copying with includeFileVersions carries the history; without it only the current version', async () => {
		const fileId = await fileWithThreeVersions();
		const copy = (includeFileVersions: boolean, destination: string) =>
			fixture.run({
				resource: 'file',
				operation: 'copy',
				fileId: byId(fileId),
				destinationPath: { __rl: true, mode: 'path', value: destination },
				includeFileVersions,
			});
		await copy(true, '/all/');
		await copy(false, '/current/');
		const at = (path: string) => fixture.emulator.files.find((file) => file.filePath === path)!;
		expect(at('/all/note.txt').previousVersions).toHaveLength(2);
		expect(at('/current/note.txt').previousVersions ?? []).toHaveLength(0);
	});

	it('refuses a 101st version', async () => {
		const fileId = await fileWithThreeVersions();
		for (let index = 3; index < 100; index++) {
			await fixture.run({
				resource: 'file',
				operation: 'upload',
				inputSource: 'base64',
				base64Content: 'AAAA',
				fileName: 'note.txt',
				options: { useUniqueFileName: false },
			});
		}
		expect(
			fixture.emulator.files.find((file) => file.fileId === fileId)!.previousVersions,
		).toHaveLength(99);
		const result = await fixture.run({
			resource: 'file',
			operation: 'upload',
			inputSource: 'base64',
			base64Content: 'AAAA',
			fileName: 'note.txt',
			options: { useUniqueFileName: false },
		});
		expect(result.error?.message).toBeProblemWithFix('A file can have at most 100 versions.');
	}, 60_000);
});
