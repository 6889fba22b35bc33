import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { BULK_DELETE_LIMIT } from '../../client';
import { fileIdList, fileIdListProperty, outcomePerId } from '../../helpers/bulk';
import { itemsFor } from '../../helpers/parameters';

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['deleteMany'] } },
	[fileIdListProperty('to delete', BULK_DELETE_LIMIT)],
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
