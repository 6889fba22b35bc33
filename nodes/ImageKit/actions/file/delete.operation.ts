import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor } from '../../helpers/parameters';
import { fileIdFrom, fileIdProperty } from '../../helpers/locators';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['delete'] } },
	[
		toolDescription(
			'Deletes one file and all its versions, picked by file ID or URL. The CDN may serve cached copies until purged. Returns the fileId and deleted: true.',
		),
		fileIdProperty,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const fileId = await fileIdFrom(this, client, itemIndex);
	await client.deleteFile(fileId);
	return itemsFor(this, { fileId, deleted: true }, itemIndex);
}
