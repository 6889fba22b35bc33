import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ImageKitApi } from '../../credentials/ImageKitApi.credentials';
import { ImageKitFileTrigger } from '../../nodes/ImageKitFileTrigger/ImageKitFileTrigger.node';
import { ImageKitEmulator, type SeedFileInput } from '../emulator';
import { assertTestCaTrusted, createEngine, useProxy, type Engine } from '../engine/harness';
import { TriggerHost } from './trigger-host';

const TYPE = 'n8n-nodes-imagekit.imageKitFileTrigger';
const PRIVATE_KEY = 'private_fileTriggerKey0123456789=';
const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const at = (offsetMs: number) => new Date(T0 + offsetMs);

const emulator = new ImageKitEmulator({ privateKey: PRIVATE_KEY });
const credentials = { imageKitApi: { privateKey: PRIVATE_KEY } };
let engine: Engine;
let restoreProxy: () => void;

beforeAll(async () => {
	assertTestCaTrusted();
	await emulator.start();
	restoreProxy = useProxy(emulator.proxyUrl);
	engine = await createEngine({
		nodeTypes: { [TYPE]: new ImageKitFileTrigger() },
		credentialTypes: [new ImageKitApi()],
		credentials,
	});
});
afterAll(async () => {
	restoreProxy();
	await engine.close();
	await emulator.stop();
});
beforeEach(() => {
	emulator.reset();
	emulator.clock = () => at(60_000);
});
afterEach(() => {
	expect(emulator.openApiViolations).toEqual([]);
	expect(emulator.internalErrors).toEqual([]);
});

function activeTrigger(parameters: INodeParameters = {}): TriggerHost {
	return new TriggerHost({
		type: TYPE,
		nodeType: new ImageKitFileTrigger(),
		parameters,
		credentialTypes: [new ImageKitApi()],
		credentials,
	});
}

/** Polls like n8n's schedule, collecting the ids of every file emitted. */
async function pollIds(trigger: TriggerHost): Promise<string[]> {
	const output = await trigger.poll();
	return (output?.[0] ?? []).map((item) => String(item.json.fileId));
}

function seed(count: number, input: SeedFileInput): string[] {
	return Array.from(
		{ length: count },
		(_, index) => emulator.seedFile({ name: `f${index}.png`, ...input }).fileId,
	);
}

const listRequests = () => emulator.requests.filter((request) => request.path === '/v1/files');

describe('ImageKit File Trigger, manual mode (Fetch Test Event) through n8n’s engine', () => {
	it('returns the newest matching file', async () => {
		emulator.seedFile({ name: 'old.png', folder: '/shop/', createdAt: at(0) });
		emulator.seedFile({ name: 'new.png', folder: '/shop/', createdAt: at(2) });
		emulator.seedFile({ name: 'elsewhere.png', folder: '/blog/', createdAt: at(5) });
		const result = await engine.runNode(TYPE, { folder: '/shop' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.name)).toEqual(['new.png']);
	});

	it('says so when no file matches', async () => {
		emulator.seedFile({ name: 'a.png', tags: ['other'] });
		const result = await engine.runNode(TYPE, { filters: { tags: 'sale' } });
		expect(result.error?.message).toBe('No file in ImageKit matches this trigger yet');
		expect(result.items).toEqual([]);
	});
});

describe('ImageKit File Trigger, scheduled polls', () => {
	it('starts after the files already there, then emits each new file once', async () => {
		seed(3, { createdAt: at(0) });
		const trigger = activeTrigger();
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();

		const [first] = seed(1, { createdAt: at(10) });
		const output = await trigger.poll();
		expect(output?.[0].map((item) => item.json)).toEqual([
			expect.objectContaining({ fileId: first, name: 'f0.png' }),
		]);
		expect(await trigger.poll()).toBeNull();
	});

	it('emits files sharing the millisecond of the last file read, and only those', async () => {
		const before = seed(3, { createdAt: at(0) });
		const trigger = activeTrigger();
		await trigger.poll();
		expect((trigger.staticData.cursor as IDataObject).idsAtTimestamp).toEqual(before);

		const sameMoment = seed(2, { createdAt: at(0) });
		expect(await pollIds(trigger)).toEqual(sameMoment);
		const later = seed(2, { createdAt: at(1) });
		const alsoAtLater = seed(1, { createdAt: at(1) });
		expect(await pollIds(trigger)).toEqual([...later, ...alsoAtLater]);
		expect(await pollIds(trigger)).toEqual([]);
	});

	it('reads past one page (1000), including more than a page of files with one date', async () => {
		const trigger = activeTrigger();
		await trigger.poll();
		const sameDate = seed(1200, { createdAt: at(1) });
		const spread = Array.from(
			{ length: 1300 },
			(_, index) =>
				emulator.seedFile({ name: `s${index}.png`, createdAt: at(2 + Math.floor(index / 3)) })
					.fileId,
		);
		const emitted = await pollIds(trigger);
		expect(emitted).toHaveLength(2500);
		expect(new Set(emitted)).toEqual(new Set([...sameDate, ...spread]));
		expect(await pollIds(trigger)).toEqual([]);
		expect(
			listRequests().every(
				(request) => request.query.limit === '1000' || request.query.limit === '1',
			),
		).toBe(true);
	});

	it('never misses or repeats files that arrive while a poll pages through', async () => {
		const trigger = activeTrigger();
		await trigger.poll();
		const existing = seed(1500, { createdAt: at(1) });
		const arrivals: string[] = [];
		let listCalls = 0;
		// The emulator reads its clock once per list request: add files as the second page is served.
		emulator.clock = () => {
			listCalls += 1;
			if (listCalls === 2) {
				arrivals.push(
					...Array.from(
						{ length: 5 },
						(_, index) =>
							emulator.seedFile({ name: `late${index}.png`, createdAt: at(1 + index) }).fileId,
					),
				);
			}
			return at(60_000);
		};
		const first = await pollIds(trigger);
		const second = await pollIds(trigger);
		const emitted = [...first, ...second];
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(new Set(emitted)).toEqual(new Set([...existing, ...arrivals]));
		expect(arrivals).toHaveLength(5);
	});

	it('keeps the last committed cursor when a poll fails midway, so the next one emits everything once', async () => {
		const trigger = activeTrigger();
		await trigger.poll();
		const cursorBefore = structuredClone(trigger.staticData.cursor);
		const files = seed(1500, { createdAt: at(1) });
		let listCalls = 0;
		emulator.clock = () => {
			// After the first page, every request (retries included) fails with a 503.
			if (++listCalls === 1) {
				emulator.injectFault({
					kind: 'serverError',
					status: 503,
					times: 4,
					match: { method: 'GET', path: '/v1/files' },
				});
			}
			return at(60_000);
		};
		await expect(trigger.poll()).rejects.toThrow('Service Unavailable');
		const failedPoll = listRequests()
			.slice(1)
			.map((request) => request.status);
		expect(failedPoll.slice(0, -4).every((status) => status === 200) && failedPoll.length > 4).toBe(
			true,
		);
		expect(failedPoll.slice(-4)).toEqual([503, 503, 503, 503]);
		expect(trigger.staticData.cursor).toEqual(cursorBefore);

		const emitted = await pollIds(trigger);
		expect(emitted).toEqual(files);
		expect(await pollIds(trigger)).toEqual([]);
	});

	it('starts from the first matching file when none existed at activation', async () => {
		const trigger = activeTrigger();
		expect(await trigger.poll()).toBeNull();
		expect(trigger.staticData.cursor).toEqual({ field: 'createdAt', idsAtTimestamp: [] });
		const files = seed(2, { createdAt: at(0) });
		expect(await pollIds(trigger)).toEqual(files);
	});
});

describe('ImageKit File Trigger, filters', () => {
	it('watches one folder, or with subfolders through the search query', async () => {
		emulator.seedFile({ name: 'existing.png', folder: '/shop/', createdAt: at(0) });
		const only = activeTrigger({ folder: 'shop' });
		const tree = activeTrigger({ folder: '/shop/', includeSubfolders: true });
		await only.poll();
		await tree.poll();
		const [inShop] = seed(1, { folder: '/shop/', createdAt: at(1) });
		const [inShoes] = seed(1, { folder: '/shop/shoes/', createdAt: at(2) });
		seed(1, { folder: '/blog/', createdAt: at(3) });
		expect(await pollIds(only)).toEqual([inShop]);
		expect(await pollIds(tree)).toEqual([inShop, inShoes]);
		const queries = listRequests()
			.slice(-2)
			.map((request) => request.query);
		expect(queries[0]).toMatchObject({ path: '/shop/', sort: 'ASC_CREATED' });
		expect(queries[1].searchQuery).toBe(
			'path : "/shop/" AND createdAt >= "2026-03-01T10:00:00.000Z"',
		);
	});

	it('combines tags, file type and the user’s search query', async () => {
		const trigger = activeTrigger({
			filters: { tags: 'sale, summer', fileType: 'image', searchQuery: 'name : "red"' },
		});
		emulator.seedFile({ name: 'red-existing.png', tags: ['sale'], createdAt: at(0) });
		await trigger.poll();
		const [match] = seed(1, { name: 'red-shoe.png', tags: ['summer'], createdAt: at(1) });
		seed(1, { name: 'red-hat.png', tags: ['winter'], createdAt: at(1) });
		seed(1, { name: 'blue.png', tags: ['sale'], createdAt: at(1) });
		seed(1, { name: 'red-doc.txt', tags: ['sale'], content: 'text', createdAt: at(1) });
		expect(await pollIds(trigger)).toEqual([match]);
		expect(listRequests().at(-1)?.query).toMatchObject({
			fileType: 'image',
			searchQuery:
				'(name : "red") AND tags IN ["sale", "summer"] AND createdAt >= "2026-03-01T10:00:00.000Z"',
		});
	});

	it('follows changes to files with Trigger On: File Updated', async () => {
		const [fileId] = seed(1, { createdAt: at(0) });
		const trigger = activeTrigger({ event: 'fileUpdated' });
		await trigger.poll();
		emulator.clock = () => at(5);
		const client = { tags: ['edited'] };
		await fetch(`${emulator.baseUrl}/v1/files/${fileId}/details`, {
			method: 'PATCH',
			headers: {
				authorization: `Basic ${Buffer.from(`${PRIVATE_KEY}:`).toString('base64')}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify(client),
		});
		emulator.clock = () => at(60_000);
		const output = await trigger.poll();
		expect(output?.[0].map((item) => item.json)).toEqual([
			expect.objectContaining({ fileId, tags: ['edited'] }),
		]);
		expect(await trigger.poll()).toBeNull();
		expect(listRequests().at(-1)?.query.sort).toBe('ASC_UPDATED');
	});
});
