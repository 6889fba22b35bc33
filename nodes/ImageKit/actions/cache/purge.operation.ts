import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['cache'], operation: ['purge'] } },
	[
		toolDescription(
			"Purges a delivery URL from ImageKit's CDN and caches so the next request fetches the current file. Input: the full URL, e.g. https://ik.imagekit.io/your_id/shoes/red.jpg; a trailing * purges a prefix only for paths two folders deep or longer. Returns the purge requestId.",
		),
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://ik.imagekit.io/your_id/photo.jpg',
			description:
				'Full URL to purge. End it with * to purge every URL with that prefix: ImageKit allows it after two folder levels (…/images/upload*), 15 characters of path, or a file name with its extension (…/sample.jpg*).',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const url = requiredText(
		this,
		'url',
		itemIndex,
		'URL',
		'the full URL to purge, e.g. https://ik.imagekit.io/your_id/photo.jpg',
	);
	const { requestId } = await client.purgeCache(url);
	return itemsFor(this, { url, requestId }, itemIndex);
}
