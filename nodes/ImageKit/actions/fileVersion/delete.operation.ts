import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor } from '../../helpers/parameters';
import { fileIdFrom, fileIdProperty } from '../../helpers/locators';
import { versionIdFrom, versionIdProperty } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['fileVersion'], operation: ['delete'] } },
	[
		toolDescription(
			'Deletes an older version of a file, given the file (by ID or URL) and the Version ID; the current version cannot be deleted. Returns deleted: true.',
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
	const versionId = versionIdFrom(this, itemIndex);
	await client.deleteFileVersion(fileId, versionId);
	return itemsFor(this, { fileId, versionId, deleted: true }, itemIndex);
}
