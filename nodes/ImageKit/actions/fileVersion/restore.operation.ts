import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor } from '../../helpers/parameters';
import { fileIdFrom, fileIdProperty } from '../../helpers/locators';
import { versionIdFrom, versionIdProperty } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['fileVersion'], operation: ['restore'] } },
	[
		toolDescription(
			"Makes an older version the current one, given the file (by ID or URL) and the Version ID. Returns the restored file's details.",
		),
		fileIdProperty,
		versionIdProperty,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const fileId = await fileIdFrom(this, client, itemIndex);
	const restored = await client.restoreFileVersion(fileId, versionIdFrom(this, itemIndex));
	return itemsFor(this, restored as IDataObject, itemIndex);
}
