import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { bulkJobOutput, waitProperties } from './fields';
import { destinationPathProperty, sourceFolderPathProperty, transferPaths } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['move'] } },
	[
		toolDescription(
			'Moves a folder with its files and subfolders into another folder. Inputs: Source Folder Path and Destination Folder Path. Waits for the job by default and returns its jobId and status.',
		),
		sourceFolderPathProperty,
		destinationPathProperty,
		...waitProperties,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const { sourceFolderPath, destinationPath } = transferPaths(this, itemIndex);
	const job = await client.moveFolder(sourceFolderPath, destinationPath);
	return await bulkJobOutput(this, itemIndex, client, job);
}
