import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';

export const description = updateDisplayOptions(
	{ show: { resource: ['metadata'], operation: ['getFromUrl'] } },
	[
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
