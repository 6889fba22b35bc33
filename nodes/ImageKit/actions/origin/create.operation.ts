import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor } from '../../helpers/parameters';
import { originFromParameters, originProperties } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['origin'], operation: ['create'] } },
	[
		toolDescription(
			"Adds an origin: storage ImageKit fetches files from (S3, S3-compatible, Google Cloud Storage, Azure Blob, a web folder, a web proxy, Cloudinary backup, Akeneo PIM). Inputs: Type, Name and that type's settings and keys. Returns the origin with its id, without secrets.",
		),
		...originProperties,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const origin = await client.createOrigin(originFromParameters(this, itemIndex));
	return itemsFor(this, origin as IDataObject, itemIndex);
}
