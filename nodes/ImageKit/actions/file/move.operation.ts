import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor } from '../../helpers/parameters';
import {
	fileIdFrom,
	fileIdProperty,
	folderPathFrom,
	folderPathProperty,
} from '../../helpers/locators';
import { toolDescription } from '../../helpers/toolDescription';

const properties: INodeProperties[] = [
	fileIdProperty,
	folderPathProperty({
		displayName: 'Destination Folder',
		name: 'destinationPath',
		description:
			'The folder to move the file into; a file of the same name there gets it as new versions',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['move'] } },
	[
		toolDescription(
			'Moves one file (by ID or URL) with all its versions into a destination folder path such as /archive/. Returns the new path and moved: true.',
		),
		...properties,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const fileId = await fileIdFrom(this, client, itemIndex);
	const { filePath } = await client.getFileDetails(fileId);
	const destinationPath = folderPathFrom(this, 'destinationPath', 'Destination Folder', itemIndex);
	await client.moveFile(filePath, destinationPath);
	return itemsFor(
		this,
		{ fileId, sourceFilePath: filePath, destinationPath, moved: true },
		itemIndex,
	);
}
