import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['delete'] } },
	[
		toolDescription(
			'Deletes a folder with everything in it. Input: Folder Path, e.g. /old-campaign/. Returns deleted: true.',
		),
		{
			displayName: 'Folder Path',
			name: 'folderPath',
			type: 'string',
			default: '',
			required: true,
			placeholder: '/products/old/',
			description: 'Full path of the folder; everything in it is deleted for good',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const folderPath = requiredText(
		this,
		'folderPath',
		itemIndex,
		'Folder Path',
		'the full path of the folder, e.g. /products/old/',
	);
	await client.deleteFolder(folderPath);
	return itemsFor(this, { folderPath, deleted: true }, itemIndex);
}
