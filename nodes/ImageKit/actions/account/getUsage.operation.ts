import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit, UsageRange } from '../../client';
import { ImageKitInputError, usageRange } from '../../client';
import { toNodeError } from '../../helpers/errors';
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

const DATE_LABELS: Record<keyof UsageRange, string> = {
	startDate: "'Start Date'",
	endDate: "'End Date'",
};

/** The client's check of the range, its messages naming this operation's fields. */
function checkedRange(context: IExecuteFunctions, itemIndex: number): UsageRange {
	try {
		return usageRange(
			context.getNodeParameter('startDate', itemIndex, '') as unknown,
			context.getNodeParameter('endDate', itemIndex, '') as unknown,
		);
	} catch (error) {
		if (!(error instanceof ImageKitInputError))
			throw toNodeError(context.getNode(), error, itemIndex);
		const message = error.message.replace(
			/\b(startDate|endDate)\b/g,
			(field) => DATE_LABELS[field as keyof UsageRange],
		);
		throw new NodeOperationError(context.getNode(), message, { itemIndex });
	}
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const range = checkedRange(this, itemIndex);
	const usage = await client.getUsage(range.startDate, range.endDate);
	return itemsFor(this, { ...range, ...usage } as IDataObject, itemIndex);
}
