import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { BulkJob, ImageKit } from '../../client';
import { folderPathFrom, folderPathProperty } from '../../helpers/locators';
import { itemsFor } from '../../helpers/parameters';

/** The source and destination fields shared by Copy and Move. */
export const sourceFolderPathProperty = folderPathProperty({
	displayName: 'Source Folder',
	name: 'sourceFolderPath',
	description: 'The folder to take',
});

export const destinationPathProperty = folderPathProperty({
	displayName: 'Destination Folder',
	name: 'destinationPath',
	description:
		'Folder to put it in: the source folder becomes a subfolder of it, under its own name',
});

export function transferPaths(
	context: IExecuteFunctions,
	itemIndex: number,
): { sourceFolderPath: string; destinationPath: string } {
	return {
		sourceFolderPath: folderPathFrom(context, 'sourceFolderPath', 'Source Folder', itemIndex),
		destinationPath: folderPathFrom(context, 'destinationPath', 'Destination Folder', itemIndex),
	};
}

const DEFAULT_TIMEOUT_SECONDS = 300;

/** The fields of the operations that start a bulk job (copy, move, rename): wait or not, and how long. */
export const waitProperties: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until ImageKit has finished the job and output its final status; otherwise output the job ID at once',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TIMEOUT_SECONDS,
		displayOptions: { show: { waitForCompletion: [true] } },
		description:
			'How long to wait for the job to finish; past it the item fails with the job ID, and the job goes on at ImageKit (see Get Job Status). The wait for each answer is Request Options → Timeout.',
	},
];

/** The job's ID, or its final status when the node waits for it (polling 1 s, doubling to 10 s). */
export async function bulkJobOutput(
	context: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
	job: BulkJob,
): Promise<INodeExecutionData[]> {
	if (!context.getNodeParameter('waitForCompletion', itemIndex, true)) {
		return itemsFor(context, { jobId: job.jobId }, itemIndex);
	}
	const timeoutSeconds = context.getNodeParameter(
		'timeout',
		itemIndex,
		DEFAULT_TIMEOUT_SECONDS,
	) as number;
	const status = await client.waitForBulkJob(job.jobId, { timeoutMs: timeoutSeconds * 1000 });
	return itemsFor(context, status as unknown as IDataObject, itemIndex);
}
