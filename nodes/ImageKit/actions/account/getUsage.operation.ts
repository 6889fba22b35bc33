import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { usageRange } from '../../client';
import { itemsFor } from '../../helpers/parameters';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getUsage'] } },
	[
		toolDescription(
			"Reports the ImageKit account's usage between Start Date (included) and End Date (excluded), at most 89 days apart, dates as YYYY-MM-DD. Returns bandwidthBytes, mediaLibraryStorageBytes, videoProcessingUnitsCount, extensionUnitsCount and originalCacheStorageBytes.",
		),
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'First day counted (its date is used, the time ignored)',
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			required: true,
			description:
				'The day after the last day counted: the end date is excluded, and must be under 90 days after the start',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	// Checked here too, so a bad range names the node's fields rather than the API's.
	const range = usageRange(
		this.getNodeParameter('startDate', itemIndex, '') as unknown,
		this.getNodeParameter('endDate', itemIndex, '') as unknown,
		{ startDate: "'Start Date'", endDate: "'End Date'" },
	);
	const usage = await client.getUsage(range.startDate, range.endDate);
	return itemsFor(this, { ...range, ...usage } as IDataObject, itemIndex);
}
