/**
 * The live check: the main operations, run through the ImageKit node in n8n's real engine, against
 * the real ImageKit API or against the emulator (the same steps and assertions, so the check cannot
 * rot while nobody has keys at hand). Everything happens inside a folder of its own, created first
 * and deleted at the end, also when a step fails.
 */
import { createHash, randomBytes } from 'crypto';

import type { IBinaryData, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ImageKitApi } from '../../credentials/ImageKitApi.credentials';
import { ImageKitWebhookApi } from '../../credentials/ImageKitWebhookApi.credentials';
import { ImageKit } from '../../nodes/ImageKit/ImageKit.node';
import { ImageKitTrigger } from '../../nodes/ImageKitTrigger/ImageKitTrigger.node';
import { ImageKitEmulator, placeholderPng, webhookEvent } from '../emulator';
import { assertTestCaTrusted, createEngine, useProxy, type Engine } from '../engine/harness';
import { TriggerHost } from '../trigger/trigger-host';
import { startWebhookServer, type WebhookServer } from '../trigger/webhook-server';

export type LiveTarget = 'imagekit' | 'emulator';

const NODE_TYPE = 'n8n-nodes-imagekit.imageKit';
const TRIGGER_TYPE = 'n8n-nodes-imagekit.imageKitTrigger';
const EMULATOR_KEY = 'private_liveCheckEmulatorKey0123456789=';
const TAG = 'n8n-live-check';
/** A well-formed ID of no file, for the bulk delete. */
const MISSING_ID = '000000000000000000000000';
/** How long to wait for ImageKit's search to show a new file, and for a webhook to arrive. */
const SEARCH_WAIT_MS = 60_000;
const WEBHOOK_WAIT_MS = 120_000;

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const folderPath = (value: string) => ({ __rl: true, mode: 'path', value });

interface Target {
	name: string;
	credentials: { privateKey: string; publicKey: string; urlEndpoint: string };
	/** Sends or awaits a signed `file.created` webhook for the file, or says why it is skipped. */
	webhook: { secret: string; port: number } | string;
	emulator?: ImageKitEmulator;
	close(): Promise<void>;
}

function required(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set`);
	return value;
}

async function targetFor(kind: LiveTarget): Promise<Target> {
	if (kind === 'imagekit') {
		const secret = process.env.IMAGEKIT_WEBHOOK_SECRET;
		const port = Number(process.env.IMAGEKIT_LIVE_WEBHOOK_PORT);
		return {
			name: `ImageKit (${required('IMAGEKIT_URL_ENDPOINT')})`,
			credentials: {
				privateKey: required('IMAGEKIT_PRIVATE_KEY'),
				publicKey: required('IMAGEKIT_PUBLIC_KEY'),
				urlEndpoint: required('IMAGEKIT_URL_ENDPOINT'),
			},
			webhook:
				secret && Number.isInteger(port) && port > 0
					? { secret, port }
					: 'set IMAGEKIT_WEBHOOK_SECRET and IMAGEKIT_LIVE_WEBHOOK_PORT, with a public URL that reaches that port added as a webhook endpoint in ImageKit',
			close: async () => {},
		};
	}
	assertTestCaTrusted();
	const emulator = new ImageKitEmulator({ privateKey: EMULATOR_KEY });
	await emulator.start();
	const restoreProxy = useProxy(emulator.proxyUrl);
	return {
		name: 'the emulator',
		credentials: {
			privateKey: EMULATOR_KEY,
			publicKey: 'public_liveCheckEmulatorKey=',
			urlEndpoint: emulator.urlEndpoint,
		},
		webhook: { secret: `whsec_${randomBytes(24).toString('base64')}`, port: 0 },
		emulator,
		close: async () => {
			restoreProxy();
			await emulator.stop();
		},
	};
}

/** Runs the ImageKit node on one item; a node error fails the step with its message. */
async function runNode(
	engine: Engine,
	parameters: INodeParameters,
	inputItems?: INodeExecutionData[],
): Promise<IDataObject[]> {
	const result = await engine.runNode(NODE_TYPE, parameters, { inputItems });
	if (result.error) {
		const description = result.error.description ? ` (${result.error.description})` : '';
		throw new Error(`${result.error.message}${description}`);
	}
	return result.items.map((item) => ({ ...item.json, binary: item.binary }));
}

function check(condition: unknown, message: string): void {
	if (!condition) throw new Error(message);
}

/** Tries `attempt` until it returns a value, for results ImageKit's search shows only after a while. */
async function eventually<T>(
	attempt: () => Promise<T | undefined>,
	what: string,
	waitMs: number,
): Promise<T> {
	const deadline = Date.now() + waitMs;
	for (;;) {
		const value = await attempt();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`${what} did not happen within ${waitMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 2000));
	}
}

export async function runLiveCheck(kind: LiveTarget): Promise<boolean> {
	const target = await targetFor(kind);
	const engine = await createEngine({
		nodeTypes: { [NODE_TYPE]: new ImageKit() },
		credentialTypes: [new ImageKitApi()],
		credentials: { imageKitApi: target.credentials },
	});
	const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
	// Letters, digits and underscores only, which ImageKit keeps as they are in folder names.
	const folderName = `n8n_live_check_${stamp}_${randomBytes(3).toString('hex')}`;
	const folder = `/${folderName}/`;
	const png = placeholderPng(24, 16, folderName);
	const state: Record<string, string> = {};
	let passed = true;
	let steps = 0;

	console.log(`test:live against ${target.name}, in the folder ${folder}`);
	const step = async (name: string, run: () => Promise<void>) => {
		const started = Date.now();
		await run();
		steps += 1;
		console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
	};

	/** The downloaded bytes: an image, exactly as uploaded from the emulator (ImageKit may optimise). */
	const checkImage = async (download: IDataObject): Promise<void> => {
		check(String(download.mimeType).startsWith('image/'), `type ${download.mimeType}`);
		const binary = (download.binary as Record<string, IBinaryData>).data;
		const bytes = Buffer.concat(await chunks(await engine.binaryStream(binary)));
		check(bytes.length > 0, 'no bytes');
		if (target.emulator) check(sha256(bytes) === sha256(png), 'not the bytes uploaded');
	};

	let webhookServer: WebhookServer | undefined;
	try {
		if (typeof target.webhook !== 'string') {
			const host = new TriggerHost({
				type: TRIGGER_TYPE,
				nodeType: new ImageKitTrigger(),
				parameters: { events: ['file.created'] },
				credentialTypes: [new ImageKitWebhookApi()],
				credentials: { imageKitWebhookApi: { secret: target.webhook.secret } },
			});
			webhookServer = await startWebhookServer(host, target.webhook.port);
		}

		await step('create the folder', async () => {
			const [created] = await runNode(engine, {
				resource: 'folder',
				operation: 'create',
				folderName,
				parentFolderPath: '/',
			});
			check(created.folderPath === `/${folderName}`, `folder created at ${created.folderPath}`);
			// The copy and move destinations, in case ImageKit wants them to exist (undocumented).
			for (const subfolder of ['copies', 'moved'])
				await runNode(engine, {
					resource: 'folder',
					operation: 'create',
					folderName: subfolder,
					parentFolderPath: folder,
				});
		});

		await step('upload a binary file', async () => {
			const [file] = await runNode(
				engine,
				{
					resource: 'file',
					operation: 'upload',
					fileName: 'binary.png',
					options: { folder, tags: TAG, useUniqueFileName: false },
				},
				[
					{
						json: {},
						binary: {
							data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'a.png' },
						},
					},
				],
			);
			check(file.filePath === `${folder}binary.png`, `stored at ${file.filePath}`);
			check(file.size === png.length, `size ${file.size}, sent ${png.length}`);
			state.binaryId = String(file.fileId);
			state.binaryUrl = String(file.url);
		});

		await step('upload from a URL', async () => {
			const [file] = await runNode(engine, {
				resource: 'file',
				operation: 'upload',
				inputSource: 'url',
				fileUrl: state.binaryUrl,
				fileName: 'from-url.png',
				options: { folder, tags: TAG, useUniqueFileName: false },
			});
			check(file.filePath === `${folder}from-url.png`, `stored at ${file.filePath}`);
			state.urlId = String(file.fileId);
		});

		await step('get a file', async () => {
			const [file] = await runNode(engine, {
				resource: 'file',
				operation: 'get',
				fileId: byId(state.binaryId),
			});
			check(file.fileId === state.binaryId && file.name === 'binary.png', 'the file’s details');
			check(/[?&]updatedAt=\d+/.test(String(file.url)), `url ${file.url} without updatedAt`);
		});

		await step('list with filters (folder, tag, file type)', async () => {
			const names = await eventually(
				async () => {
					const files = await runNode(engine, {
						resource: 'file',
						operation: 'getAll',
						returnAll: true,
						filters: { path: folder, tags: TAG, fileType: 'image' },
					});
					const found = files.map((file) => String(file.name)).sort();
					return found.length === 2 ? found : undefined;
				},
				'Both files showing in the list',
				SEARCH_WAIT_MS,
			);
			check(names.join() === 'binary.png,from-url.png', `listed ${names.join()}`);
		});

		await step('update tags', async () => {
			const [file] = await runNode(engine, {
				resource: 'file',
				operation: 'update',
				fileId: byId(state.binaryId),
				updateFields: { tags: `${TAG}, updated` },
			});
			check(
				JSON.stringify(file.tags) === JSON.stringify([TAG, 'updated']),
				`tags ${JSON.stringify(file.tags)}`,
			);
		});

		await step('get metadata', async () => {
			const [metadata] = await runNode(engine, {
				resource: 'file',
				operation: 'getMetadata',
				fileId: byId(state.binaryId),
			});
			check(
				metadata.width === 24 && metadata.height === 16,
				`${metadata.width}×${metadata.height}`,
			);
		});

		await step('fetch a signed URL from the CDN', async () => {
			const [generated] = await runNode(engine, {
				resource: 'imageUrl',
				operation: 'generate',
				source: 'path',
				path: `${folder}binary.png`,
				options: { signed: true, expireSeconds: 600 },
			});
			check(/[?&]ik-s=[0-9a-f]{40}$/.test(String(generated.url)), `url ${generated.url}`);
			const [download] = await runNode(engine, {
				resource: 'file',
				operation: 'download',
				source: 'url',
				src: String(generated.url),
			});
			await checkImage(download);
		});

		await step('download a stored file', async () => {
			const [download] = await runNode(engine, {
				resource: 'file',
				operation: 'download',
				fileId: byId(state.binaryId),
			});
			check(/[?&]updatedAt=\d+/.test(String(download.url)), `fetched ${download.url}`);
			await checkImage(download);
		});

		await step('copy a file', async () => {
			const [copied] = await runNode(engine, {
				resource: 'file',
				operation: 'copy',
				fileId: byId(state.binaryId),
				destinationPath: folderPath(`${folder}copies/`),
			});
			check(copied.copied === true, 'copied');
		});

		await step('move a file', async () => {
			await runNode(engine, {
				resource: 'file',
				operation: 'move',
				fileId: byId(state.urlId),
				destinationPath: folderPath(`${folder}moved/`),
			});
			const [file] = await runNode(engine, {
				resource: 'file',
				operation: 'get',
				fileId: byId(state.urlId),
			});
			check(file.filePath === `${folder}moved/from-url.png`, `now at ${file.filePath}`);
		});

		await step('purge the cache, and read the purge status', async () => {
			const [purge] = await runNode(engine, {
				resource: 'cache',
				operation: 'purge',
				url: state.binaryUrl.split('?')[0],
			});
			check(typeof purge.requestId === 'string', 'a purge request ID');
			const [status] = await runNode(engine, {
				resource: 'cache',
				operation: 'getPurgeStatus',
				requestId: String(purge.requestId),
			});
			check(['Pending', 'Completed'].includes(String(status.status)), `status ${status.status}`);
		});

		if (typeof target.webhook === 'string') {
			console.log(`  – webhook signature on a real event: skipped (${target.webhook})`);
		} else {
			await step('verify the signature of a file.created webhook', async () => {
				const server = webhookServer!;
				if (target.emulator) {
					const details = target.emulator.files.find((file) => file.fileId === state.binaryId);
					const event = webhookEvent('file.created', { fileId: details?.fileId });
					const delivery = await target.emulator.sendWebhook(server.url, event, {
						scheme: 'standard-webhooks',
						secret: (target.webhook as { secret: string }).secret,
					});
					check(delivery.status === 200, `the trigger answered ${delivery.status}`);
				}
				const ours = [state.binaryId, state.urlId];
				await eventually(
					async () =>
						server.executions.find((items) =>
							ours.includes(String((items[0]?.json.data as IDataObject | undefined)?.fileId)),
						),
					'A signed file.created webhook for an uploaded file',
					WEBHOOK_WAIT_MS,
				);
			});
		}

		await step('delete many, one ID missing', async () => {
			const outcomes = await runNode(engine, {
				resource: 'file',
				operation: 'deleteMany',
				fileIds: [state.binaryId, state.urlId, MISSING_ID].join(', '),
			});
			const deleted = Object.fromEntries(outcomes.map((item) => [item.fileId, item.deleted]));
			check(
				deleted[state.binaryId] === true &&
					deleted[state.urlId] === true &&
					deleted[MISSING_ID] === false,
				`outcomes ${JSON.stringify(deleted)}`,
			);
		});
	} catch (error) {
		passed = false;
		console.log(`  ✗ ${(error as Error).message}`);
	} finally {
		try {
			await runNode(engine, {
				resource: 'folder',
				operation: 'delete',
				folderPath: folder,
			});
			console.log(`  ✓ delete the folder ${folder}`);
		} catch (error) {
			passed = false;
			console.log(
				`  ✗ deleting ${folder} failed (${(error as Error).message}): delete it in the media library`,
			);
		}
		const { emulator } = target;
		if (emulator) {
			// Against the emulator, the requests and answers are also checked against the spec.
			const problems = [...emulator.openApiViolations, ...emulator.internalErrors.map(String)];
			if (emulator.folders.some((path) => path.startsWith(folder)))
				problems.push(`${folder} is still there`);
			for (const problem of problems) console.log(`  ✗ ${problem}`);
			if (problems.length > 0) passed = false;
		}
		await webhookServer?.close();
		await engine.close();
		await target.close();
	}
	console.log(
		passed
			? `test:live passed against ${target.name}: ${steps} steps`
			: `test:live FAILED against ${target.name}`,
	);
	return passed;
}

async function chunks(stream: AsyncIterable<unknown>): Promise<Buffer[]> {
	const read: Buffer[] = [];
	for await (const chunk of stream) read.push(chunk as Buffer);
	return read;
}

function sha256(bytes: Buffer): string {
	return createHash('sha256').update(bytes).digest('hex');
}
