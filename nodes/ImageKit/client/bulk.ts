// Bulk delete and bulk (AI) tag changes over any number of file IDs, one outcome per ID.
//
// ImageKit's bulk endpoints are all or nothing: "If any of the fileId is not found in your media
// library then a 404 response is returned and no file is deleted. The whole operation fails"
// (docs.imagekit.io, "Delete files (bulk)"). addTags and removeTags answer the same 404 with
// `missingFileIds` ("Remove tags (bulk)"); for removeAITags the spec lists no `missingFileIds`
// (openapi.yaml /v1/files/removeAITags 404). So one stale ID would leave its whole chunk undone:
// the chunk is sent again without the IDs ImageKit named, and where it names none, they are found
// by splitting the chunk in halves.

import { ImageKitApiError, ImageKitInputError } from './errors';

/** What a bulk endpoint confirms: the IDs it changed and, on a 207, an error per ID it did not. */
export interface BulkAnswer {
	succeededIds: string[];
	errors?: Array<{ fileId: string; error: string }>;
}

/**
 * What happened to one ID:
 * - `changed`: ImageKit confirmed the change;
 * - `notFound`: no file has this ID (ImageKit named it, or a request of it alone got the 404);
 * - `refused`: ImageKit answered but did not change it (a 207 error for it, or the search for
 *   unnamed missing IDs ran out of requests);
 * - `failed`: the request carrying it failed for good (e.g. a 400, or a 5xx after the retries);
 * - `notAttempted`: not sent, because an earlier failure would have repeated for every request.
 */
export type BulkOutcome =
	| { fileId: string; status: 'changed' }
	| { fileId: string; status: 'notFound' }
	| { fileId: string; status: 'refused' | 'failed' | 'notAttempted'; error: Error };

/**
 * Requests one chunk may take to find the IDs of a 404 that names none. Halving finds one missing
 * ID among 50 in about 13 requests; past the bound, the IDs still undecided are reported refused.
 */
export const MAX_REQUESTS_PER_BULK_CHUNK = 32;

/** Errors that every further request would meet as well: the key, the account, the rate limit. */
function repeatsForEveryRequest(error: unknown): boolean {
	if (error instanceof ImageKitInputError) return true;
	return error instanceof ImageKitApiError && [401, 403, 429].includes(error.status);
}

/** The IDs of `ids` that a 404 names as missing; undefined when `error` is not such a 404. */
function missingIdsOf(error: unknown, ids: string[]): string[] | undefined {
	if (!(error instanceof ImageKitApiError) || error.status !== 404) return undefined;
	const body = error.body as { missingFileIds?: unknown } | undefined;
	const named = Array.isArray(body?.missingFileIds) ? body.missingFileIds.map(String) : [];
	return ids.filter((id) => named.includes(id));
}

function answered(ids: string[], answer: BulkAnswer): BulkOutcome[] {
	const succeeded = new Set(answer.succeededIds);
	const errors = new Map((answer.errors ?? []).map((entry) => [entry.fileId, entry.error]));
	return ids.map((fileId): BulkOutcome => {
		if (succeeded.has(fileId)) return { fileId, status: 'changed' };
		const error = errors.get(fileId) ?? 'ImageKit answered without listing this ID as changed';
		return { fileId, status: 'refused', error: new Error(error) };
	});
}

/** One chunk settled: an outcome per ID, and the error that should stop further requests. */
async function settleChunk(
	chunk: string[],
	send: (ids: string[]) => Promise<BulkAnswer>,
): Promise<{ outcomes: BulkOutcome[]; stop?: unknown }> {
	const outcomes: BulkOutcome[] = [];
	const pending: string[][] = [chunk];
	let requests = 0;
	while (pending.length > 0) {
		const ids = pending.shift() as string[];
		if (requests === MAX_REQUESTS_PER_BULK_CHUNK) {
			const error = new Error(
				`Not changed: ImageKit refused a request holding this ID because some of its IDs do not exist, without naming them, and the search for them stopped after ${MAX_REQUESTS_PER_BULK_CHUNK} requests. Send fewer IDs at a time.`,
			);
			outcomes.push(...ids.map((fileId) => ({ fileId, status: 'refused' as const, error })));
			continue;
		}
		requests += 1;
		try {
			outcomes.push(...answered(ids, await send(ids)));
		} catch (error) {
			const missing = missingIdsOf(error, ids);
			if (missing === undefined) {
				const failure = error instanceof Error ? error : new Error(String(error));
				outcomes.push(
					...ids.map((fileId) => ({ fileId, status: 'failed' as const, error: failure })),
				);
				if (!repeatsForEveryRequest(error)) continue;
				for (const rest of pending) {
					outcomes.push(
						...rest.map((fileId) => ({ fileId, status: 'notAttempted' as const, error: failure })),
					);
				}
				return { outcomes, stop: failure };
			}
			if (missing.length > 0) {
				outcomes.push(...missing.map((fileId) => ({ fileId, status: 'notFound' as const })));
				const rest = ids.filter((id) => !missing.includes(id));
				if (rest.length > 0) pending.unshift(rest);
			} else if (ids.length === 1) {
				outcomes.push({ fileId: ids[0], status: 'notFound' });
			} else {
				const half = Math.ceil(ids.length / 2);
				pending.unshift(ids.slice(0, half), ids.slice(half));
			}
		}
	}
	return { outcomes };
}

/**
 * Sends `fileIds` `chunkSize` at a time through `send` (one bulk call) and returns one outcome
 * per ID, in the order given. A chunk that fails for good does not hide what the others did: its
 * IDs are `failed`, and the next chunks are still sent unless the failure would repeat for every
 * request (401, 403, 429 after the retries, or bad input), in which case they are `notAttempted`.
 */
export async function settleBulk(
	fileIds: string[],
	chunkSize: number,
	send: (ids: string[]) => Promise<BulkAnswer>,
): Promise<BulkOutcome[]> {
	const outcomes = new Map<string, BulkOutcome>();
	let stop: unknown;
	for (let start = 0; start < fileIds.length; start += chunkSize) {
		const chunk = fileIds.slice(start, start + chunkSize);
		if (stop !== undefined) {
			const error = stop as Error;
			for (const fileId of chunk) outcomes.set(fileId, { fileId, status: 'notAttempted', error });
			continue;
		}
		const settled = await settleChunk(chunk, send);
		for (const outcome of settled.outcomes) outcomes.set(outcome.fileId, outcome);
		stop = settled.stop;
	}
	return fileIds.map((fileId) => outcomes.get(fileId) as BulkOutcome);
}
