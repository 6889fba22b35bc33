import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { BULK_TAGS_LIMIT } from '../../client';
import { fileIdList, fileIdListProperty, tagOutcomes } from '../../helpers/bulk';
import { itemsFor } from '../../helpers/parameters';
import { tagsFrom, tagsProperty } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['removeTags'] } },
	[
		toolDescription(
			'Removes tags from files. Inputs: File IDs (any number) and Tags (comma-separated). Returns one item per file ID with updated: true or false and a reason.',
		),
		fileIdListProperty('to remove the tags from', BULK_TAGS_LIMIT),
		tagsProperty('Tags'),
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const tags = tagsFrom(this, itemIndex, 'Tags');
	const outcomes = await tagOutcomes(
		fileIdList(this, itemIndex),
		async (fileIds) => await client.removeTags(fileIds, tags),
	);
	return itemsFor(this, outcomes, itemIndex);
}
