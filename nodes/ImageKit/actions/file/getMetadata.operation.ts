import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor } from '../../helpers/parameters';
import { fileIdFrom, fileIdProperty } from './common';

export const option = {
	name: 'Get Metadata',
	value: 'getMetadata',
	description: 'Get the image or video metadata of a file: size, format, EXIF, pHash',
	action: 'Get the metadata of a file',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['getMetadata'] } },
	[fileIdProperty],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const fileId = await fileIdFrom(this, client, itemIndex);
	return itemsFor(this, (await client.getFileMetadata(fileId)) as IDataObject, itemIndex);
}
