import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['cache'], operation: ['getPurgeStatus'] } },
	[
		toolDescription(
			'Checks a cache purge started by Cache → Purge. Input: the Purge Request ID it returned. Returns status "Pending" or "Completed".',
		),
		{
			displayName: 'Request ID',
			name: 'requestId',
			type: 'string',
			default: '',
			required: true,
			description: 'The requestId returned by Purge',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const requestId = requiredText(
		this,
		'requestId',
		itemIndex,
		'Request ID',
		'the requestId returned by Purge',
	);
	const { status } = await client.getPurgeCacheStatus(requestId);
	return itemsFor(this, { requestId, status }, itemIndex);
}
