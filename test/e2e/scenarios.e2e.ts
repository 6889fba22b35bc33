// Whole scenarios in a real n8n, for each n8n version: every example workflow of examples/ imported
// from its file and run against the emulator. Everything is imported at once and run by one
// `n8n executeBatch`, so the suite costs three n8n CLI start-ups per version; the checks then read the
// runs and what the emulator saw.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { ensureN8n, type N8nInstall } from '../../scripts/n8n';
import { EMULATOR_CA_CERT_PATH, ImageKitEmulator, placeholderPng } from '../emulator';
import { imageKitSpec, itWithSpec } from '../openapi/spec';
import { nodeHasOperation } from './built-package';
import { executeBatch, importInto, runOf, type BatchOutcome, type CliFolder } from './cli-batch';
import { fetchDelivery } from './delivery';
import { readExample, runnableFromCli } from './examples';
import { nodeItems, nodeJson } from './n8n-runs';
import { recorded, recordSkipped, resultTable } from './report';

const { E2E_VERSIONS: VERSIONS } = require('./versions') as { E2E_VERSIONS: string[] };
const PRIVATE_KEY = 'private_e2eScenarios0123456789=';
const SPEC_CHECK = 'Scenarios: no OpenAPI violations';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The credential every example names (by name only: n8n matches it on import). */
const EXAMPLE_CREDENTIAL = { id: 'e2eScenarioImageKit', name: 'ImageKit account' };

const EXAMPLES = {
	watermark: {
		id: 'exWatermark',
		file: 'watermark-new-uploads.json',
		row: 'Example: watermark new uploads',
	},
	bulkTag: {
		id: 'exBulkTag',
		file: 'bulk-tag-search-results.json',
		row: 'Example: bulk-tag a search',
	},
	cleanup: { id: 'exCleanup', file: 'nightly-cleanup.json', row: 'Example: nightly clean-up' },
	signedLinks: {
		id: 'exSignedLinks',
		file: 'signed-download-links.json',
		row: 'Example: signed download links',
	},
	responsive: {
		id: 'exResponsive',
		file: 'responsive-img-tag.json',
		row: 'Example: responsive <img> tag',
	},
} as const;

// Checks that wait for features other branches add: listed as skipped, with the reason in their
// name, until this build has the feature.
const RESPONSIVE_BUILT = nodeHasOperation('imageUrl', 'getResponsiveAttributes');
const RESPONSIVE_SKIP = 'no Image URL → Get Responsive Attributes in this build';

const timings: string[] = [];

afterAll(() => {
	process.stdout.write(`\nScenario e2e results\n${resultTable()}\n${timings.join('\n')}\n\n`);
});

describe.each(VERSIONS)('n8n %s', (versionSpec) => {
	let install: N8nInstall;
	let emulator: ImageKitEmulator;
	let folder: CliFolder;
	let column: string;
	let outcome: BatchOutcome;
	/** Bytes of each file seeded for the examples, by path, to compare with what the CDN serves. */
	const seeded = new Map<string, Buffer>();

	function seed(
		filePath: string,
		options: { content?: Buffer; createdAt?: Date; tags?: string[]; isPrivateFile?: boolean } = {},
	) {
		const content = options.content ?? placeholderPng(16, 16, filePath);
		const slash = filePath.lastIndexOf('/');
		seeded.set(filePath, content);
		return emulator.seedFile({
			name: filePath.slice(slash + 1),
			folder: filePath.slice(0, slash + 1),
			...options,
			content,
		});
	}

	beforeAll(async () => {
		const started = Date.now();
		install = await ensureN8n(versionSpec, { log: () => undefined });
		column = `n8n ${install.version}`;
		if (!imageKitSpec) recordSkipped(column, SPEC_CHECK, 'no spec');
		if (!RESPONSIVE_BUILT) recordSkipped(column, EXAMPLES.responsive.row, RESPONSIVE_SKIP);
		emulator = new ImageKitEmulator({ privateKey: PRIVATE_KEY });
		await emulator.start();
		seedScenarioFiles();

		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'imagekit-scenarios-'));
		folder = {
			install,
			userFolder,
			env: {
				HTTPS_PROXY: emulator.proxyUrl,
				NO_PROXY: 'localhost,127.0.0.1',
				NODE_EXTRA_CA_CERTS: EMULATOR_CA_CERT_PATH,
				N8N_ENCRYPTION_KEY: 'imagekit-scenarios-encryption-key',
			},
		};
		const examples = Object.values(EXAMPLES)
			.filter((example) => RESPONSIVE_BUILT || example !== EXAMPLES.responsive)
			.map((example) => runnableFromCli(readExample(example.file), example.id));
		await importInto(folder, {
			credentials: [
				{
					...EXAMPLE_CREDENTIAL,
					type: 'imageKitApi',
					data: { privateKey: PRIVATE_KEY, urlEndpoint: emulator.urlEndpoint },
				},
			],
			workflows: examples,
		});
		const imported = Date.now();
		outcome = await executeBatch(folder);
		timings.push(
			`scenarios on ${column}: set-up and import ${seconds(imported - started)}, executeBatch ${seconds(Date.now() - imported)}`,
		);
	}, 600_000);

	afterAll(async () => {
		await emulator?.stop();
		if (folder) fs.rmSync(folder.userFolder, { recursive: true, force: true });
	});

	function seedScenarioFiles(): void {
		// watermark: two new uploads in the watched folder, one elsewhere.
		seed('/uploads/beach.jpg');
		seed('/uploads/team.png');
		seed('/elsewhere/not-watched.jpg');
		// bulk tag: `path : "/products/"` covers subfolders; width from the PNG itself.
		seed('/products/big-1.png', { content: placeholderPng(2400, 1600, 'big-1'), tags: ['summer'] });
		seed('/products/big-2.png', { content: placeholderPng(2000, 1000, 'big-2') });
		seed('/products/sub/big-nested.png', { content: placeholderPng(2200, 1200, 'nested') });
		seed('/products/small.png', { content: placeholderPng(800, 600, 'small') });
		seed('/archive/big-old.png', { content: placeholderPng(3000, 2000, 'archived') });
		// clean-up: more old files than one page of Get Many (1,000), two recent ones, and an old
		// file outside the folder.
		const old = new Date(Date.now() - 40 * DAY_MS);
		for (let index = 0; index < 1005; index++)
			emulator.seedFile({
				name: `old-${index}.txt`,
				folder: '/temporary/',
				content: 'old',
				createdAt: old,
			});
		seed('/temporary/recent-1.txt', {
			content: Buffer.from('recent 1'),
			createdAt: new Date(Date.now() - DAY_MS),
		});
		seed('/temporary/recent-2.txt', {
			content: Buffer.from('recent 2'),
			createdAt: new Date(Date.now() - DAY_MS),
		});
		seed('/keep/old.txt', { content: Buffer.from('keep'), createdAt: old });
		// signed links: private files, served only with a valid signature.
		seed('/reports/2024-q1.pdf', { content: Buffer.from('Q1 report'), isPrivateFile: true });
		seed('/reports/2024-q2.pdf', { content: Buffer.from('Q2 report'), isPrivateFile: true });
		// responsive <img>.
		seed('/products/shoe.jpg');
	}

	/** The emulator's files whose path starts with `prefix` (a folder and its subfolders). */
	const filesUnder = (prefix: string) =>
		emulator.files.filter((file) => file.filePath.startsWith(prefix));

	async function expectDelivered(url: string, filePath: string): Promise<void> {
		const delivery = await fetchDelivery(emulator, url);
		expect({ url, status: delivery.status, body: delivery.body.toString('latin1') }).toEqual({
			url,
			status: 200,
			body: seeded.get(filePath)!.toString('latin1'),
		});
	}

	describe('example workflows (examples/*.json, imported from their files)', () => {
		it('watermark-new-uploads.json: each new upload gets a resized, watermarked URL that the CDN serves', async () => {
			await recorded(column, EXAMPLES.watermark.row, async () => {
				const run = runOf(outcome, EXAMPLES.watermark.id);
				const records = nodeJson(run, 'Record URL');
				expect(records.map((record) => record.filePath)).toEqual([
					'/uploads/beach.jpg',
					'/uploads/team.png',
				]);
				for (const record of records) {
					const file = emulator.files.find((candidate) => candidate.filePath === record.filePath)!;
					expect(record.fileId).toBe(file.fileId);
					const url = record.watermarkedUrl as string;
					expect(url.startsWith(`${emulator.urlEndpoint}/tr:`)).toBe(true);
					expect(url.endsWith(encodeURI(record.filePath as string))).toBe(true);
					const transformation = decodeURIComponent(
						url.slice(emulator.urlEndpoint.length + 4).split('/')[0],
					);
					expect(transformation.split(/[,:]/)).toEqual(
						expect.arrayContaining([
							'w-1200',
							'l-text',
							'lfo-bottom_right',
							'fs-36',
							'co-FFFFFF',
							'l-end',
						]),
					);
					expect(overlayText(transformation)).toBe('© Example Shop');
					await expectDelivered(url, record.filePath as string);
				}
			});
		});

		it('bulk-tag-search-results.json: every file the search finds gets the tag, in one request; others are untouched', async () => {
			await recorded(column, EXAMPLES.bulkTag.row, async () => {
				const run = runOf(outcome, EXAMPLES.bulkTag.id);
				const found = nodeJson(run, 'Find Large Product Photos').map((file) => file.filePath);
				const expected = [
					'/products/big-1.png',
					'/products/big-2.png',
					'/products/sub/big-nested.png',
				];
				expect([...found].sort()).toEqual(expected);
				expect(nodeJson(run, 'Tag Them')).toEqual(
					expected.map((filePath) => ({
						fileId: emulator.files.find((file) => file.filePath === filePath)!.fileId,
						updated: true,
					})),
				);
				const tagsOf = (filePath: string) =>
					emulator.files.find((file) => file.filePath === filePath)!.tags;
				expect(tagsOf('/products/big-1.png')).toEqual(['summer', 'hi-res']);
				expect(tagsOf('/products/big-2.png')).toEqual(['hi-res']);
				expect(tagsOf('/products/sub/big-nested.png')).toEqual(['hi-res']);
				expect(tagsOf('/products/small.png')).toBeNull();
				expect(tagsOf('/archive/big-old.png')).toBeNull();
				expect(
					emulator.requests.filter((request) => request.path === '/v1/files/addTags'),
				).toHaveLength(1);
			});
		});

		it('nightly-cleanup.json: Return All pages past 1,000 files and Delete Many deletes every old file of the folder, nothing else', async () => {
			await recorded(column, EXAMPLES.cleanup.row, async () => {
				const run = runOf(outcome, EXAMPLES.cleanup.id);
				expect(nodeItems(run, 'Find Old Files')).toHaveLength(1005);
				const deleted = nodeJson(run, 'Delete Them');
				expect(deleted).toHaveLength(1005);
				expect(deleted.every((result) => result.deleted === true)).toBe(true);
				expect(
					filesUnder('/temporary/')
						.map((file) => file.filePath)
						.sort(),
				).toEqual(['/temporary/recent-1.txt', '/temporary/recent-2.txt']);
				expect(filesUnder('/keep/')).toHaveLength(1);
				const listings = emulator.requests.filter(
					(request) =>
						request.method === 'GET' &&
						request.path === '/v1/files' &&
						request.query.path === '/temporary/',
				);
				expect(listings.map((request) => request.query.skip ?? '0')).toEqual(['0', '1000']);
				expect(
					emulator.requests.filter((request) => request.path === '/v1/files/batch/deleteByFileIds'),
				).toHaveLength(11);
			});
		});

		it('signed-download-links.json: one signed link per path that works, only with its signature, until it expires', async () => {
			await recorded(column, EXAMPLES.signedLinks.row, async () => {
				const run = runOf(outcome, EXAMPLES.signedLinks.id);
				const links = nodeJson(run, 'Links');
				expect(links.map((link) => link.path)).toEqual([
					'/reports/2024-q1.pdf',
					'/reports/2024-q2.pdf',
				]);
				for (const link of links) {
					const url = new URL(link.downloadUrl as string);
					expect(`${url.origin}${url.pathname}`).toBe(`${emulator.urlEndpoint}${link.path}`);
					const expiresAt = Number(url.searchParams.get('ik-t')) * 1000;
					expect(Math.abs(expiresAt - (Date.now() + 3600_000))).toBeLessThan(10 * 60_000);
					await expectDelivered(url.href, link.path as string);
					const unsigned = await fetchDelivery(emulator, `${url.origin}${url.pathname}`);
					expect(unsigned.status).toBe(403);
				}
				const realClock = emulator.clock;
				emulator.clock = () => new Date(Date.now() + 2 * 3600_000);
				try {
					const late = await fetchDelivery(emulator, links[0].downloadUrl as string);
					expect({ status: late.status, body: late.body.toString() }).toEqual({
						status: 403,
						body: 'Signed URL expired.',
					});
				} finally {
					emulator.clock = realClock;
				}
			});
		});

		(RESPONSIVE_BUILT ? it : it.skip)(
			`responsive-img-tag.json: an <img> tag whose srcset URLs each have their width and are served${RESPONSIVE_BUILT ? '' : ` [skipped: ${RESPONSIVE_SKIP}]`}`,
			async () => {
				await recorded(column, EXAMPLES.responsive.row, async () => {
					const run = runOf(outcome, EXAMPLES.responsive.id);
					const [attributes] = nodeJson(run, 'Responsive Attributes');
					const [{ html }] = nodeJson(run, 'Img Tag');
					const tag = /^<img( [a-z]+="[^"]*")+>$/.exec(html as string);
					expect(tag).not.toBeNull();
					const attribute = Object.fromEntries(
						[...(html as string).matchAll(/ ([a-z]+)="([^"]*)"/g)].map(([, name, value]) => [
							name,
							value,
						]),
					);
					expect(attribute).toEqual({
						src: attributes.src,
						srcset: attributes.srcSet,
						sizes: '(min-width: 768px) 50vw, 100vw',
						alt: 'Running shoe',
						loading: 'lazy',
					});
					const candidates = (attribute.srcset as string).split(', ').map((candidate) => {
						const [url, descriptor] = candidate.split(' ');
						return { url, width: Number(/^(\d+)w$/.exec(descriptor)?.[1]) };
					});
					expect(candidates.length).toBeGreaterThan(1);
					for (const { url, width } of candidates) {
						expect(url).toContain(`w-${width}`);
						await expectDelivered(url, '/products/shoe.jpg');
					}
					expect(candidates.map(({ url }) => url)).toContain(attribute.src);
				});
			},
		);
	});

	it('met no internal error in the emulator', () => {
		expect(emulator.internalErrors).toEqual([]);
	});

	itWithSpec('sent and answered only what ImageKit’s OpenAPI spec allows', async () => {
		await recorded(column, SPEC_CHECK, async () => {
			expect(emulator.openApiViolations).toEqual([]);
		});
	});
});

/** The text of the text layer in a transformation: plain after `i-`, base64 after `ie-`. */
function overlayText(transformation: string): string | undefined {
	const match = /l-text,(i|ie)-([^,:]+)/.exec(transformation);
	if (!match) return undefined;
	return match[1] === 'ie' ? Buffer.from(match[2], 'base64').toString('utf8') : match[2];
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
