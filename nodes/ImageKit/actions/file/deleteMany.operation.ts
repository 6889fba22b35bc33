import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { BULK_DELETE_LIMIT } from '../../client';
import { fileIdList, fileIdListProperty, outcomePerId } from '../../helpers/bulk';
import { itemsFor } from '../../helpers/parameters';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['deleteMany'] } },
	[
		toolDescription(
			'Deletes files by ID. Input: File IDs, any number, comma-separated. Returns one item per ID with deleted: true, or deleted: false and a reason (notFound when no file has that ID).',
		),
		fileIdListProperty('to delete', BULK_DELETE_LIMIT),
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const outcomes = await outcomePerId(
		fileIdList(this, itemIndex),
		BULK_DELETE_LIMIT,
		'deleted',
		async (chunk) => {
			const result = await client.bulkDeleteFiles(chunk);
			return { succeededIds: result.successfullyDeletedFileIds ?? [], errors: result.errors };
		},
	);
	return itemsFor(this, outcomes, itemIndex);
}
