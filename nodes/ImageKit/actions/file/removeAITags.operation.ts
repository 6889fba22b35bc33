import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { BULK_TAGS_LIMIT } from '../../client';
import { fileIdList, fileIdListProperty, tagOutcomes } from '../../helpers/bulk';
import { itemsFor } from '../../helpers/parameters';
import { tagsFrom, tagsProperty } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['removeAITags'] } },
	[fileIdListProperty('to remove the AI tags from', BULK_TAGS_LIMIT), tagsProperty('AI Tags')],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const tags = tagsFrom(this, itemIndex, 'AI Tags');
	const outcomes = await tagOutcomes(
		fileIdList(this, itemIndex),
		async (fileIds) => await client.removeAITags(fileIds, tags),
	);
	return itemsFor(this, outcomes, itemIndex);
}
