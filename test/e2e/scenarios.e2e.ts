// Whole scenarios in a real n8n, for each n8n version: every example workflow of examples/ imported
// from its file and run against the emulator, and an AI Agent that drives the ImageKit node as a tool
// through a stand-in LLM (OpenAI Chat Completions, non-streaming). Everything is imported at once and
// run by one `n8n executeBatch`, so the suite costs three n8n CLI start-ups per version; the checks
// then read the runs and what the emulator and the stand-in saw.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import type { IRun } from 'n8n-workflow';

import { ensureN8n, type N8nInstall } from '../../scripts/n8n';
import { EMULATOR_CA_CERT_PATH, ImageKitEmulator, placeholderPng } from '../emulator';
import { imageKitSpec, itWithSpec } from '../openapi/spec';
import {
	agentWorkflow,
	FROM_AI,
	OPENAI_CREDENTIAL,
	TOOL_NAME,
	TOOL_NODE_NAME,
} from './agent-workflows';
import { nodeHasOperation, toolDescriptionOf, urlRefuses } from './built-package';
import { executeBatch, importInto, runOf, type BatchOutcome, type CliFolder } from './cli-batch';
import { fetchDelivery } from './delivery';
import { readExample, runnableFromCli } from './examples';
import { nodeItems, nodeJson } from './n8n-runs';
import { recorded, recordSkipped, resultTable } from './report';
import { finalAnswerFor, StandInLlm } from './stand-in-llm';
import { E2E_VERSIONS as VERSIONS } from './versions';

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
const WIDTH_CHECKED = urlRefuses({ width: 'wide' });
const WIDTH_SKIP = 'this build does not check transformation values: Width "wide" makes tr:w-wide';

const AGENT = {
	toolCall: {
		id: 'agentToolCall',
		prompt: 'Give me a 300 px wide URL of /shoes/red.jpg',
		arguments: { path: '/shoes/red.jpg', width: 300 },
		row: 'AI Agent: tool call, URL in the answer',
	},
	emptyPath: {
		id: 'agentEmptyPath',
		prompt: 'Give me a 300 px wide URL of the red shoe',
		arguments: { path: '', width: 300 },
		row: 'AI Agent: tool error reaches the model',
	},
	badWidth: {
		id: 'agentBadWidth',
		prompt: 'Give me a wide URL of /shoes/red.jpg',
		arguments: { path: '/shoes/red.jpg', width: 'wide' },
		row: 'AI Agent: bad Width states its fix',
	},
} as const;

const timings: string[] = [];

afterAll(() => {
	process.stdout.write(`\nScenario e2e results\n${resultTable()}\n${timings.join('\n')}\n\n`);
});

describe.each(VERSIONS)('n8n %s', (versionSpec) => {
	let install: N8nInstall;
	let emulator: ImageKitEmulator;
	let llm: StandInLlm;
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
		if (!WIDTH_CHECKED) recordSkipped(column, AGENT.badWidth.row, WIDTH_SKIP);
		emulator = new ImageKitEmulator({ privateKey: PRIVATE_KEY });
		llm = new StandInLlm();
		await Promise.all([emulator.start(), llm.start()]);
		seedScenarioFiles();
		for (const scenario of Object.values(AGENT))
			llm.plan(scenario.prompt, { tool: TOOL_NAME, arguments: scenario.arguments });

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
		const agentTypeVersion = install.version.startsWith('1.') ? 3 : 3.1;
		const agents = Object.values(AGENT).map(({ id, prompt }) =>
			agentWorkflow({
				id,
				name: `AI Agent: ${prompt}`,
				prompt,
				imageKitCredential: EXAMPLE_CREDENTIAL,
				agentTypeVersion,
			}),
		);
		await importInto(folder, {
			credentials: [
				{
					...EXAMPLE_CREDENTIAL,
					type: 'imageKitApi',
					data: { privateKey: PRIVATE_KEY, urlEndpoint: emulator.urlEndpoint },
				},
				{
					...OPENAI_CREDENTIAL,
					type: 'openAiApi',
					data: { apiKey: 'sk-stand-in', url: llm.baseUrl },
				},
			],
			workflows: [...examples, ...agents],
		});
		const imported = Date.now();
		outcome = await executeBatch(folder);
		timings.push(
			`scenarios on ${column}: set-up and import ${seconds(imported - started)}, executeBatch ${seconds(Date.now() - imported)}`,
		);
	}, 600_000);

	afterAll(async () => {
		await Promise.all([emulator?.stop(), llm?.stop()]);
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
		// responsive <img> and the agent's tool.
		seed('/products/shoe.jpg');
		seed('/shoes/red.jpg');
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

	describe('AI Agent with the ImageKit node as a tool, and a stand-in LLM', () => {
		/** The tool result the model was sent in the conversation that began with `prompt`. */
		function toolResultSent(prompt: string): string {
			const [first, second, ...more] = llm.conversation(prompt);
			expect(more).toEqual([]);
			expect(first.messages.map((message) => message.role)).toEqual(['user']);
			const toolMessage = second.messages.at(-1)!;
			expect(toolMessage.role).toBe('tool');
			expect(toolMessage.tool_call_id).toEqual(expect.any(String));
			return toolMessage.content as string;
		}

		it('the agent calls the ImageKit tool, and its final answer carries the URL the tool made', async () => {
			await recorded(column, AGENT.toolCall.row, async () => {
				const run = runOf(outcome, AGENT.toolCall.id);
				const url = `${emulator.urlEndpoint}/tr:w-300/shoes/red.jpg`;
				expect(toolOutput(run)).toEqual([{ url, transformation: 'w-300' }]);
				const sent = toolResultSent(AGENT.toolCall.prompt);
				expect(JSON.parse(sent)).toEqual([{ url, transformation: 'w-300' }]);
				expect(nodeJson(run, 'AI Agent')).toEqual([{ output: finalAnswerFor(sent) }]);
				await expectDelivered(url, '/shoes/red.jpg');
			});
		});

		it('n8n offers the model the tool: its name, a description, and the $fromAI fields, all required', async () => {
			await recorded(column, 'AI Agent: tool schema offered', async () => {
				const [offered] = llm.conversation(AGENT.toolCall.prompt);
				expect(offered.stream).toBeFalsy();
				expect(offered.tools).toHaveLength(1);
				const [{ type, function: tool }] = offered.tools!;
				expect(type).toBe('function');
				expect(tool.name).toBe(TOOL_NAME);
				// The operation's own tool description, not n8n's one-line "<action> in ImageKit".
				expect(tool.description).toBe(toolDescriptionOf('imageUrl', 'generate'));
				expect(tool.description).toMatch(/^Builds an ImageKit delivery URL/);
				expect(tool.parameters).toMatchObject({
					type: 'object',
					properties: {
						path: { type: 'string', description: FROM_AI.path.description },
						width: { type: 'number', description: FROM_AI.width.description },
					},
				});
				expect(Object.keys(tool.parameters.properties).sort()).toEqual(['path', 'width']);
				expect([...(tool.parameters.required ?? [])].sort()).toEqual(['path', 'width']);
			});
		});

		it('an error of the tool reaches the model as its result, naming the field and the fix (an empty Path)', async () => {
			await recorded(column, AGENT.emptyPath.row, async () => {
				const run = runOf(outcome, AGENT.emptyPath.id);
				const [result] = toolOutput(run);
				expect(result).toEqual({
					error: "'Path' is empty: enter the file path, e.g. /products/shoe.jpg",
				});
				const sent = toolResultSent(AGENT.emptyPath.prompt);
				expect(JSON.parse(sent)).toEqual([result]);
				expect(nodeJson(run, 'AI Agent')).toEqual([{ output: finalAnswerFor(sent) }]);
			});
		});

		(WIDTH_CHECKED ? it : it.skip)(
			`a Width of "wide" is refused before a URL is made, and the error the model gets states the field and the fix${WIDTH_CHECKED ? '' : ` [skipped: ${WIDTH_SKIP}]`}`,
			async () => {
				await recorded(column, AGENT.badWidth.row, async () => {
					const run = runOf(outcome, AGENT.badWidth.id);
					const [result] = toolOutput(run);
					expect(result).not.toHaveProperty('url');
					// '<Field label>' <what is wrong>: <the fix, with an example>
					expect(result.error).toMatch(/'Width' [^:]+: .*\be\.g\. /);
					expect(JSON.parse(toolResultSent(AGENT.badWidth.prompt))).toEqual([result]);
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

/** The items the ImageKit tool node output to the agent. */
function toolOutput(run: IRun): Array<Record<string, unknown>> {
	const task = run.data.resultData.runData[TOOL_NODE_NAME]?.[0];
	if (!task?.data?.ai_tool) throw new Error(`The tool node "${TOOL_NODE_NAME}" did not run`);
	return task.data.ai_tool[0]!.map((item) => item.json);
}

/** The text of the text layer in a transformation: plain after `i-`, base64 after `ie-`. */
function overlayText(transformation: string): string | undefined {
	const match = /l-text,(i|ie)-([^,:]+)/.exec(transformation);
	if (!match) return undefined;
	return match[1] === 'ie' ? Buffer.from(match[2], 'base64').toString('utf8') : match[2];
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
