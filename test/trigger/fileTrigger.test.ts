import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ImageKitApi } from '../../credentials/ImageKitApi.credentials';
import { LAG_WINDOW_MS, MAX_REMEMBERED_FILES } from '../../nodes/ImageKitFileTrigger/cursor';
import { ImageKitFileTrigger } from '../../nodes/ImageKitFileTrigger/ImageKitFileTrigger.node';
import { ImageKitEmulator, type SearchDateOptions, type SeedFileInput } from '../emulator';
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
	emulator.searchDates = { precision: 'millisecond', documentedFormatsOnly: false };
	emulator.indexingLagMs = 0;
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

/** Calls `run` as each list request arrives, with how many have arrived so far. */
function onList(run: (count: number) => void): void {
	let count = 0;
	emulator.onRequest = (request) => {
		if (request.path === '/v1/files') run(++count);
	};
}

/**
 * The ways ImageKit may read search dates (API.md §10): to the millisecond and in any ISO form, or
 * only to the second and only in the documented forms. The exactly-once tests run under both.
 */
const SERVER_DATES: Array<[string, SearchDateOptions]> = [
	['to the millisecond', { precision: 'millisecond', documentedFormatsOnly: false }],
	['to the second, documented forms only', { precision: 'second', documentedFormatsOnly: true }],
];

describe('ImageKit File Trigger, manual mode (Fetch Test Event) through n8n’s engine', () => {
	it('returns the newest matching file', async () => {
		emulator.seedFile({ name: 'old.png', folder: '/shop/', createdAt: at(0) });
		emulator.seedFile({ name: 'new.png', folder: '/shop/', createdAt: at(2) });
		emulator.seedFile({ name: 'elsewhere.png', folder: '/blog/', createdAt: at(5) });
		const result = await engine.runNode(TYPE, {
			folder: { __rl: true, mode: 'list', value: '/shop/' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.name)).toEqual(['new.png']);
	});

	it('says so when no file matches', async () => {
		emulator.seedFile({ name: 'a.png', tags: ['other'] });
		const result = await engine.runNode(TYPE, { filters: { tags: 'sale' } });
		expect(result.error?.message).toBeProblemWithFix(
			'No file in ImageKit matches this trigger yet',
		);
		expect(result.items).toEqual([]);
	});
});

describe.each(SERVER_DATES)(
	'ImageKit File Trigger, scheduled polls, dates compared %s',
	(_, dates) => {
		beforeEach(() => {
			emulator.searchDates = dates;
		});

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
			expect(Object.keys((trigger.staticData.cursor as IDataObject).seen as IDataObject)).toEqual(
				before,
			);

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
			// The static data stays small: the window shrank to keep at most MAX_REMEMBERED_FILES.
			const cursor = trigger.staticData.cursor as IDataObject;
			expect(Object.keys(cursor.seen as IDataObject).length).toBeLessThanOrEqual(
				MAX_REMEMBERED_FILES,
			);
			expect(JSON.stringify(trigger.staticData).length).toBeLessThan(60_000);
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
			// Files arrive as the second page is asked for.
			onList((count) => {
				if (count !== 2) return;
				arrivals.push(
					...Array.from(
						{ length: 5 },
						(_, index) =>
							emulator.seedFile({ name: `late${index}.png`, createdAt: at(1 + index) }).fileId,
					),
				);
			});
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
			// From the second page on, every request (retries included) fails with a 503.
			onList((count) => {
				if (count !== 2) return;
				emulator.injectFault({
					kind: 'serverError',
					status: 503,
					times: 4,
					match: { method: 'GET', path: '/v1/files' },
				});
			});
			await expect(trigger.poll()).rejects.toThrow('Service Unavailable');
			const failedPoll = listRequests()
				.slice(1)
				.map((request) => request.status);
			expect(
				failedPoll.slice(0, -4).every((status) => status === 200) && failedPoll.length > 4,
			).toBe(true);
			expect(failedPoll.slice(-4)).toEqual([503, 503, 503, 503]);
			expect(trigger.staticData.cursor).toEqual(cursorBefore);

			const emitted = await pollIds(trigger);
			expect(emitted).toEqual(files);
			expect(await pollIds(trigger)).toEqual([]);
		});

		it('starts from the first matching file when none existed at activation', async () => {
			const trigger = activeTrigger();
			expect(await trigger.poll()).toBeNull();
			expect(trigger.staticData.cursor).toEqual({ field: 'createdAt', seen: {} });
			const files = seed(2, { createdAt: at(0) });
			expect(await pollIds(trigger)).toEqual(files);
		});
	},
);

describe.each(SERVER_DATES)(
	'ImageKit File Trigger, indexing lag, dates compared %s',
	(_, dates) => {
		let now: number;
		beforeEach(() => {
			emulator.searchDates = dates;
			now = T0 + 60_000;
			emulator.clock = () => new Date(now);
		});

		it('emits a file that shows up late, with an older date than one emitted, once', async () => {
			const trigger = activeTrigger();
			await trigger.poll();
			const [newer] = seed(1, { createdAt: at(30_000) });
			// Written before `newer`, but indexed only later.
			const [late] = seed(1, {
				name: 'late.png',
				createdAt: at(20_000),
				searchableAt: at(100_000),
			});
			expect(await pollIds(trigger)).toEqual([newer]);
			now = T0 + 120_000;
			expect(await pollIds(trigger)).toEqual([late]);
			expect(await pollIds(trigger)).toEqual([]);
		});

		it(`emits a file that shows up to ${LAG_WINDOW_MS / 60_000} minutes late, not later`, async () => {
			const trigger = activeTrigger();
			await trigger.poll();
			const newest = 10 * 60_000;
			const [first] = seed(1, { createdAt: at(newest) });
			now = T0 + newest + 1000;
			expect(await pollIds(trigger)).toEqual([first]);
			const [inWindow] = seed(1, {
				name: 'in.png',
				createdAt: at(newest - LAG_WINDOW_MS + 1000),
				searchableAt: at(newest + 60_000),
			});
			seed(1, {
				name: 'out.png',
				createdAt: at(newest - LAG_WINDOW_MS - 2000),
				searchableAt: at(newest + 60_000),
			});
			now = T0 + newest + 120_000;
			expect(await pollIds(trigger)).toEqual([inWindow]);
			expect(await pollIds(trigger)).toEqual([]);
		});

		it('emits every file exactly once while files show up in another order than their dates', async () => {
			emulator.indexingLagMs = 90_000;
			now = T0;
			const trigger = activeTrigger();
			await trigger.poll();
			const written: string[] = [];
			const emitted: string[] = [];
			for (let step = 0; step < 30; step++) {
				now += 10_000;
				for (let index = 0; index < 7; index++) {
					const createdAt = new Date(now - index * 1300);
					written.push(emulator.seedFile({ name: `s${step}-${index}.png`, createdAt }).fileId);
				}
				emitted.push(...(await pollIds(trigger)));
			}
			now += 200_000;
			emitted.push(...(await pollIds(trigger)), ...(await pollIds(trigger)));
			expect(emitted).toHaveLength(new Set(emitted).size);
			expect(new Set(emitted)).toEqual(new Set(written));
			// Every date sent is in the form ImageKit documents.
			const dates = listRequests().map(
				(request) => /createdAt >= "([^"]*)"/.exec(request.query.searchQuery ?? '')?.[1],
			);
			expect(dates.filter((date) => date !== undefined).length).toBeGreaterThan(0);
			for (const date of dates)
				if (date !== undefined) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
		});

		it('carries over the cursor the previous version kept, emitting nothing twice', async () => {
			// That version kept the last date read, to the millisecond, and the files read at it.
			const [atCursor] = seed(1, { name: 'at.png', createdAt: at(5_500) });
			seed(1, { name: 'before.png', createdAt: at(5_200) });
			const trigger = activeTrigger();
			trigger.staticData.cursor = {
				field: 'createdAt',
				timestamp: at(5_500).toISOString(),
				idsAtTimestamp: [atCursor],
			};
			const [sameMoment] = seed(1, { name: 'same.png', createdAt: at(5_500) });
			const [later] = seed(1, { name: 'later.png', createdAt: at(7_000) });
			expect(await pollIds(trigger)).toEqual([sameMoment, later]);
			expect(await pollIds(trigger)).toEqual([]);
		});
	},
);

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
		// The window's start, in the date form ImageKit documents: 5 minutes before the newest file.
		expect(queries[1].searchQuery).toBe('path : "/shop/" AND createdAt >= "2026-03-01T09:55:00"');
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
				'(name : "red") AND tags IN ["sale", "summer"] AND createdAt >= "2026-03-01T09:55:00"',
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
