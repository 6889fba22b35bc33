import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { BulkTagsResult, ImageKit } from '../../client';
import { BULK_TAGS_LIMIT } from '../../client';
import { fileIdList, fileIdListProperty, outcomePerId } from '../../helpers/bulk';
import { itemsFor, toList } from '../../helpers/parameters';
import type { Operation } from '../types';

interface TagOperationSpec {
	/** The operation's value, e.g. `addTags`. */
	value: string;
	/** What the tags field holds, e.g. "Tags" or "AI Tags". */
	tagsLabel: string;
	purpose: string;
	send(client: ImageKit, fileIds: string[], tags: string[]): Promise<BulkTagsResult>;
}

/** Add Tags, Remove Tags and Remove AI Tags: many files, 50 per request, one outcome per file. */
export function tagOperation({ value, tagsLabel, purpose, send }: TagOperationSpec): Operation {
	return {
		description: updateDisplayOptions({ show: { resource: ['file'], operation: [value] } }, [
			fileIdListProperty(purpose, BULK_TAGS_LIMIT),
			{
				displayName: tagsLabel,
				name: 'tags',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'summer, sale',
				description: `${tagsLabel}, separated by commas, or an expression returning a list`,
			},
		]),
		async execute(
			this: IExecuteFunctions,
			itemIndex: number,
			client: ImageKit,
		): Promise<INodeExecutionData[]> {
			const fileIds = fileIdList(this, itemIndex);
			const tags = toList(this.getNodeParameter('tags', itemIndex));
			if (tags.length === 0) {
				throw new NodeOperationError(this.getNode(), `'${tagsLabel}' is empty`, {
					itemIndex,
					description: 'Enter at least one tag, e.g. summer, sale',
				});
			}
			const outcomes = await outcomePerId(fileIds, BULK_TAGS_LIMIT, 'updated', async (chunk) => {
				const result = await send(client, chunk, tags);
				return { succeededIds: result.successfullyUpdatedFileIds ?? [], errors: result.errors };
			});
			return itemsFor(this, outcomes, itemIndex);
		},
	};
}
