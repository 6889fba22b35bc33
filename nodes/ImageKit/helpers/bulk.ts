import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ImageKitApiError } from '../client';
import { toList } from './parameters';

/** What a bulk endpoint answers: the ids it changed and, on a partial success (207), an error per id. */
export interface BulkAnswer {
	succeededIds: string[];
	errors?: Array<{ fileId: string; error: string }>;
}

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
		throw new NodeOperationError(context.getNode(), `'File IDs' is empty`, {
			itemIndex,
			description: 'Enter at least one file ID, e.g. 598821f949c0a938d57563bd',
		});
	}
	return fileIds;
}

/**
 * A bulk 404 means no id of the chunk exists: it is a per-id outcome, not a failure of the whole
 * item. ImageKit lists the ids in `missingFileIds` where the endpoint has it.
 */
function missingFilesAnswer(error: unknown, chunk: string[]): BulkAnswer {
	if (!(error instanceof ImageKitApiError) || error.status !== 404) throw error;
	const listed = (error.body as IDataObject | undefined)?.missingFileIds;
	const missing = Array.isArray(listed) ? listed.map(String) : chunk;
	return { succeededIds: [], errors: missing.map((fileId) => ({ fileId, error: error.message })) };
}

/**
 * Sends `fileIds` in chunks of `chunkSize` and reports one outcome per id:
 * `{ fileId, [outcome]: true }` or `{ fileId, [outcome]: false, error }`.
 */
export async function outcomePerId(
	fileIds: string[],
	chunkSize: number,
	outcome: string,
	send: (chunk: string[]) => Promise<BulkAnswer>,
): Promise<IDataObject[]> {
	const outcomes: IDataObject[] = [];
	for (let start = 0; start < fileIds.length; start += chunkSize) {
		const chunk = fileIds.slice(start, start + chunkSize);
		const answer = await send(chunk).catch((error: unknown) => missingFilesAnswer(error, chunk));
		const succeeded = new Set(answer.succeededIds);
		const failures = new Map(
			(answer.errors ?? []).map((failure) => [failure.fileId, failure.error]),
		);
		for (const fileId of chunk) {
			outcomes.push(
				succeeded.has(fileId)
					? { fileId, [outcome]: true }
					: {
							fileId,
							[outcome]: false,
							error: failures.get(fileId) ?? 'ImageKit did not confirm the change',
						},
			);
		}
	}
	return outcomes;
}
