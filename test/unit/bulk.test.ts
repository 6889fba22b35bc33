import type { BulkAnswer, HttpResponse } from '../../nodes/ImageKit/client';
import {
	ImageKitApiError,
	ImageKitInputError,
	MAX_REQUESTS_PER_BULK_CHUNK,
	settleBulk,
} from '../../nodes/ImageKit/client';

const apiError = (status: number, body: unknown = { message: `HTTP ${status}` }) =>
	new ImageKitApiError({ status, headers: {}, body } as HttpResponse);

/**
 * A bulk endpoint as ImageKit documents it: all or nothing, a 404 when any ID is missing (naming
 * them unless `namesMissing` is off), plus scripted failures for given requests (1-based).
 */
function endpoint(existing: string[], namesMissing = true, failures: Record<number, Error> = {}) {
	const sent: string[][] = [];
	const send = async (ids: string[]): Promise<BulkAnswer> => {
		sent.push(ids);
		const failure = failures[sent.length];
		if (failure) throw failure;
		const missingFileIds = ids.filter((id) => !existing.includes(id));
		if (missingFileIds.length > 0) {
			throw apiError(404, {
				message: 'The requested file(s) does not exist.',
				...(namesMissing && { missingFileIds }),
			});
		}
		return { succeededIds: ids };
	};
	return { send, sent };
}

const ids = (prefix: string, count: number) =>
	Array.from({ length: count }, (_, index) => `${prefix}${index}`);
const statuses = (outcomes: Array<{ fileId: string; status: string }>) =>
	Object.fromEntries(outcomes.map((outcome) => [outcome.fileId, outcome.status]));

describe('settleBulk', () => {
	it('resends a chunk without the IDs a 404 names, so every existing file is changed', async () => {
		const existing = ids('f', 8);
		const { send, sent } = endpoint(existing);
		const outcomes = await settleBulk(['f0', 'x1', 'f1', 'f2', 'f3', 'x2', 'f4', 'f5'], 4, send);
		expect(sent).toEqual([
			['f0', 'x1', 'f1', 'f2'],
			['f0', 'f1', 'f2'],
			['f3', 'x2', 'f4', 'f5'],
			['f3', 'f4', 'f5'],
		]);
		expect(outcomes.map((outcome) => outcome.fileId)).toEqual([
			'f0',
			'x1',
			'f1',
			'f2',
			'f3',
			'x2',
			'f4',
			'f5',
		]);
		expect(statuses(outcomes)).toMatchObject({ x1: 'notFound', x2: 'notFound', f0: 'changed' });
		expect(outcomes.filter((outcome) => outcome.status === 'changed')).toHaveLength(6);
	});

	it('keeps resending while the 404s name more IDs (files deleted meanwhile)', async () => {
		const existing = ['a', 'b', 'c'];
		let answers = 0;
		const send = async (chunk: string[]): Promise<BulkAnswer> => {
			answers += 1;
			if (answers === 1) throw apiError(404, { missingFileIds: ['x'] });
			if (answers === 2) throw apiError(404, { missingFileIds: ['b'] });
			return { succeededIds: chunk.filter((id) => existing.includes(id)) };
		};
		expect(statuses(await settleBulk(['a', 'x', 'b', 'c'], 50, send))).toEqual({
			a: 'changed',
			x: 'notFound',
			b: 'notFound',
			c: 'changed',
		});
	});

	it.each([
		[[3], 50, 13],
		[[3, 40], 50, 25],
		[[0], 7, 7],
		[[0, 1, 2, 3, 4, 5, 6], 7, 13],
	])(
		'finds the unnamed missing IDs %j among %i by halving, in at most %i requests',
		async (missingIndexes, size, maxRequests) => {
			const all = ids('f', size);
			const missing = missingIndexes.map((index) => all[index]);
			const { send, sent } = endpoint(
				all.filter((id) => !missing.includes(id)),
				false,
			);
			const outcomes = await settleBulk(all, 50, send);
			expect(outcomes.filter((outcome) => outcome.status === 'notFound')).toEqual(
				missing.map((fileId) => ({ fileId, status: 'notFound' })),
			);
			expect(outcomes.filter((outcome) => outcome.status === 'changed')).toHaveLength(
				size - missing.length,
			);
			expect(sent.length).toBeLessThanOrEqual(maxRequests);
		},
	);

	it('stops searching after the bound and says so instead of guessing', async () => {
		const all = ids('x', 50);
		const { send, sent } = endpoint([], false);
		const outcomes = await settleBulk(all, 50, send);
		expect(sent).toHaveLength(MAX_REQUESTS_PER_BULK_CHUNK);
		const refused = outcomes.filter((outcome) => outcome.status === 'refused');
		expect(refused.length).toBeGreaterThan(0);
		expect(outcomes.every((outcome) => ['notFound', 'refused'].includes(outcome.status))).toBe(
			true,
		);
		expect(refused[0]).toMatchObject({
			error: expect.objectContaining({
				message: expect.stringMatching(/^Not changed: .+32 requests/),
			}),
		});
	});

	it('reports 207 errors per ID and a 2xx that leaves an ID out, without calling either found', async () => {
		const send = async (): Promise<BulkAnswer> => ({
			succeededIds: ['a'],
			errors: [
				{ fileId: 'b', error: 'Combined length of all tags should be less than or equal to 500.' },
			],
		});
		const outcomes = await settleBulk(['a', 'b', 'c'], 50, send);
		expect(outcomes).toEqual([
			{ fileId: 'a', status: 'changed' },
			{
				fileId: 'b',
				status: 'refused',
				error: new Error('Combined length of all tags should be less than or equal to 500.'),
			},
			{
				fileId: 'c',
				status: 'refused',
				error: new Error('ImageKit answered without listing this ID as changed'),
			},
		]);
	});

	it.each([
		['a 400', apiError(400)],
		['a 5xx after the retries', apiError(503)],
		['a lost connection', new Error('socket hang up')],
	])('fails only the chunk that met %s and goes on with the next', async (_, failure) => {
		const { send, sent } = endpoint(ids('f', 6), true, { 2: failure });
		const outcomes = await settleBulk(ids('f', 6), 2, send);
		expect(sent).toHaveLength(3);
		expect(outcomes.map((outcome) => outcome.status)).toEqual([
			'changed',
			'changed',
			'failed',
			'failed',
			'changed',
			'changed',
		]);
		expect(outcomes[2]).toMatchObject({ error: failure });
	});

	it.each([
		['401', apiError(401)],
		['403', apiError(403)],
		['429 after the retries', apiError(429)],
		['bad input', new ImageKitInputError('tags', 'tags must be a non-empty array')],
	])('does not send the next chunks after a %s, which would repeat', async (_, failure) => {
		const { send, sent } = endpoint(ids('f', 6), true, { 2: failure });
		const outcomes = await settleBulk(ids('f', 6), 2, send);
		expect(sent).toHaveLength(2);
		expect(outcomes.map((outcome) => outcome.status)).toEqual([
			'changed',
			'changed',
			'failed',
			'failed',
			'notAttempted',
			'notAttempted',
		]);
		expect(outcomes[5]).toMatchObject({ error: failure });
	});

	it('marks the halves still waiting as not attempted when the search meets such a failure', async () => {
		const { send, sent } = endpoint(['a', 'b', 'c'], false, { 2: apiError(401) });
		const outcomes = await settleBulk(['a', 'b', 'x', 'c'], 50, send);
		expect(sent).toEqual([
			['a', 'b', 'x', 'c'],
			['a', 'b'],
		]);
		expect(outcomes.map((outcome) => outcome.status)).toEqual([
			'failed',
			'failed',
			'notAttempted',
			'notAttempted',
		]);
	});
});
