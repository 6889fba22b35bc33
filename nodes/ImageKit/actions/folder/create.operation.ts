import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { folderPathFrom, folderPathProperty } from '../../helpers/locators';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['create'] } },
	[
		toolDescription(
			'Creates a folder, and any missing parents. Inputs: Folder Name and Parent Folder (/ for the root). Returns the folderPath.',
		),
		{
			displayName: 'Folder Name',
			name: 'folderName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'summer',
			description:
				'Name of the new folder; characters other than letters and digits become underscores',
		},
		folderPathProperty(
			{
				displayName: 'Parent Folder',
				name: 'parentFolderPath',
				description: 'Folder to create it in; / is the root',
			},
			{ defaultPath: '/' },
		),
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const folderName = requiredText(
		this,
		'folderName',
		itemIndex,
		'Folder Name',
		'the name of the new folder, e.g. summer',
	);
	const parentFolderPath = folderPathFrom(this, 'parentFolderPath', 'Parent Folder', itemIndex);
	return itemsFor(this, await client.createFolder(folderName, parentFolderPath), itemIndex);
}
