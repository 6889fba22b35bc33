import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { BulkDeleteResult, ImageKit } from '../../client';
import { BULK_DELETE_LIMIT, ImageKitApiError } from '../../client';
import { itemsFor, toList } from '../../helpers/parameters';

const properties: INodeProperties[] = [
	{
		displayName: 'File IDs',
		name: 'fileIds',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: '598821f949c0a938d57563bd, 598821f949c0a938d57563be',
		description:
			'IDs of the files to delete, separated by commas or new lines, or an expression returning a list. Any number is accepted; they are sent 100 at a time.',
	},
];

export const option = {
	name: 'Delete Many',
	value: 'deleteMany',
	description: 'Delete many files by ID, reporting the outcome per file',
	action: 'Delete many files',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['deleteMany'] } },
	properties,
);

interface DeleteOutcome extends IDataObject {
	fileId: string;
	deleted: boolean;
	error?: string;
}

/** A 404 that lists missing ids is a per-id outcome, not a failure of the whole item. */
function missingFilesResult(error: unknown): BulkDeleteResult {
	const missing =
		error instanceof ImageKitApiError && error.status === 404
			? (error.body as IDataObject | undefined)?.missingFileIds
			: undefined;
	if (!Array.isArray(missing)) throw error;
	const message = (error as Error).message;
	return { successfullyDeletedFileIds: [], errors: missing.map((fileId) => ({ fileId: String(fileId), error: message })) };
}

async function deleteChunk(client: ImageKit, fileIds: string[]): Promise<DeleteOutcome[]> {
	const result = await client.bulkDeleteFiles(fileIds).catch(missingFilesResult);
	const deleted = new Set(result.successfullyDeletedFileIds ?? []);
	const failures = new Map((result.errors ?? []).map((failure) => [failure.fileId, failure.error]));
	return fileIds.map((fileId) =>
		deleted.has(fileId)
			? { fileId, deleted: true }
			: { fileId, deleted: false, error: failures.get(fileId) ?? 'ImageKit did not confirm the deletion' },
	);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const fileIds = [...new Set(toList(this.getNodeParameter('fileIds', itemIndex)))];
	if (fileIds.length === 0) {
		throw new NodeOperationError(this.getNode(), `'File IDs' is empty`, {
			itemIndex,
			description: 'Enter at least one file ID, e.g. 598821f949c0a938d57563bd',
		});
	}
	const outcomes: DeleteOutcome[] = [];
	for (let start = 0; start < fileIds.length; start += BULK_DELETE_LIMIT) {
		outcomes.push(...(await deleteChunk(client, fileIds.slice(start, start + BULK_DELETE_LIMIT))));
	}
	return itemsFor(this, outcomes, itemIndex);
}
