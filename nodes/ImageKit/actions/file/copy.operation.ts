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
import { includeFileVersionsProperty } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

const properties: INodeProperties[] = [
	fileIdProperty,
	folderPathProperty({
		displayName: 'Destination Folder',
		name: 'destinationPath',
		description:
			'The folder to copy the file into; a file of the same name there gets the copy as a new version',
	}),
	includeFileVersionsProperty('copy'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['copy'] } },
	[
		toolDescription(
			'Copies one file (picked by ID or URL) into a destination folder path such as /archive/, optionally with all its versions. Returns the source path, destination and copied: true.',
		),
		...properties,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const { filePath } = await client.getFileDetails(await fileIdFrom(this, client, itemIndex));
	const destinationPath = folderPathFrom(this, 'destinationPath', 'Destination Folder', itemIndex);
	const includeFileVersions = this.getNodeParameter(
		'includeFileVersions',
		itemIndex,
		false,
	) as boolean;
	await client.copyFile(filePath, destinationPath, includeFileVersions);
	return itemsFor(
		this,
		{ sourceFilePath: filePath, destinationPath, includeFileVersions, copied: true },
		itemIndex,
	);
}
