import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['metadata'], operation: ['getFromUrl'] } },
	[
		toolDescription(
			'Gets image or video metadata (width, height, format, size, EXIF, pHash) of any URL served through this ImageKit account, transformations included. Input: the URL.',
		),
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://ik.imagekit.io/your_id/tr:w-300/photo.jpg',
			description: 'A URL served through your ImageKit account',
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
		'an ImageKit URL such as https://ik.imagekit.io/your_id/photo.jpg',
	);
	return itemsFor(this, (await client.getRemoteUrlMetadata(url)) as IDataObject, itemIndex);
}
