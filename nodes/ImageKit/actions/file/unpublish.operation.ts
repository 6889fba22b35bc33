import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { fileIdFrom, fileIdProperty } from '../../helpers/locators';
import { itemsFor } from '../../helpers/parameters';
import { includeFileVersionsProperty } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['unpublish'] } },
	[
		toolDescription(
			"Unpublishes a file (by ID or URL): its URLs stop serving it and search no longer finds it, without deleting it; optionally all its versions. Returns the file's details.",
		),
		fileIdProperty,
		includeFileVersionsProperty('unpublish'),
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const fileId = await fileIdFrom(this, client, itemIndex);
	const includeFileVersions = this.getNodeParameter('includeFileVersions', itemIndex) as boolean;
	const details = await client.publishFile(fileId, false, includeFileVersions);
	return itemsFor(this, details as IDataObject, itemIndex);
}
