import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { BULK_TAGS_LIMIT } from '../../client';
import { fileIdList, fileIdListProperty, tagOutcomes } from '../../helpers/bulk';
import { itemsFor } from '../../helpers/parameters';
import { tagsFrom, tagsProperty } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['removeAITags'] } },
	[
		toolDescription(
			'Removes AI tags, by name, from files. Inputs: File IDs (any number) and AI Tags (comma-separated names). Returns one item per file ID with updated: true or false and a reason.',
		),
		fileIdListProperty('to remove the AI tags from', BULK_TAGS_LIMIT),
		tagsProperty('AI Tags'),
	],
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
