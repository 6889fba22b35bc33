import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor } from '../../helpers/parameters';
import { fileIdFrom, fileIdProperty } from '../../helpers/locators';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['getMetadata'] } },
	[
		toolDescription(
			'Gets the technical metadata of one file (by ID or URL): width, height, format, size, EXIF, and its pHash for comparing images.',
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
	return itemsFor(this, (await client.getFileMetadata(fileId)) as IDataObject, itemIndex);
}
