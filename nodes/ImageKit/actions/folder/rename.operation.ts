import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { folderPathFrom, folderPathProperty } from '../../helpers/locators';
import { requiredText } from '../../helpers/parameters';
import { bulkJobOutput, waitProperties } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['rename'] } },
	[
		toolDescription(
			'Renames a folder. Inputs: Folder and New Folder Name; the paths of everything inside change. Waits for the job by default and returns its jobId and status.',
		),
		folderPathProperty({
			displayName: 'Folder',
			name: 'folderPath',
			description: 'The folder to rename',
		}),
		{
			displayName: 'New Folder Name',
			name: 'newFolderName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'summer-2025',
			description: 'Characters other than letters, digits and - become underscores',
		},
		{
			displayName: 'Purge Cache',
			name: 'purgeCache',
			type: 'boolean',
			default: false,
			description:
				'Whether to purge the old URLs of the files from the CDN cache (one purge request, counted against the monthly purge quota)',
		},
		...waitProperties,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const folderPath = folderPathFrom(this, 'folderPath', 'Folder', itemIndex);
	const newFolderName = requiredText(
		this,
		'newFolderName',
		itemIndex,
		'New Folder Name',
		'the new name, e.g. summer-2025',
	);
	const purgeCache = this.getNodeParameter('purgeCache', itemIndex, false) as boolean;
	const job = await client.renameFolder(folderPath, newFolderName, purgeCache);
	return await bulkJobOutput(this, itemIndex, client, job);
}
