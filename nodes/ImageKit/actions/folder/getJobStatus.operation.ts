import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['getJobStatus'] } },
	[
		toolDescription(
			'Reads the status of a folder copy, move or rename job by its Job ID: Pending, Completed, or Partial success.',
		),
		{
			displayName: 'Job ID',
			name: 'jobId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '5d5b1a9b4c8c4c0001f3e4a2',
			description: 'The jobId returned by Copy, Move or Rename',
		},
	],
);

/** A rename whose purge failed answers `status: "Partial success"` with ImageKit's message: an output, not a failure. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const jobId = requiredText(
		this,
		'jobId',
		itemIndex,
		'Job ID',
		'the jobId returned by Copy, Move or Rename',
	);
	return itemsFor(
		this,
		(await client.getBulkJobStatus(jobId)) as unknown as IDataObject,
		itemIndex,
	);
}
