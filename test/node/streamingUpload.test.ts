import { BINARY_SOURCE_TYPE, binarySourceSha256 } from '../engine/harness';
import { useNodeFixture } from './fixture';
import { peakRss } from './memory';

const MiB = 1024 * 1024;
const FILE_SIZE = 192 * MiB;

const fixture = useNodeFixture('filesystem');

it('streams a large binary from n8n’s filesystem store to ImageKit without holding it in memory', async () => {
	// The file is stored first, so only the upload is measured: how the test-only source node writes
	// it costs different amounts of memory on different Node versions.
	const stored = await fixture.runWorkflow([
		{
			name: 'Source',
			type: BINARY_SOURCE_TYPE,
			parameters: {
				sizeBytes: FILE_SIZE,
				seed: 'large',
				fileName: 'large.mp4',
				mimeType: 'video/mp4',
			},
		},
	]);
	global.gc?.();
	const baseline = process.memoryUsage().rss;
	const { result, peak } = await peakRss(
		async () =>
			await fixture.run(
				{ resource: 'file', operation: 'upload' },
				{ inputItems: stored.output('Source') },
			),
	);
	expect(result.error).toBeUndefined();

	const [upload] = fixture.emulator.requests;
	expect(upload.form?.file).toMatchObject({
		fileName: 'large.mp4',
		contentType: 'video/mp4',
		size: FILE_SIZE,
		sha256: binarySourceSha256('large', FILE_SIZE),
	});
	expect(Number(upload.headers['content-length'])).toBe(upload.bodySize);
	expect(result.items[0].json).toMatchObject({
		name: expect.stringMatching(/^large_\w+\.mp4$/),
		size: FILE_SIZE,
	});
	// Buffering would add at least the file's size; streaming stays well below half of it
	// (`npm run bench` measures the same in a fresh process with a collected heap).
	expect(peak - baseline).toBeLessThan(FILE_SIZE / 2);
}, 120_000);
