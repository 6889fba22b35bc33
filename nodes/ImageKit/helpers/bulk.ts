import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BulkAnswer, BulkOutcome, BulkTagsResult } from '../client';
import { BULK_TAGS_LIMIT, settleBulk } from '../client';
import { toList } from './parameters';
import { inputError } from './errors';

/** The "File IDs" field of a bulk operation. */
export function fileIdListProperty(purpose: string, chunkSize: number): INodeProperties {
	return {
		displayName: 'File IDs',
		name: 'fileIds',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: '598821f949c0a938d57563bd, 598821f949c0a938d57563be',
		description: `IDs of the files ${purpose}, separated by commas or new lines, or an expression returning a list. Any number is accepted; they are sent ${chunkSize} at a time.`,
	};
}

/** The distinct ids of the "File IDs" field; an empty list fails naming the field. */
export function fileIdList(context: IExecuteFunctions, itemIndex: number): string[] {
	const fileIds = [...new Set(toList(context.getNodeParameter('fileIds', itemIndex)))];
	if (fileIds.length === 0) {
		throw inputError(
			context.getNode(),
			itemIndex,
			`'File IDs' is empty`,
			'enter at least one file ID, e.g. 598821f949c0a938d57563bd',
		);
	}
	return fileIds;
}

function outputOf(outcome: BulkOutcome, changed: string): IDataObject {
	const { fileId } = outcome;
	switch (outcome.status) {
		case 'changed':
			return { fileId, [changed]: true };
		case 'notFound':
			return {
				fileId,
				[changed]: false,
				reason: 'notFound',
				error: 'Not found: no file in the media library has this ID',
			};
		case 'notAttempted':
			return {
				fileId,
				[changed]: false,
				reason: 'notAttempted',
				error: `Not attempted: an earlier request failed with "${outcome.error.message}", which would repeat for every request`,
			};
		default:
			return { fileId, [changed]: false, reason: outcome.status, error: outcome.error.message };
	}
}

/**
 * Sends `fileIds` in chunks of `chunkSize` and returns one output per ID, in order:
 * `{ fileId, [changed]: true }`, or `{ fileId, [changed]: false, reason, error }` where `reason`
 * is `notFound`, `refused`, `failed` or `notAttempted` (see BulkOutcome).
 *
 * The operation as a whole throws only when a request failed for good AND no ID at all was
 * changed: nothing happened that the error could hide, so the workflow stops (or, with Continue
 * On Fail, gets one error item) as for any failed operation. Once anything was changed, throwing
 * would hide it (say, 200 deletions before a chunk failed), so every ID's outcome is returned,
 * with `error` on the IDs that failed. IDs that do not exist are an outcome, never a failure.
 */
export async function outcomePerId(
	fileIds: string[],
	chunkSize: number,
	changed: string,
	send: (chunk: string[]) => Promise<BulkAnswer>,
): Promise<IDataObject[]> {
	const outcomes = await settleBulk(fileIds, chunkSize, send);
	if (!outcomes.some((outcome) => outcome.status === 'changed')) {
		const failure = outcomes.find((outcome) => outcome.status === 'failed');
		if (failure && 'error' in failure) throw failure.error;
	}
	return outcomes.map((outcome) => outputOf(outcome, changed));
}

/** Add Tags, Remove Tags, Remove AI Tags: `send` one request of at most 50 IDs, one output per ID. */
export async function tagOutcomes(
	fileIds: string[],
	send: (chunk: string[]) => Promise<BulkTagsResult>,
): Promise<IDataObject[]> {
	return await outcomePerId(fileIds, BULK_TAGS_LIMIT, 'updated', async (chunk) => {
		const result = await send(chunk);
		return { succeededIds: result.successfullyUpdatedFileIds ?? [], errors: result.errors };
	});
}
