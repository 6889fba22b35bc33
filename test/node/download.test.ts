import { expectedSha256, sha256OfStream } from '../engine/harness';
import { useNodeFixture } from './fixture';
import { peakRss } from './memory';

const MiB = 1024 * 1024;
const LARGE_SIZE = 128 * MiB;

const fixture = useNodeFixture('filesystem');

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function binaryText(
	item: { binary?: Record<string, import('n8n-workflow').IBinaryData> },
	field = 'data',
): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of await fixture.engine.binaryStream(item.binary![field]))
		chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

describe('File → Download', () => {
	it('downloads a stored file into the named binary field, with its type and name', async () => {
		const note = fixture.emulator.seedFile({
			name: 'note.txt',
			folder: '/docs/',
			content: 'hello from ImageKit',
		});
		const result = await fixture.run({
			resource: 'file',
			operation: 'download',
			fileId: byId(note.fileId),
			options: { binaryPropertyName: 'file' },
		});
		expect(result.error).toBeUndefined();
		const [item] = result.items;
		expect(item.json).toMatchObject({
			url: note.url,
			fileName: 'note.txt',
			mimeType: 'text/plain',
		});
		expect(item.binary?.file).toMatchObject({ fileName: 'note.txt', mimeType: 'text/plain' });
		expect((await binaryText(item, 'file')).toString()).toBe('hello from ImageKit');
		const delivery = fixture.emulator.requests.find(
			(request) => request.host === 'ik.imagekit.io',
		)!;
		expect(delivery.headers.authorization).toBeUndefined();
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('fetches the file’s own URL, with ?updatedAt=, so an overwrite is not served stale', async () => {
		fixture.emulator.clock = () => new Date('2026-03-01T10:00:00.000Z');
		const first = fixture.emulator.seedFile({ name: 'note.txt', folder: '/docs/', content: 'v1' });
		expect(first.url).toMatch(/\/docs\/note\.txt\?updatedAt=\d+$/);
		// Someone fetched the bare URL before: the CDN keeps that copy.
		const bare = await fixture.run({
			resource: 'file',
			operation: 'download',
			source: 'path',
			path: '/docs/note.txt',
		});
		expect((await binaryText(bare.items[0])).toString()).toBe('v1');

		fixture.emulator.clock = () => new Date('2026-03-01T11:00:00.000Z');
		const overwrite = await fixture.run({
			resource: 'file',
			operation: 'upload',
			inputSource: 'base64',
			base64Content: Buffer.from('v2').toString('base64'),
			fileName: 'note.txt',
			options: { folder: '/docs/', useUniqueFileName: false },
		});
		expect(overwrite.items[0].json).toMatchObject({ fileId: first.fileId });
		const stale = await fixture.run({
			resource: 'file',
			operation: 'download',
			source: 'path',
			path: '/docs/note.txt',
		});
		expect((await binaryText(stale.items[0])).toString()).toBe('v1');

		const result = await fixture.run({
			resource: 'file',
			operation: 'download',
			fileId: byId(first.fileId),
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.url).toBe(
			`${fixture.emulator.urlEndpoint}/docs/note.txt?updatedAt=${Date.parse('2026-03-01T11:00:00.000Z')}`,
		);
		expect((await binaryText(result.items[0])).toString()).toBe('v2');
	});

	it('transforms and signs a private file’s own URL, query parameters after ?updatedAt=', async () => {
		const secret = fixture.emulator.seedFile({
			name: 'secret.png',
			folder: '/private/',
			isPrivateFile: true,
		});
		const updatedAt = new URL(secret.url).searchParams.get('updatedAt');
		const result = await fixture.run({
			resource: 'file',
			operation: 'download',
			fileId: byId(secret.fileId),
			steps: { step: [{ parameters: { width: 300 } }] },
			options: { queryParameters: { parameter: [{ name: 'v', value: '2' }] } },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.url).toMatch(
			new RegExp(
				`/emulator/tr:w-300/private/secret\\.png\\?updatedAt=${updatedAt}&v=2&ik-s=[0-9a-f]{40}$`,
			),
		);
		expect((await binaryText(result.items[0])).subarray(1, 4).toString()).toBe('PNG');
	});

	it('signs the URL of a private file, and the CDN refuses it unsigned', async () => {
		const secret = fixture.emulator.seedFile({
			name: 'secret.txt',
			content: 'private bytes',
			isPrivateFile: true,
		});
		const result = await fixture.run({
			resource: 'file',
			operation: 'download',
			fileId: byId(secret.fileId),
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.url).toMatch(/\/secret\.txt\?updatedAt=\d+&ik-s=[0-9a-f]{40}$/);
		expect((await binaryText(result.items[0])).toString()).toBe('private bytes');

		const unsigned = await fixture.run({
			resource: 'file',
			operation: 'download',
			source: 'path',
			path: '/secret.txt',
		});
		expect(unsigned.error?.message).toBe(
			'Downloading /emulator/secret.txt failed: ImageKit answered HTTP 403: the file is private, the URL endpoint needs signed URLs, or the signature expired: turn on the Signed option',
		);
	});

	it('builds a transformed, expiring URL with the Image URL fields and gets the original bytes', async () => {
		fixture.emulator.seedFile({ name: 'shoe.png', folder: '/products/' });
		const result = await fixture.run({
			resource: 'file',
			operation: 'download',
			source: 'path',
			path: '/products/shoe.png',
			steps: { step: [{ parameters: { width: 300 } }] },
			options: { signed: true, expireSeconds: 600 },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.url).toMatch(
			/\/emulator\/tr:w-300\/products\/shoe\.png\?ik-t=\d+&ik-s=[0-9a-f]{40}$/,
		);
		expect(result.items[0].binary?.data).toMatchObject({
			fileName: 'shoe.png',
			mimeType: 'image/png',
		});
		const png = await binaryText(result.items[0]);
		expect(png.subarray(1, 4).toString()).toBe('PNG');
	});

	it('reports an unpublished file as not found', async () => {
		const hidden = fixture.emulator.seedFile({ name: 'hidden.png', isPublished: false });
		const result = await fixture.run({
			resource: 'file',
			operation: 'download',
			fileId: byId(hidden.fileId),
		});
		expect(result.error?.message).toBe(
			'Downloading /emulator/hidden.png failed: ImageKit answered HTTP 404: check the path, and that the file is published',
		);
	});

	it('streams a large file into n8n’s filesystem store without holding it in memory', async () => {
		const large = fixture.emulator.seedFile({
			name: 'large.mp4',
			generatedContent: { seed: 'large-download', size: LARGE_SIZE },
		});
		global.gc?.();
		const baseline = process.memoryUsage().rss;
		const { result, peak } = await peakRss(
			async () =>
				await fixture.run({ resource: 'file', operation: 'download', fileId: byId(large.fileId) }),
		);
		expect(result.error).toBeUndefined();
		const binary = result.items[0].binary!.data;
		expect(binary).toMatchObject({ fileName: 'large.mp4', mimeType: 'video/mp4' });
		expect(binary.id).toMatch(/^filesystem/);
		expect(await sha256OfStream(await fixture.engine.binaryStream(binary))).toBe(
			expectedSha256('large-download', LARGE_SIZE),
		);
		// Buffering the download would add at least its size; streaming stays far below that.
		expect(peak - baseline).toBeLessThan(LARGE_SIZE / 3);
	}, 120_000);
});
