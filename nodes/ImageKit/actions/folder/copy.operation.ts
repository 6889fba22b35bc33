import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { bulkJobOutput, waitProperties } from './fields';
import { destinationPathProperty, sourceFolderPathProperty, transferPaths } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['copy'] } },
	[
		toolDescription(
			'Copies a folder with its files and subfolders into another folder. Inputs: Source Folder Path and Destination Folder Path, e.g. /products/summer/ and /archive/. Waits for the job by default and returns its jobId and status.',
		),
		sourceFolderPathProperty,
		destinationPathProperty,
		{
			displayName: 'Include Versions',
			name: 'includeVersions',
			type: 'boolean',
			default: false,
			description: 'Whether to copy every version of each file, not only the current one',
		},
		...waitProperties,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const { sourceFolderPath, destinationPath } = transferPaths(this, itemIndex);
	const includeVersions = this.getNodeParameter('includeVersions', itemIndex, false) as boolean;
	const job = await client.copyFolder(sourceFolderPath, destinationPath, includeVersions);
	return await bulkJobOutput(this, itemIndex, client, job);
}
