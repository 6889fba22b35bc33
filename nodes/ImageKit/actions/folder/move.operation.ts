import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { bulkJobOutput, waitProperties } from './fields';
import { destinationPathProperty, sourceFolderPathProperty, transferPaths } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['move'] } },
	[sourceFolderPathProperty, destinationPathProperty, ...waitProperties],
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
