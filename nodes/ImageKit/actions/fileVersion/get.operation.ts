import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor } from '../../helpers/parameters';
import { fileIdFrom, fileIdProperty } from '../../helpers/locators';
import { versionIdFrom, versionIdProperty } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['fileVersion'], operation: ['get'] } },
	[
		toolDescription(
			"Gets one version of a file, given the file (by ID or URL) and the Version ID (versionInfo.id in Get Many). Returns that version's details.",
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
	const version = await client.getFileVersion(fileId, versionIdFrom(this, itemIndex));
	return itemsFor(this, version as IDataObject, itemIndex);
}
