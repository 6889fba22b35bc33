import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { folderPathFrom, folderPathProperty } from '../../helpers/locators';
import { itemsFor } from '../../helpers/parameters';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['delete'] } },
	[
		toolDescription(
			'Deletes a folder with everything in it. Input: Folder (its path), e.g. /old-campaign/. Returns deleted: true.',
		),
		folderPathProperty({
			displayName: 'Folder',
			name: 'folderPath',
			description: 'The folder to delete; everything in it is deleted for good',
		}),
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const folderPath = folderPathFrom(this, 'folderPath', 'Folder', itemIndex);
	await client.deleteFolder(folderPath);
	return itemsFor(this, { folderPath, deleted: true }, itemIndex);
}
